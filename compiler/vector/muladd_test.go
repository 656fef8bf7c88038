package vector

import (
	"math"
	"math/rand"
	"testing"
)

// TestMulAddFastBitIdentical checks the AVX2 loop against the scalar
// kernel for every length up to 40 (tails included) and special values.
func TestMulAddFastBitIdentical(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	special := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 1e308, 5e-324}
	for n := 0; n <= 40; n++ {
		a, b, c := make([]float64, n), make([]float64, n), make([]float64, n)
		for i := range a {
			a[i], b[i], c[i] = r.NormFloat64()*1e3, r.NormFloat64(), r.NormFloat64()*1e-3
			if r.Intn(5) == 0 {
				a[i] = special[r.Intn(len(special))]
			}
		}
		want, got := make([]float64, n), make([]float64, n)
		kMulAdd(want, a, b, c, nil, 0)
		kMulAddFast(got, a, b, c, nil, 0)
		for i := range want {
			if math.Float64bits(want[i]) != math.Float64bits(got[i]) && !(math.IsNaN(want[i]) && math.IsNaN(got[i])) {
				t.Fatalf("n=%d i=%d: %v*%v+%v = %v, want %v", n, i, a[i], b[i], c[i], got[i], want[i])
			}
		}
	}
}
