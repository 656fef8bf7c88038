package ml

import (
	"math"
	"testing"
)

// TestVecLoops checks the AVX2 loops against their Go forms on lengths
// around the vector widths.
func TestVecLoops(t *testing.T) {
	for n := 0; n <= 37; n++ {
		x := make([]float64, n)
		s := make([]float64, n)
		for i := range x {
			x[i] = math.Sin(float64(3*i+1)) * 10
			s[i] = math.Cos(float64(i)) + 2
		}
		var lo, hi [2]float64
		var sum [2]float64
		var xs, ys [2][]float64
		for k, kern := range []bool{true, false} {
			useKernel = kern
			a := append([]float64(nil), x...)
			lo[k], hi[k] = addMinMax(a, 0.25, math.Inf(1), math.Inf(-1))
			addTo(a, s)
			sum[k] = scaleSum(a, s)
			xs[k] = a
			ys[k] = append([]float64(nil), a...)
		}
		useKernel = true
		if lo != [2]float64{lo[1], lo[1]} || hi != [2]float64{hi[1], hi[1]} {
			t.Errorf("n=%d: min/max %v %v differ", n, lo, hi)
		}
		if n > 0 {
			wantLo, wantHi := math.Inf(1), math.Inf(-1)
			for _, v := range x {
				wantLo, wantHi = min(wantLo, v+0.25), max(wantHi, v+0.25)
			}
			if lo[0] != wantLo || hi[0] != wantHi {
				t.Errorf("n=%d: min/max %g %g, want %g %g", n, lo[0], hi[0], wantLo, wantHi)
			}
		}
		for i := range xs[0] {
			want := (x[i] + 0.25 + s[i]) * s[i]
			if xs[0][i] != want || ys[1][i] != want {
				t.Fatalf("n=%d: x[%d] = %g / %g, want %g", n, i, xs[0][i], ys[1][i], want)
			}
		}
		if math.Abs(sum[0]-sum[1]) > 1e-12*math.Max(1, math.Abs(sum[1])) {
			t.Errorf("n=%d: sums %g and %g", n, sum[0], sum[1])
		}
	}
}
