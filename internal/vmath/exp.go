package vmath

import "math"

// expN is the table size: x = (k·expN + i)·ln2/expN + r, |r| ≤ ln2/(2·expN).
const expN = 128

// Constants of the reduction and the polynomial (ARM optimized-routines
// exp, EXP_TABLE_BITS = 7: polynomial error 1.555·2^-66 on the reduced
// range, total error about 0.51 ulp).
const (
	expBound  = 700.0                      // |x| below this: 2^k and scale·tmp stay normal, no overflow
	invLn2N   = 0x1.71547652b82fep0 * expN // expN/ln2
	negLn2hiN = -0x1.62e42fefa0000p-8      // -ln2/expN, high part (exact products with k)
	negLn2loN = -0x1.cf79abc9e3b3ap-47     // -ln2/expN, low part
	expShift  = 0x1.8p52                   // adding it rounds to an integer in the low bits
	expC2     = 0x1.ffffffffffdbdp-2
	expC3     = 0x1.555555555543cp-3
	expC4     = 0x1.55555cf172b91p-5
	expC5     = 0x1.1111167a4d017p-7
)

// Exp stores exp(src[i]) in dst[i] for every i; dst must be at least as
// long as src and may be src itself (other overlaps are not allowed).
func Exp(dst, src []float64) {
	dst = dst[:len(src)]
	expSlice(dst, src)
}

// ExpGo is Exp computed by the portable Go kernel (the one used where the
// assembly kernel is not available), exported for tests and benchmarks.
func ExpGo(dst, src []float64) {
	dst = dst[:len(src)]
	for i, x := range src {
		dst[i] = exp1(x)
	}
}

// exp1 is the table-driven exp of one value; out-of-range inputs, NaN and
// infinities go to math.Exp.
func exp1(x float64) float64 {
	if !(math.Abs(x) < expBound) {
		return math.Exp(x)
	}
	kd := invLn2N*x + expShift
	ki := math.Float64bits(kd)
	kd -= expShift
	r := x + kd*negLn2hiN
	r += kd * negLn2loN
	i := ki % expN
	tail := math.Float64frombits(expTail[i])
	scale := math.Float64frombits(expScale[i] + ki<<45)
	r2 := r * r
	tmp := tail + r
	tmp += r2 * (expC2 + r*expC3)
	tmp += (r2 * r2) * (expC4 + r*expC5)
	return scale + scale*tmp
}
