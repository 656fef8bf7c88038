package optimize

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// This file ports SciPy's trust-region reflective least-squares solver
// (scipy/optimize/_lsq/trf.py with tr_solver='exact'): Coleman–Li scaling
// for bounds, an exact trust-region subproblem by SVD, reflective steps.

// LSQProblem is a least-squares problem for TRF: residuals, an optional
// Jacobian (row-major m×n; nil means 2-point differences), bounds and
// settings as least_squares takes them.
type LSQProblem struct {
	F        ResidualFunc
	Jac      func(x, f, jac []float64) error // row-major m×n
	M        int
	Lb, Ub   []float64
	Ftol     float64
	Xtol     float64
	Gtol     float64
	MaxNfev  int
	XScale   []float64 // nil: 1; XScaleJac selects 'jac'
	JacScale bool
	Loss     Loss
	FScale   float64
	DiffStep float64
}

// LSQResult is least_squares' result.
type LSQResult struct {
	X, Fun, Jac, Grad []float64 // Jac row-major m×n
	Cost, Optimality  float64
	ActiveMask        []int
	Nfev, Njev        int
	Status            int
}

// lsqMessages are SciPy's least_squares termination messages.
var lsqMessages = map[int]string{
	-1: "Improper input parameters status returned from `leastsq`",
	0:  "The maximum number of function evaluations is exceeded.",
	1:  "`gtol` termination condition is satisfied.",
	2:  "`ftol` termination condition is satisfied.",
	3:  "`xtol` termination condition is satisfied.",
	4:  "Both `ftol` and `xtol` termination conditions are satisfied.",
}

// Loss is a robust loss ρ(z) of z = f²: value, first and second
// derivatives written into r0, r1, r2.
type Loss func(z, r0, r1, r2 []float64)

// losses are least_squares' loss functions; "linear" is nil.
var losses = map[string]Loss{
	"linear": nil,
	"soft_l1": func(z, r0, r1, r2 []float64) {
		for i, v := range z {
			t := 1 + v
			r0[i] = 2 * (math.Sqrt(t) - 1)
			r1[i] = 1 / math.Sqrt(t)
			r2[i] = -0.5 * math.Pow(t, -1.5)
		}
	},
	"huber": func(z, r0, r1, r2 []float64) {
		for i, v := range z {
			if v <= 1 {
				r0[i], r1[i], r2[i] = v, 1, 0
			} else {
				s := math.Sqrt(v)
				r0[i], r1[i], r2[i] = 2*s-1, 1/s, -0.5/(v*s)
			}
		}
	},
	"cauchy": func(z, r0, r1, r2 []float64) {
		for i, v := range z {
			t := 1 + v
			r0[i], r1[i], r2[i] = math.Log1p(v), 1/t, -1/(t*t)
		}
	},
	"arctan": func(z, r0, r1, r2 []float64) {
		for i, v := range z {
			t := 1 + v*v
			r0[i], r1[i], r2[i] = math.Atan(v), 1/t, -2*v/(t*t)
		}
	},
}

// trfState carries one problem's buffers.
type trfState struct {
	p    *LSQProblem
	m, n int
	nfev int
	njev int
	wa   []float64
}

func norm2(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x * x
	}
	return math.Sqrt(s)
}

func normInf(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s = math.Max(s, math.Abs(x))
	}
	return s
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// jacobian evaluates J at x (f = F(x)) into jac, analytically or by
// SciPy's 2-point differences respecting bounds.
func (s *trfState) jacobian(x, f, jac []float64) error {
	s.njev++
	if s.p.Jac != nil {
		return s.p.Jac(x, f, jac)
	}
	m, n := s.m, s.n
	rel := s.p.DiffStep
	if rel == 0 {
		rel = math.Sqrt(epsmch)
	}
	xx := append([]float64(nil), x...)
	if s.wa == nil {
		s.wa = make([]float64, m)
	}
	for j := 0; j < n; j++ {
		sign := 1.0
		if x[j] < 0 {
			sign = -1
		}
		h := rel * sign * math.Max(1, math.Abs(x[j]))
		if s.p.Lb != nil {
			lo, hi := x[j]-s.p.Lb[j], s.p.Ub[j]-x[j]
			xt := x[j] + h
			violated := xt < s.p.Lb[j] || xt > s.p.Ub[j]
			fitting := math.Abs(h) <= math.Max(lo, hi)
			if violated && fitting {
				h = -h
			} else if !fitting {
				if hi >= lo {
					h = hi
				} else {
					h = -lo
				}
			}
		}
		xx[j] = x[j] + h
		dx := xx[j] - x[j]
		if err := s.p.F(xx, s.wa); err != nil {
			return err
		}
		xx[j] = x[j]
		for i := 0; i < m; i++ {
			jac[i*n+j] = (s.wa[i] - f[i]) / dx
		}
	}
	return nil
}

