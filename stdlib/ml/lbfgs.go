package ml

import "math"

// lbfgs minimizes f (which fills the gradient g at w and returns the
// value) by limited-memory BFGS with m corrections and a backtracking
// Armijo line search. It stops when the largest gradient component is
// below gtol or after maxIter iterations; it returns the iterations used.
func lbfgs(f func(w, g []float64) float64, w []float64, maxIter, m int, gtol float64) int {
	n := len(w)
	g := make([]float64, n)
	fx := f(w, g)
	S := make([][]float64, 0, m)
	Y := make([][]float64, 0, m)
	rho := make([]float64, 0, m)
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
		for k := len(S) - 1; k >= 0; k-- {
			alpha[k] = rho[k] * dot(S[k], d)
			axpy(-alpha[k], Y[k], d)
		}
		if len(S) > 0 {
			k := len(S) - 1
			gamma := dot(S[k], Y[k]) / dot(Y[k], Y[k])
			for i := range d {
				d[i] *= gamma
			}
		}
		for k := 0; k < len(S); k++ {
			b := rho[k] * dot(Y[k], d)
			axpy(alpha[k]-b, S[k], d)
		}
		gd := dot(g, d)
		if gd >= 0 { // not a descent direction: restart
			for i := range d {
				d[i] = -g[i]
			}
			gd = dot(g, d)
			S, Y, rho = S[:0], Y[:0], rho[:0]
		}
		step := 1.0
		if len(S) == 0 {
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
		s := make([]float64, n)
		y := make([]float64, n)
		for i := range s {
			s[i] = wn[i] - w[i]
			y[i] = gn[i] - g[i]
		}
		sy := dot(s, y)
		if sy > 1e-12 {
			if len(S) == m {
				S, Y, rho = S[1:], Y[1:], rho[1:]
			}
			S = append(S, s)
			Y = append(Y, y)
			rho = append(rho, 1/sy)
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

func axpy(a float64, x, y []float64) {
	for i, v := range x {
		y[i] += a * v
	}
}

func maxAbs(x []float64) float64 {
	m := 0.0
	for _, v := range x {
		m = math.Max(m, math.Abs(v))
	}
	return m
}
