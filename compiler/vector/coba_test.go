//go:build amd64

package vector

import (
	"math"
	"testing"
)

// The vector loops of coba3m and submulmul give exactly the values of
// the Go kernels, for lengths with and without a tail.
func TestCobaFastBitIdentical(t *testing.T) {
	for _, n := range []int{1, 4, 7, 256, 1001} {
		x := make([][]float64, 13)
		for j := range x {
			x[j] = make([]float64, n)
			for i := range x[j] {
				x[j][i] = math.Sin(float64(3*i+7*j)) * math.Exp(float64(j%5-2))
			}
			if coba3mMode&(1<<j) != 0 {
				for i := range x[j] {
					x[j][i] = x[j][0]
				}
			}
		}
		got, want := make([]float64, n), make([]float64, n)
		wCoba3MFast(got, x, coba3mMode)
		wCoba3M(want, x, coba3mMode)
		for i := range got {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
				t.Fatalf("coba3m n=%d element %d: %v, want %v", n, i, got[i], want[i])
			}
		}
		kSubMulMulFast(got, x[0], x[1], x[3], x[2], 10)
		kSubMulMul(want, x[0], x[1], x[3], x[2], 10)
		for i := range got {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
				t.Fatalf("submulmul n=%d element %d: %v, want %v", n, i, got[i], want[i])
			}
		}
	}
}