// lossFunc applies the loss with f_scale: returns cost and, when
// rho != nil, fills rho (3×m) as SciPy's construct_loss_function does.
func (s *trfState) lossCost(f []float64, rho [][]float64) float64 {
	if s.p.Loss == nil {
		return 0.5 * dot(f, f)
	}
	fs := s.p.FScale
	z := make([]float64, len(f))
	for i, v := range f {
		z[i] = (v / fs) * (v / fs)
	}
	r0, r1, r2 := make([]float64, len(f)), make([]float64, len(f)), make([]float64, len(f))
	if rho != nil {
		r0, r1, r2 = rho[0], rho[1], rho[2]
	}
	s.p.Loss(z, r0, r1, r2)
	sum := 0.0
	for _, v := range r0 {
		sum += v
	}
	if rho != nil {
		for i := range r0 {
			r0[i] *= fs * fs
			r2[i] /= fs * fs
		}
		return 0.5 * sum * fs * fs
	}
	return 0.5 * fs * fs * sum
}

// scaleForLoss rescales J (row-major) and f in place for a robust loss.
func scaleForLoss(jac, f []float64, rho [][]float64, n int) {
	for i := range f {
		js := rho[1][i] + 2*rho[2][i]*f[i]*f[i]
		if js < epsmch {
			js = epsmch
		}
		js = math.Sqrt(js)
		f[i] *= rho[1][i] / js
		for j := 0; j < n; j++ {
			jac[i*n+j] *= js
		}
	}
}

