package optimize

import (
	"math"
)

// GradFunc evaluates the gradient of the objective at x (f = value there)
// into g.
type GradFunc func(x []float64, f float64, g []float64) error

// fdGradient returns SciPy's 2-point forward-difference gradient with an
// absolute step h (stepping backwards where a bound is in the way).
func fdGradient(f ScalarFunc, h float64, lb, ub []float64) GradFunc {
	return func(x []float64, fx float64, g []float64) error {
		xx := append([]float64(nil), x...)
		for j := range x {
			step := h
			if x[j]+step-x[j] == 0 {
				step = math.Sqrt(epsmch) * math.Max(1, math.Abs(x[j]))
			}
			if ub != nil && x[j]+step > ub[j] {
				step = -step
			}
			xx[j] = x[j] + step
			v, err := f(xx)
			if err != nil {
				return err
			}
			g[j] = (v - fx) / (xx[j] - x[j])
			xx[j] = x[j]
		}
		return nil
	}
}

// wolfeSearch finds a step along p satisfying the strong Wolfe
// conditions (c1 = 1e-4, c2 = 0.9) by bracketing and zooming (Nocedal &
// Wright, algorithms 3.5 and 3.6). It returns the step, the value and
// gradient there, and ok=false when no such step was found.
func wolfeSearch(f ScalarFunc, gf GradFunc, x, p []float64, f0 float64, g0 []float64, alpha1 float64) (float64, float64, []float64, bool, error) {
	const c1, c2 = 1e-4, 0.9
	n := len(x)
	xt := make([]float64, n)
	gt := make([]float64, n)
	phi := func(a float64) (float64, float64, error) {
		for j := range xt {
			xt[j] = x[j] + a*p[j]
		}
		v, err := f(xt)
		if err != nil {
			return 0, 0, err
		}
		if err := gf(xt, v, gt); err != nil {
			return 0, 0, err
		}
		return v, dot(gt, p), nil
	}
	d0 := dot(g0, p)
	if d0 >= 0 {
		return 0, f0, nil, false, nil
	}
	aPrev, fPrev, dPrev := 0.0, f0, d0
	a := alpha1
	zoom := func(lo, hi, flo, dlo, fhi float64) (float64, float64, []float64, bool, error) {
		for i := 0; i < 30; i++ {
			// Cubic-free safeguarded quadratic interpolation, then bisection.
			aj := 0.5 * (lo + hi)
			dd := hi - lo
			q := fhi - flo - dlo*dd
			if q > 0 {
				cand := lo - dlo*dd*dd/(2*q)
				if lo < hi && cand > lo+0.1*dd && cand < hi-0.1*dd || lo > hi && cand < lo+0.1*dd && cand > hi-0.1*dd {
					aj = cand
				}
			}
			fj, dj, err := phi(aj)
			if err != nil {
				return 0, 0, nil, false, err
			}
			if fj > f0+c1*aj*d0 || fj >= flo {
				hi, fhi = aj, fj
			} else {
				if math.Abs(dj) <= -c2*d0 {
					return aj, fj, append([]float64(nil), gt...), true, nil
				}
				if dj*(hi-lo) >= 0 {
					hi, fhi = lo, flo
				}
				lo, flo, dlo = aj, fj, dj
			}
			if math.Abs(hi-lo) < 1e-16*math.Max(1, math.Abs(lo)) {
				break
			}
		}
		return 0, 0, nil, false, nil
	}
	for i := 0; i < 30; i++ {
		fa, da, err := phi(a)
		if err != nil {
			return 0, 0, nil, false, err
		}
		if fa > f0+c1*a*d0 || (i > 0 && fa >= fPrev) || math.IsNaN(fa) {
			if math.IsNaN(fa) || math.IsInf(fa, 0) {
				a = 0.5 * (aPrev + a)
				continue
			}
			return zoom(aPrev, a, fPrev, dPrev, fa)
		}
		if math.Abs(da) <= -c2*d0 {
			return a, fa, append([]float64(nil), gt...), true, nil
		}
		if da >= 0 {
			return zoom(a, aPrev, fa, da, fPrev)
		}
		aPrev, fPrev, dPrev = a, fa, da
		a *= 2
	}
	return 0, 0, nil, false, nil
}

// BFGSOptions are BFGS' settings (zero: SciPy's defaults).
type BFGSOptions struct {
	Gtol    float64
	MaxIter int
}

