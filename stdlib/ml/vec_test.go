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

// TestAdamKernel checks that the AVX2 Adam step gives exactly the Go
// loop's results.
func TestAdamKernel(t *testing.T) {
	if !haveVec {
		t.Skip("no AVX2")
	}
	const n = 36
	p, g, m, v := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range p {
		p[i], g[i] = math.Sin(float64(i)), math.Cos(float64(7*i))*1e-2
		m[i], v[i] = g[i]/3, g[i]*g[i]/5
	}
	wp, wm, wv := append([]float64(nil), p...), append([]float64(nil), m...), append([]float64(nil), v...)
	const b1, b2, bc, eps, l2, decay = 0.9, 0.999, 1e-3, 1e-8, 1e-4, 0.99
	for i, gi := range g {
		gi += l2 * wp[i]
		mi := b1*wm[i] + (1-b1)*gi
		vi := b2*wv[i] + (1-b2)*gi*gi
		wm[i], wv[i] = mi, vi
		wp[i] = wp[i]*decay - bc*mi/(math.Sqrt(vi)+eps)
	}
	k := [8]float64{b1, 1 - b1, b2, 1 - b2, bc, eps, l2, decay}
	adam4(&p[0], &g[0], &m[0], &v[0], n, &k)
	for i := range p {
		if p[i] != wp[i] || m[i] != wm[i] || v[i] != wv[i] {
			t.Fatalf("%d: p m v = %g %g %g, want %g %g %g", i, p[i], m[i], v[i], wp[i], wm[i], wv[i])
		}
	}
}

// TestBiasRelu checks the fused intercept and relu against activate's
// formula bit for bit, NaN and signed zeros included.
func TestBiasRelu(t *testing.T) {
	for n := 0; n <= 13; n++ {
		x := make([]float64, n)
		b := make([]float64, n)
		for i := range x {
			x[i] = math.Sin(float64(5*i + 2))
			b[i] = -x[i] * float64(i%3) / 2 // some exact zeros
		}
		if n > 5 {
			x[5], b[5] = math.NaN(), 0
			x[2], b[2] = math.Copysign(0, -1), 0
		}
		want := make([]float64, n)
		for i := range x {
			want[i] = x[i] + b[i]
		}
		activate("relu", want)
		for _, kern := range []bool{true, false} {
			useKernel = kern
			got := append([]float64(nil), x...)
			biasRelu(got, b)
			for i := range got {
				if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
					t.Errorf("n=%d kernel=%v: [%d] = %g, want %g", n, kern, i, got[i], want[i])
				}
			}
		}
		useKernel = true
	}
}

// TestAxpyKernel checks axpy's AVX2 path against the Go loop bit for bit.
func TestAxpyKernel(t *testing.T) {
	for _, n := range []int{31, 32, 33, 40, 71} {
		x := make([]float64, n)
		y := make([]float64, n)
		for i := range x {
			x[i], y[i] = math.Sin(float64(i)), math.Cos(float64(i))
		}
		var out [2][]float64
		for k, kern := range []bool{true, false} {
			useKernel = kern
			out[k] = append([]float64(nil), y...)
			axpy(0.37, x, out[k])
		}
		useKernel = true
		for i := range y {
			if out[0][i] != out[1][i] || out[1][i] != y[i]+0.37*x[i] {
				t.Fatalf("n=%d: [%d] = %g / %g, want %g", n, i, out[0][i], out[1][i], y[i]+0.37*x[i])
			}
		}
	}
}

// TestReluGrad checks the AVX2 relu derivative against the Go loop bit
// for bit (zeros, NaN outputs, infinite gradients).
func TestReluGrad(t *testing.T) {
	for n := 0; n <= 11; n++ {
		a := make([]float64, n)
		d := make([]float64, n)
		for i := range a {
			a[i] = max(0, math.Sin(float64(3*i+1)))
			d[i] = math.Cos(float64(i))
		}
		if n > 6 {
			a[3], a[5], d[5], d[6], a[6] = math.NaN(), 0, math.Inf(1), math.Inf(-1), 0.5
		}
		var out [2][]float64
		for k, kern := range []bool{true, false} {
			useKernel = kern
			out[k] = append([]float64(nil), d...)
			derivative("relu", out[k], nil, a)
		}
		useKernel = true
		for i := range d {
			if math.Float64bits(out[0][i]) != math.Float64bits(out[1][i]) {
				t.Errorf("n=%d: [%d] = %g, Go loop %g", n, i, out[0][i], out[1][i])
			}
		}
	}
}