// TRF solves the bounded (or unbounded) nonlinear least-squares problem
// from x0 by SciPy's trust-region reflective algorithm.
func TRF(p *LSQProblem, x0 []float64) (*LSQResult, error) {
	n, m := len(x0), p.M
	s := &trfState{p: p, m: m, n: n}
	if p.Ftol == 0 {
		p.Ftol = 1e-8
	}
	if p.Xtol == 0 {
		p.Xtol = 1e-8
	}
	if p.Gtol == 0 {
		p.Gtol = 1e-8
	}
	if p.MaxNfev == 0 {
		p.MaxNfev = 100 * n
	}
	if p.FScale == 0 {
		p.FScale = 1
	}
	bounded := false
	if p.Lb != nil {
		for j := range p.Lb {
			if !math.IsInf(p.Lb[j], -1) || !math.IsInf(p.Ub[j], 1) {
				bounded = true
			}
		}
	}
	if !bounded {
		p.Lb, p.Ub = nil, nil
	}
	x := append([]float64(nil), x0...)
	f := make([]float64, m)
	if err := p.F(x, f); err != nil {
		return nil, err
	}
	s.nfev = 1
	fTrue := append([]float64(nil), f...)
	J := make([]float64, m*n)
	if err := s.jacobian(x, f, J); err != nil {
		return nil, err
	}
	var rho [][]float64
	if p.Loss != nil {
		rho = [][]float64{make([]float64, m), make([]float64, m), make([]float64, m)}
	}
	cost := s.lossCost(f, rho)
	if p.Loss != nil {
		scaleForLoss(J, f, rho, n)
	}
	g := grad(J, f, m, n)
	scale, scaleInv := make([]float64, n), make([]float64, n)
	for j := range scale {
		scale[j], scaleInv[j] = 1, 1
		if p.XScale != nil {
			scale[j], scaleInv[j] = p.XScale[j], 1/p.XScale[j]
		}
	}
	if p.JacScale {
		jacScale(J, m, n, scale, scaleInv, false)
	}
	v, dv := make([]float64, n), make([]float64, n)
	tmp := make([]float64, n)
	if bounded {
		clScaling(x, g, p.Lb, p.Ub, v, dv)
		for j := range v {
			if dv[j] != 0 {
				v[j] *= scaleInv[j]
			}
			tmp[j] = x0[j] * scaleInv[j] / math.Sqrt(v[j])
		}
	} else {
		for j := range tmp {
			tmp[j] = x0[j] * scaleInv[j]
		}
	}
	Delta := norm2(tmp)
	if Delta == 0 {
		Delta = 1
	}
	alpha := 0.0
	status := -100
	var gNorm float64
	d := make([]float64, n)
	diagH := make([]float64, n)
	gH := make([]float64, n)
	xNew := make([]float64, n)
	fNew := make([]float64, m)
	Jh := make([]float64, m*n)
	rows := m
	if bounded {
		rows = m + n
	}
	Jaug := mat.NewDense(rows, n, nil)
	faug := make([]float64, rows)
	for {
		if bounded {
			clScaling(x, g, p.Lb, p.Ub, v, dv)
			for j := range tmp {
				tmp[j] = g[j] * v[j]
			}
			gNorm = normInf(tmp)
		} else {
			gNorm = normInf(g)
		}
		if gNorm < p.Gtol {
			status = 1
		}
		if status != -100 || s.nfev == p.MaxNfev {
			break
		}
		for j := 0; j < n; j++ {
			if bounded {
				if dv[j] != 0 {
					v[j] *= scaleInv[j]
				}
				d[j] = math.Sqrt(v[j]) * scale[j]
				diagH[j] = g[j] * dv[j] * scale[j]
			} else {
				d[j] = scale[j]
				diagH[j] = 0
			}
			gH[j] = d[j] * g[j]
		}
		for i := 0; i < m; i++ {
			for j := 0; j < n; j++ {
				Jh[i*n+j] = J[i*n+j] * d[j]
				Jaug.Set(i, j, Jh[i*n+j])
			}
			faug[i] = f[i]
		}
		if bounded {
			for i := 0; i < n; i++ {
				for j := 0; j < n; j++ {
					Jaug.Set(m+i, j, 0)
				}
				Jaug.Set(m+i, i, math.Sqrt(diagH[i]))
				faug[m+i] = 0
			}
		}
		var svd mat.SVD
		if !svd.Factorize(Jaug, mat.SVDThin) {
			return nil, errSVD
		}
		sv := svd.Values(nil)
		var U, V mat.Dense
		svd.UTo(&U)
		svd.VTo(&V)
		uf := make([]float64, len(sv))
		for k := range uf {
			for i := 0; i < rows; i++ {
				uf[k] += U.At(i, k) * faug[i]
			}
		}
		theta := math.Max(0.995, 1-gNorm)
		actualReduction := -1.0
		var costNew float64
		for actualReduction <= 0 && s.nfev < p.MaxNfev {
			var pH []float64
			pH, alpha = solveLsqTrustRegion(n, m, uf, sv, &V, Delta, alpha)
			var step, stepH []float64
			var predicted float64
			if bounded {
				step, stepH, predicted = selectStep(x, Jh, m, n, diagH, gH, pH, d, Delta, p.Lb, p.Ub, theta)
			} else {
				stepH = pH
				predicted = -evalQuadratic(Jh, m, n, gH, stepH, nil)
				step = make([]float64, n)
				for j := range step {
					step[j] = d[j] * stepH[j]
				}
			}
			for j := range xNew {
				xNew[j] = x[j] + step[j]
			}
			if bounded {
				makeStrictlyFeasible(xNew, p.Lb, p.Ub)
			}
			if err := p.F(xNew, fNew); err != nil {
				return nil, err
			}
			s.nfev++
			stepHNorm := norm2(stepH)
			if !allFinite(fNew) {
				Delta = 0.25 * stepHNorm
				continue
			}
			costNew = s.lossCost(fNew, nil)
			actualReduction = cost - costNew
			DeltaNew, ratio := updateTRRadius(Delta, actualReduction, predicted, stepHNorm, stepHNorm > 0.95*Delta)
			stepNorm := norm2(step)
			status = checkTermination(actualReduction, cost, stepNorm, norm2(x), ratio, p.Ftol, p.Xtol)
			if status != -100 {
				break
			}
			alpha *= Delta / DeltaNew
			Delta = DeltaNew
		}
		if actualReduction > 0 {
			copy(x, xNew)
			copy(f, fNew)
			copy(fTrue, fNew)
			cost = costNew
			if err := s.jacobian(x, f, J); err != nil {
				return nil, err
			}
			if p.Loss != nil {
				s.lossCost(f, rho)
				scaleForLoss(J, f, rho, n)
			}
			g = grad(J, f, m, n)
			if p.JacScale {
				jacScale(J, m, n, scale, scaleInv, true)
			}
		}
	}
	if status == -100 {
		status = 0
	}
	active := make([]int, n)
	if bounded {
		for j := range x {
			active[j] = activeConstraint(x[j], p.Lb[j], p.Ub[j], p.Xtol)
		}
	}
	return &LSQResult{X: x, Fun: fTrue, Jac: J, Grad: g, Cost: cost, Optimality: gNorm,
		ActiveMask: active, Nfev: s.nfev, Njev: s.njev, Status: status}, nil
}

