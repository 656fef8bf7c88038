package ml

import "math"

// lbfgs minimizes f (which fills the gradient g at w and returns the
// value) by limited-memory BFGS with m corrections and a backtracking
// Armijo line search (halving). It stops when the largest gradient
// component is below gtol or after maxIter iterations; it returns the
// iterations used. The correction pairs live in a ring of preallocated
// vectors: no allocation per iteration.
func lbfgs(f func(w, g []float64) float64, w []float64, maxIter, m int, gtol float64) int {
	n := len(w)
	g := make([]float64, n)
	fx := f(w, g)
	// ring of corrections: the k-th newest of cnt pairs is at (head-k) mod m
	S := make([][]float64, m)
	Y := make([][]float64, m)
	for k := range S {
		S[k], Y[k] = make([]float64, n), make([]float64, n)
	}
	rho := make([]float64, m)
	cnt, next := 0, 0
	d := make([]float64, n)
	wn := make([]float64, n)
	gn := make([]float64, n)
	alpha := make([]float64, m)
	it := 0
	for it = 0; it < maxIter; it++ {
		if maxAbs(g) <= gtol {
			break
		}
		// two-loop recursion: d = -H g
		for i := range d {
			d[i] = -g[i]
		}
		for j := 0; j < cnt; j++ { // newest first
			k := (next - 1 - j + m) % m
			alpha[k] = rho[k] * dot(S[k], d)
			axpy(-alpha[k], Y[k], d)
		}
		if cnt > 0 {
			k := (next - 1 + m) % m
			gamma := dot(S[k], Y[k]) / dot(Y[k], Y[k])
			for i := range d {
				d[i] *= gamma
			}
		}
		for j := cnt - 1; j >= 0; j-- { // oldest first
			k := (next - 1 - j + m) % m
			b := rho[k] * dot(Y[k], d)
			axpy(alpha[k]-b, S[k], d)
		}
		gd := dot(g, d)
		if gd >= 0 { // not a descent direction: restart
			for i := range d {
				d[i] = -g[i]
			}
			gd = dot(g, d)
			cnt = 0
		}
		step := 1.0
		if cnt == 0 {
			step = math.Min(1, 1/math.Sqrt(dot(g, g)))
		}
		var fn float64
		ok := false
		for ls := 0; ls < 40; ls++ {
			for i := range wn {
				wn[i] = w[i] + step*d[i]
			}
			fn = f(wn, gn)
			if fn <= fx+1e-4*step*gd && !math.IsNaN(fn) {
				ok = true
				break
			}
			step *= 0.5
		}
		if !ok {
			break
		}
		s, y := S[next], Y[next]
		for i := range s {
			s[i] = wn[i] - w[i]
			y[i] = gn[i] - g[i]
		}
		if sy := dot(s, y); sy > 1e-12 {
			rho[next] = 1 / sy
			next = (next + 1) % m
			cnt = min(cnt+1, m)
		}
		copy(w, wn)
		copy(g, gn)
		converged := math.Abs(fx-fn) <= 1e-15*math.Max(1, math.Abs(fx))
		fx = fn
		if converged {
			it++
			break
		}
	}
	return it
}

func dot(a, b []float64) float64 {
	// four partial sums: no chain of dependent additions
	var s0, s1, s2, s3 float64
	b = b[:len(a)]
	i := 0
	for ; i+4 <= len(a); i += 4 {
		x, y := a[i:i+4:i+4], b[i:i+4:i+4]
		s0 += x[0] * y[0]
		s1 += x[1] * y[1]
		s2 += x[2] * y[2]
		s3 += x[3] * y[3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// axpy adds a·x to y (AVX2 for long vectors, with the same results).
func axpy(a float64, x, y []float64) {
	y = y[:len(x)]
	i := 0
	if haveVec && useKernel && len(x) >= 32 {
		i = len(x) &^ 7
		axpy4(a, &x[0], &y[0], i)
	}
	for ; i < len(x); i++ {
		y[i] += a * x[i]
	}
}

func maxAbs(x []float64) float64 {
	m := 0.0
	for _, v := range x {
		m = max(m, math.Abs(v))
	}
	return m
}
