package vmath

import (
	"math"
	"math/rand/v2"
	"testing"
)

// randSlice returns n values spread over many magnitudes and signs.
func randSlice(r *rand.Rand, n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = (r.Float64() - 0.5) * math.Pow(10, float64(r.IntN(20)-10))
	}
	return x
}

// TestDivisions checks the vector divisions element for element against
// the Go operator, at every length around the block sizes and in place.
func TestDivisions(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n <= 40; n++ {
		a, b := randSlice(r, n), randSlice(r, n)
		s := r.Float64() + 0.1
		if n > 3 {
			b[3] = 0 // ±Inf and NaN (0/0 below) go through the kernel too
			a[2], b[2] = 0, 0
		}
		got := make([]float64, n)
		DivScalar(got, a, s)
		for i := range a {
			if !same(got[i], a[i]/s) {
				t.Fatalf("DivScalar n=%d i=%d: %v, want %v", n, i, got[i], a[i]/s)
			}
		}
		ScalarDiv(got, s, b)
		for i := range b {
			if !same(got[i], s/b[i]) {
				t.Fatalf("ScalarDiv n=%d i=%d: %v, want %v", n, i, got[i], s/b[i])
			}
		}
		Div(got, a, b)
		for i := range a {
			if !same(got[i], a[i]/b[i]) {
				t.Fatalf("Div n=%d i=%d: %v, want %v", n, i, got[i], a[i]/b[i])
			}
		}
		in := append([]float64(nil), a...)
		DivScalar(in, in, s)
		for i := range a {
			if !same(in[i], a[i]/s) {
				t.Fatalf("DivScalar in place n=%d i=%d", n, i)
			}
		}
	}
}

func same(x, y float64) bool { return x == y || math.IsNaN(x) && math.IsNaN(y) }

// TestReductions checks SumSquares and Dot bit for bit against the
// 16-partial-sum definition written out in Go.
func TestReductions(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n <= 100; n++ {
		a, b := randSlice(r, n), randSlice(r, n)
		var ps, pd [16]float64
		maxAbs := 0.0
		for i := range a {
			ps[i%16] += float64(a[i] * a[i])
			pd[i%16] += float64(a[i] * b[i])
			maxAbs = math.Max(maxAbs, math.Abs(a[i]))
		}
		wantS, wantD := 0.0, 0.0
		for k := 0; k < 16; k++ {
			wantS += ps[k]
			wantD += pd[k]
		}
		s, m := SumSquares(a)
		if s != wantS || m != maxAbs {
			t.Fatalf("SumSquares n=%d: (%v, %v), want (%v, %v)", n, s, m, wantS, maxAbs)
		}
		if d := Dot(a, b); d != wantD {
			t.Fatalf("Dot n=%d: %v, want %v", n, d, wantD)
		}
	}
}

func BenchmarkArith(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 6))
	x, y := randSlice(r, 1000), randSlice(r, 1000)
	dst := make([]float64, 1000)
	b.Run("DivScalar", func(b *testing.B) {
		for range b.N {
			DivScalar(dst, x, 3.0)
		}
	})
	b.Run("GoDivScalar", func(b *testing.B) {
		for range b.N {
			for i, v := range x {
				dst[i] = v / 3.0
			}
		}
	})
	b.Run("Dot", func(b *testing.B) {
		for range b.N {
			dst[0] = Dot(x, y)
		}
	})
	b.Run("GoDotChain", func(b *testing.B) {
		for range b.N {
			s := 0.0
			for i, v := range x {
				s += v * y[i]
			}
			dst[0] = s
		}
	})
}
