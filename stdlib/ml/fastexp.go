package ml

import "math"

// expNeg returns e^x for x <= 0 (softmax arguments after subtracting the
// maximum) to within a few ulps: Cody–Waite reduction by ln 2 and the
// degree-12 Taylor polynomial on |r| <= ln(2)/2, evaluated by Estrin's
// scheme (short dependency chains), without math.Exp's special cases.
func expNeg(x float64) float64 {
	if x < -708 {
		return 0
	}
	const (
		log2e = 1.4426950408889634
		ln2hi = 6.93147180369123816490e-01
		ln2lo = 1.90821492927058770002e-10
	)
	k := float64(int64(x*log2e - 0.5)) // round to nearest (x <= 0)
	r := x - k*ln2hi - k*ln2lo
	r2 := r * r
	r4 := r2 * r2
	r8 := r4 * r4
	p01 := 1 + r
	p23 := 1.0/2 + r*(1.0/6)
	p45 := 1.0/24 + r*(1.0/120)
	p67 := 1.0/720 + r*(1.0/5040)
	p89 := 1.0/40320 + r*(1.0/362880)
	p1011 := 1.0/3628800 + r*(1.0/39916800)
	s0 := (p01 + p23*r2) + (p45+p67*r2)*r4
	s1 := (p89 + p1011*r2) + (1.0/479001600)*r4
	return (s0 + s1*r8) * math.Float64frombits(uint64(int64(k)+1023)<<52)
}
