//go:build amd64 && !purego

package vmath

import (
	"math"
	"math/rand"
	"testing"
)

// TestExpKernelsAgree runs the AVX-512 and AVX2 kernels and the Go code on
// the same inputs: all three must give the same bits.
func TestExpKernelsAgree(t *testing.T) {
	if !hasAsm {
		t.Skip("no AVX2")
	}
	src := sample(200_003, rand.New(rand.NewSource(7)))
	wide := make([]float64, len(src))
	Exp(wide, src)
	saved := hasAVX512
	hasAVX512 = false
	narrow := make([]float64, len(src))
	Exp(narrow, src)
	hasAVX512 = saved
	for i, x := range src {
		g := exp1(x)
		if math.Float64bits(wide[i]) != math.Float64bits(g) && !(math.IsNaN(g) && math.IsNaN(wide[i])) ||
			math.Float64bits(narrow[i]) != math.Float64bits(g) && !(math.IsNaN(g) && math.IsNaN(narrow[i])) {
			t.Fatalf("exp(%v): AVX-512 %v, AVX2 %v, Go %v", x, wide[i], narrow[i], g)
		}
	}
	t.Logf("AVX-512 kernel in use: %v", saved)
}
