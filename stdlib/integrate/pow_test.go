package integrate

import (
	"math"
	"math/big"
	"testing"
)

// TestPowRoot checks powRoot against exact rational comparisons: the
// result r must satisfy |r - x^p| <= ulp/2, tested on the midpoints.
func TestPowRoot(t *testing.T) {
	xs := []float64{0.01 / 75894101279.70041, 0.6109106452737335, 3.7, 1e-12, 123456.789, 0.999999}
	for _, x := range xs {
		for k := 2; k <= 8; k++ {
			for _, neg := range []bool{false, true} {
				r := powRoot(x, k, neg)
				lo := math.Nextafter(r, math.Inf(-1))
				hi := math.Nextafter(r, math.Inf(1))
				// f(m) = m^k (or m^k * x) compared with x (or 1).
				cmp := func(m *big.Float) int {
					v := new(big.Float).SetPrec(2000).SetFloat64(1)
					for i := 0; i < k; i++ {
						v.Mul(v, m)
					}
					if neg {
						v.Mul(v, new(big.Float).SetFloat64(x))
						return v.Cmp(big.NewFloat(1))
					}
					return v.Cmp(new(big.Float).SetFloat64(x))
				}
				mid := func(a, b float64) *big.Float {
					s := new(big.Float).SetPrec(2000).SetFloat64(a)
					s.Add(s, new(big.Float).SetFloat64(b))
					return s.Quo(s, big.NewFloat(2))
				}
				below, above := cmp(mid(lo, r)), cmp(mid(r, hi))
				if below > 0 || above < 0 {
					t.Errorf("powRoot(%g, %d, %v) = %v is not correctly rounded", x, k, neg, r)
				}
			}
		}
	}
	if got := powRoot(0.01/75894101279.70041, 8, false); got != 0.024545619475941558 {
		t.Errorf("SciPy's initial step: got %v", got)
	}
}