// BFGS minimizes f by SciPy's BFGS: inverse-Hessian updates, strong-Wolfe
// line searches, stopping when the gradient's max-norm is below gtol.
func BFGS(f ScalarFunc, gf GradFunc, x0 []float64, o BFGSOptions) (*MinResult, error) {
	n := len(x0)
	if o.Gtol == 0 {
		o.Gtol = 1e-5
	}
	if o.MaxIter == 0 {
		o.MaxIter = 200 * n
	}
	x := append([]float64(nil), x0...)
	fx, err := f(x)
	if err != nil {
		return nil, err
	}
	g := make([]float64, n)
	if err := gf(x, fx, g); err != nil {
		return nil, err
	}
	H := identity(n)
	oldOld := fx + norm2(g)/2
	k := 0
	warnflag := 0
	gnorm := normInf(g)
	pk := make([]float64, n)
	for gnorm > o.Gtol && k < o.MaxIter {
		for i := 0; i < n; i++ {
			s := 0.0
			for j := 0; j < n; j++ {
				s -= H[i*n+j] * g[j]
			}
			pk[i] = s
		}
		d0 := dot(g, pk)
		alpha1 := 1.0
		if d0 != 0 {
			alpha1 = math.Min(1, 1.01*2*(fx-oldOld)/d0)
			if alpha1 <= 0 {
				alpha1 = 1
			}
		}
		alpha, fnew, gnew, ok, err := wolfeSearch(f, gf, x, pk, fx, g, alpha1)
		if err != nil {
			return nil, err
		}
		if !ok {
			warnflag = 2
			break
		}
		oldOld = fx
		sk := scaled(pk, alpha)
		yk := make([]float64, n)
		for j := range x {
			x[j] += sk[j]
			yk[j] = gnew[j] - g[j]
		}
		copy(g, gnew)
		fx = fnew
		k++
		gnorm = normInf(g)
		if gnorm <= o.Gtol {
			break
		}
		if math.IsInf(fx, 0) || math.IsNaN(fx) {
			warnflag = 2
			break
		}
		rhoInv := dot(yk, sk)
		rho := 1000.0
		if rhoInv != 0 {
			rho = 1 / rhoInv
		}
		bfgsUpdate(H, sk, yk, rho, n)
	}
	res := &MinResult{X: x, Fun: fx, Jac: g, HessInv: H, Nit: k}
	switch {
	case warnflag == 2:
		res.Status, res.Message = 2, "Desired error not necessarily achieved due to precision loss."
	case k >= o.MaxIter:
		res.Status, res.Message = 1, "Maximum number of iterations has been exceeded."
	case math.IsNaN(gnorm) || math.IsNaN(fx):
		res.Status, res.Message = 3, "NaN result encountered."
	default:
		res.Message = "Optimization terminated successfully."
	}
	return res, nil
}

func identity(n int) []float64 {
	h := make([]float64, n*n)
	for i := 0; i < n; i++ {
		h[i*n+i] = 1
	}
	return h
}

// bfgsUpdate sets H = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ.
func bfgsUpdate(H, s, y []float64, rho float64, n int) {
	// Hy = H y, yHy = yᵀ H y; expanded form of the update.
	Hy := make([]float64, n)
	yH := make([]float64, n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			Hy[i] += H[i*n+j] * y[j]
			yH[i] += y[j] * H[j*n+i]
		}
	}
	yHy := dot(y, Hy)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			H[i*n+j] += -rho*(s[i]*yH[j]+Hy[i]*s[j]) + (rho*rho*yHy+rho)*s[i]*s[j]
		}
	}
}

// LBFGSBOptions are L-BFGS-B's settings (zero: SciPy's defaults).
type LBFGSBOptions struct {
	M       int
	Ftol    float64 // factr·epsmch
	Gtol    float64 // pgtol
	MaxIter int
	MaxFun  int
	Lb, Ub  []float64
}

