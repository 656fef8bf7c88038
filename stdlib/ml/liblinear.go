package ml

import "math"

// cdLogit is the binary problem LIBLINEAR solves for LogisticRegression
// with solver='liblinear':
//
//	min_w R(w) + Σᵢ cᵢ·log(1 + exp(−yᵢ w·xᵢ)),  R = ‖w‖₁ or ½‖w‖²,
//
// with yᵢ = ±1, cᵢ = C·(sample weight) and, when the intercept is fitted,
// a constant column intercept_scaling appended to X whose weight is
// penalized like the others (so the intercept is regularized, as in
// LIBLINEAR). The features are held column by column.
type cdLogit struct {
	cols [][]float64 // feature columns, the intercept column last
	y    []float64   // ±1
	c    []float64   // per-sample C·weight
	l1   bool
}

// liblinearLogit fits one binary problem (y in {0, 1}) and returns the
// coefficients, then the intercept, and the Newton iterations used.
func liblinearLogit(o *logitOpts, X *mat, y []int, sw []float64) ([]float64, int) {
	n, d := X.r, X.c
	p := &cdLogit{l1: o.penalty == "l1", y: make([]float64, n), c: make([]float64, n)}
	pos := 0
	for i, t := range y {
		p.y[i] = -1
		if t == 1 {
			p.y[i] = 1
			pos++
		}
		p.c[i] = o.C
		if sw != nil {
			p.c[i] *= sw[i]
		}
	}
	m := d
	if o.fitB {
		m++
	}
	p.cols = make([][]float64, m)
	buf := make([]float64, m*n)
	for j := range p.cols {
		p.cols[j] = buf[j*n : (j+1)*n]
	}
	for i := 0; i < n; i++ {
		for j, x := range X.row(i) {
			p.cols[j][i] = x
		}
	}
	if o.fitB {
		for i := range p.cols[d] {
			p.cols[d][i] = o.scaling
		}
	}
	// LIBLINEAR's stopping tolerance for the primal solvers
	eps := o.tol * math.Max(float64(min(pos, n-pos)), 1) / float64(n)
	w, it := p.solve(o.maxIter, eps)
	out := make([]float64, d+1)
	copy(out, w[:d])
	if o.fitB {
		out[d] = o.scaling * w[d]
	}
	return out, it
}

// solve runs a GLMNET-style Newton method (LIBLINEAR's newGLMNET): at
// each iteration the loss is replaced by its quadratic model, which
// cyclic coordinate descent minimizes together with R (soft
// thresholding for L1), and a backtracking line search on the true
// objective takes the step. It stops when the minimum-norm subgradient's
// 1-norm falls below eps times its value at w = 0, or after maxIter
// iterations, and returns w and the iterations used.
func (p *cdLogit) solve(maxIter int, eps float64) ([]float64, int) {
	n, m := len(p.y), len(p.cols)
	w := make([]float64, m)
	z := make([]float64, n)  // margins w·xᵢ
	r := make([]float64, n)  // dloss/dzᵢ
	D := make([]float64, n)  // d²loss/dzᵢ²
	g := make([]float64, m)  // gradient of the loss
	H := make([]float64, m)  // diagonal of the loss's Hessian
	dw := make([]float64, m) // Newton direction
	u := make([]float64, n)  // D ⊙ (X·dw)
	q := make([]float64, n)  // X·dw
	DX := make([][]float64, m)
	dxBuf := make([]float64, m*n)
	for j := range DX {
		DX[j] = dxBuf[j*n : (j+1)*n]
	}
	const nu = 1e-12
	gnorm0 := 0.0
	it := 0
	for ; it < maxIter; it++ {
		for i, zi := range z {
			t := sigmoid(p.y[i] * zi)
			r[i] = p.c[i] * (t - 1) * p.y[i]
			D[i] = p.c[i] * t * (1 - t)
		}
		gnorm := 0.0
		for j, col := range p.cols {
			g[j] = dot(r, col)
			h := nu
			dx := DX[j]
			for i, x := range col {
				dx[i] = D[i] * x
				h += dx[i] * x
			}
			H[j] = h
			gnorm += p.violation(g[j], w[j])
		}
		if it == 0 {
			gnorm0 = gnorm
		}
		if gnorm <= eps*gnorm0 {
			break
		}
		// coordinate descent on the quadratic model, to a tenth of the
		// current violation (at most 100 sweeps)
		clear(dw)
		clear(u)
		for sweep := 0; sweep < 100; sweep++ {
			viol := 0.0
			for j, col := range p.cols {
				G := g[j] + dot(col, u)
				h := H[j]
				wj := w[j] + dw[j]
				var step float64
				if p.l1 {
					viol += p.violation(G, wj)
					switch gp, gm := G+1, G-1; {
					case gp <= h*wj:
						step = -gp / h
					case gm >= h*wj:
						step = -gm / h
					default:
						step = -wj
					}
				} else {
					G += wj
					h++
					viol += math.Abs(G)
					step = -G / h
				}
				if step == 0 {
					continue
				}
				dw[j] += step
				axpy(step, DX[j], u)
			}
			if viol <= 0.1*gnorm {
				break
			}
		}
		clear(q)
		for j, col := range p.cols {
			if dw[j] != 0 {
				axpy(dw[j], col, q)
			}
		}
		// backtracking (Armijo) line search on the objective
		delta := dot(g, dw) + p.reg(w, dw, 1) - p.reg(w, dw, 0)
		f0 := p.loss(z, q, 0)
		lambda := 1.0
		ok := false
		for ls := 0; ls < 30; ls++ {
			if p.loss(z, q, lambda)-f0+p.reg(w, dw, lambda)-p.reg(w, dw, 0) <= 0.01*lambda*delta {
				ok = true
				break
			}
			lambda *= 0.5
		}
		if !ok {
			break
		}
		axpy(lambda, dw, w)
		axpy(lambda, q, z)
	}
	return w, it
}

// violation is how far the gradient g of the loss at w_j is from
// optimality: the minimum-norm subgradient of the objective.
func (p *cdLogit) violation(g, wj float64) float64 {
	if !p.l1 {
		return math.Abs(g + wj)
	}
	switch {
	case wj > 0:
		return math.Abs(g + 1)
	case wj < 0:
		return math.Abs(g - 1)
	}
	return max(0, g-1, -g-1)
}

// loss is Σ cᵢ·log(1 + exp(−yᵢ(zᵢ + λqᵢ))).
func (p *cdLogit) loss(z, q []float64, lambda float64) float64 {
	s := 0.0
	for i, zi := range z {
		m := -p.y[i] * (zi + lambda*q[i])
		s += p.c[i] * (max(m, 0) + math.Log1p(math.Exp(-math.Abs(m))))
	}
	return s
}

// reg is R(w + λ·dw).
func (p *cdLogit) reg(w, dw []float64, lambda float64) float64 {
	s := 0.0
	for j, v := range w {
		x := v + lambda*dw[j]
		if p.l1 {
			s += math.Abs(x)
		} else {
			s += 0.5 * x * x
		}
	}
	return s
}