type constErr string

func (e constErr) Error() string { return string(e) }

const errSVD = constErr("SVD did not converge")

func allFinite(v []float64) bool {
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

func grad(J, f []float64, m, n int) []float64 {
	g := make([]float64, n)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			g[j] += J[i*n+j] * f[i]
		}
	}
	return g
}

func jacScale(J []float64, m, n int, scale, scaleInv []float64, keepMax bool) {
	for j := 0; j < n; j++ {
		s := 0.0
		for i := 0; i < m; i++ {
			s += J[i*n+j] * J[i*n+j]
		}
		s = math.Sqrt(s)
		if keepMax {
			s = math.Max(s, scaleInv[j])
		} else if s == 0 {
			s = 1
		}
		scaleInv[j], scale[j] = s, 1/s
	}
}

func clScaling(x, g, lb, ub, v, dv []float64) {
	for j := range x {
		v[j], dv[j] = 1, 0
		if g[j] < 0 && !math.IsInf(ub[j], 0) {
			v[j], dv[j] = ub[j]-x[j], -1
		} else if g[j] > 0 && !math.IsInf(lb[j], 0) {
			v[j], dv[j] = x[j]-lb[j], 1
		}
	}
}

func activeConstraint(x, lb, ub, rtol float64) int {
	if rtol == 0 {
		if x <= lb {
			return -1
		}
		if x >= ub {
			return 1
		}
		return 0
	}
	if x-lb <= rtol*math.Max(1, math.Abs(lb)) && !math.IsInf(lb, 0) {
		return -1
	}
	if ub-x <= rtol*math.Max(1, math.Abs(ub)) && !math.IsInf(ub, 0) {
		return 1
	}
	return 0
}

func makeStrictlyFeasible(x, lb, ub []float64) {
	for j := range x {
		if x[j] <= lb[j] {
			x[j] = math.Nextafter(lb[j], ub[j])
		} else if x[j] >= ub[j] {
			x[j] = math.Nextafter(ub[j], lb[j])
		}
	}
}

func inBounds(x, lb, ub []float64) bool {
	for j := range x {
		if x[j] < lb[j] || x[j] > ub[j] {
			return false
		}
	}
	return true
}

