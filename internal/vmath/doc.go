// Package vmath holds vectorised elementwise math kernels on float64
// slices, used by the numpy-style array functions.
//
// Exp(dst, src) stores exp(src[i]) in dst[i]. On amd64 with AVX2 and FMA
// it runs an assembly kernel four lanes at a time (table-driven: x = k·ln2/128
// + r, a degree-5 polynomial for exp(r), 2^k put into the exponent bits);
// elsewhere, and under the purego build tag, the same algorithm in Go.
// Results are within 1 ulp of math.Exp (in practice the two agree on all
// but a small fraction of inputs); inputs with |x| ≥ 700, NaNs and
// infinities are handed to math.Exp, so special values, overflow and
// subnormal results are exactly math.Exp's.
//
// DivScalar, ScalarDiv and Div divide four lanes at a time (the quotients
// are the Go operator's, bit for bit); SumSquares and Dot accumulate in 16
// partial sums, the same on every architecture (arith.go).
package vmath
