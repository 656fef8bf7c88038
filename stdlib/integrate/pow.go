package integrate

import "math"

// powRoot returns x^(1/k) (or x^(-1/k) when neg), correctly rounded.
// SciPy's step-size formulas raise error norms to such powers with C's
// pow, which is correctly rounded where Go's math.Pow may be one ulp
// off; one ulp in a step size is enough to change a later accept/reject
// decision, so the result is corrected with a double-double residual.
func powRoot(x float64, k int, neg bool) float64 {
	p := 1 / float64(k)
	if neg {
		p = -p
	}
	r := math.Pow(x, p)
	if !(x > 0) || math.IsInf(x, 0) || r == 0 || math.IsInf(r, 0) || math.IsNaN(r) || k == 1 && !neg {
		return r
	}
	// One Newton step with the residual r^k - x (or r^k x - 1) computed
	// in double-double arithmetic: the correction d is then accurate to
	// about 1e-16 of itself, so r - d rounds to the nearest double of
	// the exact root (ties aside).
	hi, lo := r, 0.0
	for i := 1; i < k; i++ {
		hi, lo = ddMul(hi, lo, r)
	}
	var rel float64
	if neg {
		hi, lo = ddMul(hi, lo, x)
		hi, lo = ddAdd(hi, lo, -1)
		rel = hi + lo
	} else {
		hi, lo = ddAdd(hi, lo, -x)
		rel = (hi + lo) / x
	}
	return r - r*rel/float64(k)
}

// ddMul multiplies the double-double (hi, lo) by b.
func ddMul(hi, lo, b float64) (float64, float64) {
	p := hi * b
	e := math.FMA(hi, b, -p) + lo*b
	s := p + e
	return s, e - (s - p)
}

// ddAdd adds b to the double-double (hi, lo).
func ddAdd(hi, lo, b float64) (float64, float64) {
	s := hi + b
	bb := s - hi
	err := (hi - (s - bb)) + (b - bb) + lo
	t := s + err
	return t, err - (t - s)
}