// solveLsqTrustRegion solves min ‖J p + f‖ subject to ‖p‖ ≤ Delta from
// the SVD of J (uf = Uᵀf), as SciPy's solve_lsq_trust_region.
func solveLsqTrustRegion(n, m int, uf, s []float64, V *mat.Dense, Delta, initialAlpha float64) ([]float64, float64) {
	k := len(s)
	suf := make([]float64, k)
	for i := range suf {
		suf[i] = s[i] * uf[i]
	}
	fullRank := false
	if m >= n && k > 0 {
		fullRank = s[k-1] > epsmch*float64(m)*s[0]
	}
	vdot := func(w []float64) []float64 {
		p := make([]float64, n)
		for j := 0; j < n; j++ {
			for i := 0; i < k; i++ {
				p[j] += V.At(j, i) * w[i]
			}
		}
		return p
	}
	if fullRank {
		w := make([]float64, k)
		for i := range w {
			w[i] = -uf[i] / s[i]
		}
		p := vdot(w)
		if norm2(p) <= Delta {
			return p, 0
		}
	}
	phi := func(alpha float64) (float64, float64) {
		w := make([]float64, k)
		sum3 := 0.0
		for i := range w {
			den := s[i]*s[i] + alpha
			w[i] = suf[i] / den
			sum3 += suf[i] * suf[i] / (den * den * den)
		}
		pn := norm2(w)
		return pn - Delta, -sum3 / pn
	}
	alphaUpper := norm2(suf) / Delta
	alphaLower := 0.0
	if fullRank {
		ph, pp := phi(0)
		alphaLower = -ph / pp
	}
	alpha := initialAlpha
	if !fullRank && initialAlpha == 0 {
		alpha = math.Max(0.001*alphaUpper, math.Sqrt(alphaLower*alphaUpper))
	}
	for it := 0; it < 10; it++ {
		if alpha < alphaLower || alpha > alphaUpper {
			alpha = math.Max(0.001*alphaUpper, math.Sqrt(alphaLower*alphaUpper))
		}
		ph, pp := phi(alpha)
		if ph < 0 {
			alphaUpper = alpha
		}
		ratio := ph / pp
		alphaLower = math.Max(alphaLower, alpha-ratio)
		alpha -= (ph + Delta) * ratio / Delta
		if math.Abs(ph) < 0.01*Delta {
			break
		}
	}
	w := make([]float64, k)
	for i := range w {
		w[i] = -suf[i] / (s[i]*s[i] + alpha)
	}
	p := vdot(w)
	if pn := norm2(p); pn > 0 {
		for j := range p {
			p[j] *= Delta / pn
		}
	}
	return p, alpha
}

func matvec(J []float64, m, n int, s []float64) []float64 {
	out := make([]float64, m)
	for i := 0; i < m; i++ {
		sum := 0.0
		for j := 0; j < n; j++ {
			sum += J[i*n+j] * s[j]
		}
		out[i] = sum
	}
	return out
}

func evalQuadratic(J []float64, m, n int, g, s, diag []float64) float64 {
	js := matvec(J, m, n, s)
	q := dot(js, js)
	for j := range diag {
		q += diag[j] * s[j] * s[j]
	}
	return 0.5*q + dot(g, s)
}

func buildQuadratic1D(J []float64, m, n int, g, s, diag, s0 []float64) (a, b, c float64) {
	v := matvec(J, m, n, s)
	a = dot(v, v)
	for j := range diag {
		a += s[j] * diag[j] * s[j]
	}
	a *= 0.5
	b = dot(g, s)
	if s0 != nil {
		u := matvec(J, m, n, s0)
		b += dot(u, v)
		c = 0.5*dot(u, u) + dot(g, s0)
		for j := range diag {
			b += s0[j] * diag[j] * s[j]
			c += 0.5 * s0[j] * diag[j] * s0[j]
		}
	}
	return
}

func minimizeQuadratic1D(a, b, lb, ub, c float64) (float64, float64) {
	ts := []float64{lb, ub}
	if a != 0 {
		ext := -0.5 * b / a
		if lb < ext && ext < ub {
			ts = append(ts, ext)
		}
	}
	bt, by := ts[0], math.Inf(1)
	for _, t := range ts {
		y := t*(a*t+b) + c
		if y < by {
			bt, by = t, y
		}
	}
	return bt, by
}

func stepSizeToBound(x, s, lb, ub []float64) (float64, []int) {
	minStep := math.Inf(1)
	steps := make([]float64, len(x))
	for j := range x {
		steps[j] = math.Inf(1)
		if s[j] != 0 {
			steps[j] = math.Max((lb[j]-x[j])/s[j], (ub[j]-x[j])/s[j])
		}
		minStep = math.Min(minStep, steps[j])
	}
	hits := make([]int, len(x))
	for j := range x {
		if steps[j] == minStep {
			if s[j] > 0 {
				hits[j] = 1
			} else if s[j] < 0 {
				hits[j] = -1
			}
		}
	}
	return minStep, hits
}

