package ml

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestGemmKernel compares the packed AVX2 product with gonum's on shapes
// that exercise partial tiles, every transposition and alpha/beta.
func TestGemmKernel(t *testing.T) {
	if !haveFMA {
		t.Skip("no AVX2+FMA")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	rnd := func(r, c int) *mat {
		m := newMat(r, c)
		for i := range m.d {
			m.d[i] = rng.NormFloat64()
		}
		return m
	}
	for _, sh := range [][3]int{{1, 1, 1}, {3, 5, 7}, {4, 8, 16}, {17, 9, 300}, {130, 33, 10}, {64, 1030, 5}, {257, 12, 513}, {10, 64, 300}, {6, 40, 20}, {10, 1437, 64}} {
		m, n, k := sh[0], sh[1], sh[2]
		for _, ta := range []bool{false, true} {
			for _, tb := range []bool{false, true} {
				var a, b *mat
				if ta {
					a = rnd(k, m)
				} else {
					a = rnd(m, k)
				}
				if tb {
					b = rnd(n, k)
				} else {
					b = rnd(k, n)
				}
				c1, c2 := rnd(m, n), newMat(m, n)
				copy(c2.d, c1.d)
				useKernel = false
				gemm(ta, tb, 0.7, a, b, 0.5, c1)
				useKernel = true
				gemm(ta, tb, 0.7, a, b, 0.5, c2)
				for i := range c1.d {
					if math.Abs(c1.d[i]-c2.d[i]) > 1e-10*(1+math.Abs(c1.d[i])) {
						t.Fatalf("shape %v ta=%v tb=%v: element %d: %g vs %g", sh, ta, tb, i, c2.d[i], c1.d[i])
					}
				}
			}
		}
	}
}