// LBFGSB minimizes f within box bounds by a projected limited-memory BFGS
// method: two-loop directions on the free variables, a projected
// backtracking (Armijo) search, and SciPy's L-BFGS-B stopping rules and
// messages.
func LBFGSB(f ScalarFunc, gf GradFunc, x0 []float64, o LBFGSBOptions) (*MinResult, error) {
	n := len(x0)
	if o.M == 0 {
		o.M = 10
	}
	if o.Ftol == 0 {
		o.Ftol = 1e7 * epsmch
	}
	if o.Gtol == 0 {
		o.Gtol = 1e-5
	}
	if o.MaxIter == 0 {
		o.MaxIter = 15000
	}
	if o.MaxFun == 0 {
		o.MaxFun = 15000
	}
	lb, ub := o.Lb, o.Ub
	if lb == nil {
		lb, ub = make([]float64, n), make([]float64, n)
		for j := range lb {
			lb[j], ub[j] = math.Inf(-1), math.Inf(1)
		}
	}
	proj := func(x []float64) {
		for j := range x {
			x[j] = math.Min(math.Max(x[j], lb[j]), ub[j])
		}
	}
	nfev := 0
	fc := func(x []float64) (float64, error) { nfev++; return f(x) }
	x := append([]float64(nil), x0...)
	proj(x)
	fx, err := fc(x)
	if err != nil {
		return nil, err
	}
	g := make([]float64, n)
	if err := gf(x, fx, g); err != nil {
		return nil, err
	}
	var S, Y [][]float64
	var rhos []float64
	pgnorm := func() float64 {
		m := 0.0
		for j := range x {
			gi := g[j]
			if gi < 0 {
				gi = math.Max(x[j]-ub[j], gi)
			} else {
				gi = math.Min(x[j]-lb[j], gi)
			}
			m = math.Max(m, math.Abs(gi))
		}
		return m
	}
	twoLoop := func(q []float64) []float64 {
		q = append([]float64(nil), q...)
		k := len(S)
		al := make([]float64, k)
		for i := k - 1; i >= 0; i-- {
			al[i] = rhos[i] * dot(S[i], q)
			for j := range q {
				q[j] -= al[i] * Y[i][j]
			}
		}
		gamma := 1.0
		if k > 0 {
			gamma = dot(S[k-1], Y[k-1]) / dot(Y[k-1], Y[k-1])
		}
		for j := range q {
			q[j] *= gamma
		}
		for i := 0; i < k; i++ {
			b := rhos[i] * dot(Y[i], q)
			for j := range q {
				q[j] += S[i][j] * (al[i] - b)
			}
		}
		return q
	}
	nit := 0
	status, msg := 0, ""
	xn := make([]float64, n)
	gn := make([]float64, n)
	for {
		if pgnorm() <= o.Gtol {
			msg = "CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL"
			break
		}
		if nit >= o.MaxIter {
			status, msg = 1, "STOP: TOTAL NO. of ITERATIONS REACHED LIMIT"
			break
		}
		if nfev >= o.MaxFun {
			status, msg = 1, "STOP: TOTAL NO. of f AND g EVALUATIONS EXCEEDS LIMIT"
			break
		}
		// Free variables: not held at a bound by the gradient.
		free := make([]bool, n)
		gf0 := make([]float64, n)
		for j := range x {
			atLo := x[j] <= lb[j] && g[j] > 0
			atHi := x[j] >= ub[j] && g[j] < 0
			free[j] = !atLo && !atHi
			if free[j] {
				gf0[j] = g[j]
			}
		}
		d := twoLoop(gf0)
		for j := range d {
			d[j] = -d[j]
			if !free[j] {
				d[j] = 0
			}
		}
		if dot(d, g) >= 0 {
			S, Y, rhos = nil, nil, nil
			for j := range d {
				d[j] = -gf0[j]
			}
		}
		t := 1.0
		if len(S) == 0 {
			t = math.Min(1, 1/math.Max(norm2(d), 1e-300))
		}
		accepted := false
		var fnew float64
		for ls := 0; ls < 40; ls++ {
			for j := range x {
				xn[j] = x[j] + t*d[j]
			}
			proj(xn)
			fnew, err = fc(xn)
			if err != nil {
				return nil, err
			}
			dec := 0.0
			for j := range x {
				dec += g[j] * (xn[j] - x[j])
			}
			if fnew <= fx+1e-4*dec && !math.IsNaN(fnew) {
				accepted = true
				break
			}
			t *= 0.5
		}
		if !accepted {
			status, msg = 2, "ABNORMAL_TERMINATION_IN_LNSRCH"
			break
		}
		if err := gf(xn, fnew, gn); err != nil {
			return nil, err
		}
		nit++
		s, y := make([]float64, n), make([]float64, n)
		for j := range x {
			s[j], y[j] = xn[j]-x[j], gn[j]-g[j]
		}
		if sy := dot(s, y); sy > epsmch*dot(y, y) {
			S, Y, rhos = append(S, s), append(Y, y), append(rhos, 1/sy)
			if len(S) > o.M {
				S, Y, rhos = S[1:], Y[1:], rhos[1:]
			}
		}
		fold := fx
		copy(x, xn)
		copy(g, gn)
		fx = fnew
		if (fold-fx)/math.Max(math.Max(math.Abs(fold), math.Abs(fx)), 1) <= o.Ftol {
			msg = "CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH"
			break
		}
	}
	H := make([]float64, n*n)
	e := make([]float64, n)
	for c := 0; c < n; c++ {
		e[c] = 1
		col := twoLoop(e)
		e[c] = 0
		for r := 0; r < n; r++ {
			H[r*n+c] = col[r]
		}
	}
	return &MinResult{X: x, Fun: fx, Jac: g, HessInv: H, Nit: nit, Nfev: nfev, Status: status, Message: msg}, nil
}