func intersectTrustRegion(x, s []float64, Delta float64) (float64, float64) {
	a := dot(s, s)
	b := dot(x, s)
	c := dot(x, x) - Delta*Delta
	d := math.Sqrt(b*b - a*c)
	q := -(b + math.Copysign(d, b))
	t1, t2 := q/a, c/q
	if t1 < t2 {
		return t1, t2
	}
	return t2, t1
}

func scaled(v []float64, k float64) []float64 {
	out := make([]float64, len(v))
	for i := range v {
		out[i] = v[i] * k
	}
	return out
}

// selectStep chooses among the trust-region step (pulled back inside the
// bounds), its reflection and the scaled gradient, as SciPy's select_step.
func selectStep(x, Jh []float64, m, n int, diagH, gH, pH, d []float64, Delta float64, lb, ub []float64, theta float64) ([]float64, []float64, float64) {
	p := make([]float64, n)
	xp := make([]float64, n)
	for j := range p {
		p[j] = d[j] * pH[j]
		xp[j] = x[j] + p[j]
	}
	if inBounds(xp, lb, ub) {
		return p, pH, -evalQuadratic(Jh, m, n, gH, pH, diagH)
	}
	pStride, hits := stepSizeToBound(x, p, lb, ub)
	rH := append([]float64(nil), pH...)
	for j := range rH {
		if hits[j] != 0 {
			rH[j] = -rH[j]
		}
	}
	r := make([]float64, n)
	for j := range r {
		r[j] = d[j] * rH[j]
	}
	p = scaled(p, pStride)
	pH = scaled(pH, pStride)
	xOnBound := make([]float64, n)
	for j := range xOnBound {
		xOnBound[j] = x[j] + p[j]
	}
	_, toTR := intersectTrustRegion(pH, rH, Delta)
	toBound, _ := stepSizeToBound(xOnBound, r, lb, ub)
	rStride := math.Min(toBound, toTR)
	var rl, ru float64
	if rStride > 0 {
		rl = (1 - theta) * pStride / rStride
		if rStride == toBound {
			ru = theta * toBound
		} else {
			ru = toTR
		}
	} else {
		rl, ru = 0, -1
	}
	rValue := math.Inf(1)
	if rl <= ru {
		a, b, c := buildQuadratic1D(Jh, m, n, gH, rH, diagH, pH)
		var rs float64
		rs, rValue = minimizeQuadratic1D(a, b, rl, ru, c)
		for j := range rH {
			rH[j] = rH[j]*rs + pH[j]
			r[j] = rH[j] * d[j]
		}
	}
	p = scaled(p, theta)
	pH = scaled(pH, theta)
	pValue := evalQuadratic(Jh, m, n, gH, pH, diagH)
	agH := scaled(gH, -1)
	ag := make([]float64, n)
	for j := range ag {
		ag[j] = d[j] * agH[j]
	}
	toTR = Delta / norm2(agH)
	toBound, _ = stepSizeToBound(x, ag, lb, ub)
	agStride := toTR
	if toBound < toTR {
		agStride = theta * toBound
	}
	a, b, _ := buildQuadratic1D(Jh, m, n, gH, agH, diagH, nil)
	agStride, agValue := minimizeQuadratic1D(a, b, 0, agStride, 0)
	agH = scaled(agH, agStride)
	ag = scaled(ag, agStride)
	switch {
	case pValue < rValue && pValue < agValue:
		return p, pH, -pValue
	case rValue < pValue && rValue < agValue:
		return r, rH, -rValue
	}
	return ag, agH, -agValue
}

func updateTRRadius(Delta, actual, predicted, stepNorm float64, boundHit bool) (float64, float64) {
	var ratio float64
	switch {
	case predicted > 0:
		ratio = actual / predicted
	case predicted == actual && actual == 0:
		ratio = 1
	}
	if ratio < 0.25 {
		Delta = 0.25 * stepNorm
	} else if ratio > 0.75 && boundHit {
		Delta *= 2
	}
	return Delta, ratio
}

func checkTermination(dF, F, dxNorm, xNorm, ratio, ftol, xtol float64) int {
	ftolOK := dF < ftol*F && ratio > 0.25
	xtolOK := dxNorm < xtol*(xtol+xNorm)
	switch {
	case ftolOK && xtolOK:
		return 4
	case ftolOK:
		return 2
	case xtolOK:
		return 3
	}
	return -100
}
