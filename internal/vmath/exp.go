package vmath

import "math"

// expBits and expN give the table size: x = (k·expN + i)·ln2/expN + r,
// |r| ≤ ln2/(2·expN). 32 entries fit in eight AVX-512 registers, so the
// AVX-512 kernel looks them up with permutes instead of memory gathers.
const (
	expBits = 5
	expN    = 1 << expBits
)

// Constants of the reduction and the polynomial: the reduction follows
// ARM's optimized-routines exp; exp(r) - 1 is its Taylor polynomial to
// degree 7 (truncation error below 5e-21 on the reduced range), for a
// total error of about 0.52 ulp.
const (
	expBound  = 700.0                      // |x| below this: 2^k and scale·tmp stay normal, no overflow
	invLn2N   = 0x1.71547652b82fep0 * expN // expN/ln2
	negLn2hiN = -0x1.62e42fefa0000p-6      // -ln2/expN, high part (exact products with k)
	negLn2loN = -0x1.cf79abc9e3b3ap-45     // -ln2/expN, low part
	expShift  = 0x1.8p52                   // adding it rounds to an integer in the low bits
	expC2     = 1.0 / 2
	expC3     = 1.0 / 6
	expC4     = 1.0 / 24
	expC5     = 1.0 / 120
	expC6     = 1.0 / 720
	expC7     = 1.0 / 5040
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
// infinities go to math.Exp. Every step is the operation the vector
// kernels do, fused multiply-adds included, so all give the same bits.
func exp1(x float64) float64 {
	if !(math.Abs(x) < expBound) {
		return math.Exp(x)
	}
	kd := math.FMA(x, invLn2N, expShift)
	ki := math.Float64bits(kd)
	kd -= expShift
	r := math.FMA(kd, negLn2hiN, x)
	r = math.FMA(kd, negLn2loN, r)
	i := ki % expN
	tail := math.Float64frombits(expTail[i])
	scale := math.Float64frombits(expScale[i] + ki<<(52-expBits))
	r2 := r * r
	p1 := math.FMA(r, expC3, expC2)
	p2 := math.FMA(r, expC5, expC4)
	p3 := math.FMA(r2, math.FMA(r, expC7, expC6), p2)
	tmp := tail + r
	tmp = math.FMA(r2, p1, tmp)
	r4 := r2 * r2
	tmp = math.FMA(r4, p3, tmp)
	return math.FMA(scale, tmp, scale)
}
