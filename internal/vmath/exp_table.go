package vmath

// Tables of 2^(i/expN), i = 0..expN-1, split as ARM's optimized-routines
// exp does: expScale[i] holds the bits of s = 2^(i/expN) rounded to
// float64, less i<<(52-expBits) (so adding the bits of k·expN+i shifted
// left by 52-expBits gives 2^k·s), and expTail[i] holds
// (2^(i/expN) - s)/s. Checked against math/big in exp_test.go.

var expTail = [expN]uint64{
	0x0000000000000000, 0x3c8cd2523567f613, 0x3c979aa65d837b6d, 0xbc9556522a2fbd0e,
	0xbc801b15eaa59348, 0x3c9aecf73e3a2f60, 0x3c968efde3a8a894, 0x3c82f7e16d09ab31,
	0x3c834d754db0abb6, 0xbc924aedcc4b5068, 0x3c859f48a72a4c6d, 0x3c4363ed60c2ac11,
	0x3c7690cebb7aafb0, 0xbc78dec6bd0f385f, 0x3c9063e1e21c5409, 0xbc8c33c53bef4da8,
	0xbc93b3efbf5e2228, 0xbc781f647e5a3ecf, 0xbc7b32dcb94da51d, 0xbc9369b6f13b3734,
	0x3c8db72fc1f0eab4, 0xbc5da9b88b6c1e29, 0x3c71affc2b91ce27, 0xbc91bbd1d3bcbb15,
	0x3c8c1a7792cb3387, 0xbc68d6f438ad9334, 0x3c736eae30af0cb3, 0x3c676b2c6c921968,
	0x3c74a385a63d07a7, 0xbc82d52107b43e1f, 0xbc8ff7128fd391f0, 0x3c8a64a931d185ee,
}

var expScale = [expN]uint64{
	0x3ff0000000000000, 0x3fefd9b0d3158574, 0x3fefb5586cf9890f, 0x3fef9301d0125b51,
	0x3fef72b83c7d517b, 0x3fef54873168b9aa, 0x3fef387a6e756238, 0x3fef1e9df51fdee1,
	0x3fef06fe0a31b715, 0x3feef1a7373aa9cb, 0x3feedea64c123422, 0x3feece086061892d,
	0x3feebfdad5362a27, 0x3feeb42b569d4f82, 0x3feeab07dd485429, 0x3feea47eb03a5585,
	0x3feea09e667f3bcd, 0x3fee9f75e8ec5f74, 0x3feea11473eb0187, 0x3feea589994cce13,
	0x3feeace5422aa0db, 0x3feeb737b0cdc5e5, 0x3feec49182a3f090, 0x3feed503b23e255d,
	0x3feee89f995ad3ad, 0x3feeff76f2fb5e47, 0x3fef199bdd85529c, 0x3fef3720dcef9069,
	0x3fef5818dcfba487, 0x3fef7c97337b9b5f, 0x3fefa4afa2a490da, 0x3fefd0765b6e4540,
}
