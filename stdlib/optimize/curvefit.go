package optimize

import (
	"fmt"
	"math"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
	"gonum.org/v1/gonum/mat"
)

// model wraps a script model f(x, *params) as residuals
// w·(f(x, *p) − y), checking the unit of its output.
type model struct {
	th    *runtime.Thread
	fname string
	f     runtime.Value
	lead  []runtime.Value // arguments before the parameters (xdata)
	tail  []runtime.Value // extra positional args after them
	pv    paramVec
	y     []float64 // nil: residuals are f itself
	ydim  units.Dim
	w     []float64 // nil: unweighted
	m     int
	args  []runtime.Value
	nfev  int
	// checked is set once the output unit has been checked.
	checked bool
}

// eval calls the model at p and writes residuals into out.
func (md *model) eval(p, out []float64) error {
	md.args = append(md.args[:0], md.lead...)
	md.args = md.pv.values(md.args, p)
	md.args = append(md.args, md.tail...)
	v, err := runtime.Call(md.th, md.f, md.args, nil)
	if err != nil {
		return err
	}
	md.nfev++
	vals, d, err := floats(v)
	if err != nil {
		return runtime.Errorf("%s(): the model must return numbers: %v", md.fname, err)
	}
	if !md.checked {
		if d != md.ydim && !(len(vals) == 1 && vals[0] == 0) {
			return runtime.Errorf("%s(): the model returns values in %s but the data are in %s", md.fname, array.DimName(d), array.DimName(md.ydim))
		}
		md.checked = true
	}
	switch {
	case len(vals) == md.m:
	case len(vals) == 1:
		// A constant model broadcasts like numpy.
	default:
		return runtime.Errorf("%s(): the model returned %d values for %d data points", md.fname, len(vals), md.m)
	}
	md.residuals(vals, out)
	return nil
}

// residuals writes w·(f − y) into out from the model values vals (one
// value per point, or one broadcast value), with a tight loop for each
// case so that no per-element branches remain.
func (md *model) residuals(vals, out []float64) {
	if len(vals) != len(out) {
		fv := vals[0]
		for i := range out {
			r := fv
			if md.y != nil {
				r = fv - md.y[i]
			}
			if md.w != nil {
				r *= md.w[i]
			}
			out[i] = r
		}
		return
	}
	switch y, w := md.y, md.w; {
	case y == nil && w == nil:
		copy(out, vals)
	case w == nil:
		y = y[:len(out)]
		vals = vals[:len(out)]
		for i := range out {
			out[i] = vals[i] - y[i]
		}
	case y == nil:
		w = w[:len(out)]
		vals = vals[:len(out)]
		for i := range out {
			out[i] = vals[i] * w[i]
		}
	default:
		y, w = y[:len(out)], w[:len(out)]
		vals = vals[:len(out)]
		for i := range out {
			out[i] = (vals[i] - y[i]) * w[i]
		}
	}
}

// curveFitArgs are curve_fit's parsed arguments.
type curveFitArgs struct {
	f, xdata, ydata, p0, sigma, absSigma, checkFinite, bounds, method, jac, fullOutput, maxfev, ftol, xtol, gtol, epsfcn, loss, fscale runtime.Value
}

// curveFit is scipy.optimize.curve_fit.
func curveFit(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fname = "curve_fit"
	var a curveFitArgs
	if err := runtime.UnpackArgs(fname, args, kwargs, "f", &a.f, "xdata", &a.xdata, "ydata", &a.ydata,
		"p0?", &a.p0, "sigma?", &a.sigma, "absolute_sigma?", &a.absSigma, "check_finite?", &a.checkFinite,
		"bounds?", &a.bounds, "method?", &a.method, "jac?", &a.jac, "full_output?", &a.fullOutput,
		"maxfev?", &a.maxfev, "ftol?", &a.ftol, "xtol?", &a.xtol, "gtol?", &a.gtol, "epsfcn?", &a.epsfcn,
		"loss?", &a.loss, "f_scale?", &a.fscale); err != nil {
		return runtime.Value{}, err
	}
	if err := callable(fname, "f", a.f); err != nil {
		return runtime.Value{}, err
	}
	yarr, err := array.From(a.ydata)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("%s() ydata: %v", fname, err)
	}
	y := append([]float64(nil), yarr.Float64s()...)
	m := len(y)
	check, err := optBool(a.checkFinite, true)
	if err != nil {
		return runtime.Value{}, err
	}
	if check && !allFinite(y) {
		return runtime.Value{}, runtime.Errorf("%s(): ydata must not contain infs or NaNs", fname)
	}
	// Parameters.
	var p0 []float64
	var pv paramVec
	if !a.p0.IsValid() || a.p0.IsNone() {
		n := numParams(a.f, 1)
		if n < 1 {
			return runtime.Value{}, runtime.Errorf("%s(): unable to determine the number of fit parameters; give p0", fname)
		}
		pv = plain(n)
		p0 = make([]float64, n)
		for i := range p0 {
			p0[i] = 1
		}
	} else if p0, pv, err = parseParams(fname, "p0", a.p0); err != nil {
		return runtime.Value{}, err
	}
	n := len(p0)
	lb, ub, err := parseBounds(fname, a.bounds, pv)
	if err != nil {
		return runtime.Value{}, err
	}
	bounded := false
	for i := range lb {
		if !math.IsInf(lb[i], -1) || !math.IsInf(ub[i], 1) {
			bounded = true
		}
	}
	method, err := optString(fname, "method", a.method, "")
	if err != nil {
		return runtime.Value{}, err
	}
	if method == "" {
		method = "lm"
		if bounded {
			method = "trf"
		}
	}
	switch method {
	case "lm":
		if bounded {
			return runtime.Value{}, runtime.Errorf("%s(): method 'lm' only works for unconstrained problems; use 'trf' instead", fname)
		}
		if m < n {
			return runtime.Value{}, runtime.Errorf("%s(): improper input: func input vector length N=%d must not exceed func output vector length M=%d", fname, n, m)
		}
	case "trf":
		if !a.p0.IsValid() || a.p0.IsNone() {
			for i := range p0 {
				p0[i] = feasibleStart(lb[i], ub[i])
			}
		}
		if !inBounds(p0, lb, ub) {
			return runtime.Value{}, runtime.Errorf("%s(): p0 is infeasible (outside the bounds)", fname)
		}
	default:
		return runtime.Value{}, runtime.Errorf("%s(): method must be 'lm' or 'trf', not %s%s", fname, runtime.Quote(method), runtime.Suggest(method, []string{"lm", "trf"}))
	}
	md := &model{th: th, fname: fname, f: a.f, lead: []runtime.Value{a.xdata}, pv: pv, y: y, ydim: yarr.Dim(), m: m}
	if a.sigma.IsValid() && !a.sigma.IsNone() {
		sarr, err := array.From(a.sigma)
		if err != nil {
			return runtime.Value{}, runtime.Errorf("%s() sigma: %v", fname, err)
		}
		if sarr.NDim() != 1 || sarr.Size() != m {
			return runtime.Value{}, runtime.Errorf("%s(): sigma must be a 1-d array of the same length as ydata (%d), got shape %s", fname, m, array.ShapeString(sarr.Shape()))
		}
		if sarr.Dim() != yarr.Dim() {
			return runtime.Value{}, runtime.Errorf("%s(): sigma is in %s but ydata is in %s", fname, array.DimName(sarr.Dim()), array.DimName(yarr.Dim()))
		}
		md.w = make([]float64, m)
		for i, s := range sarr.Float64s() {
			md.w[i] = 1 / s
		}
	}
	absSigma, err := optBool(a.absSigma, false)
	if err != nil {
		return runtime.Value{}, err
	}
	full, err := optBool(a.fullOutput, false)
	if err != nil {
		return runtime.Value{}, err
	}
	var s LMSettings
	if s.MaxFev, err = optInt(fname, "maxfev", a.maxfev, 0); err != nil {
		return runtime.Value{}, err
	}
	for _, t := range []struct {
		name string
		v    runtime.Value
		dst  *float64
	}{{"ftol", a.ftol, &s.Ftol}, {"xtol", a.xtol, &s.Xtol}, {"gtol", a.gtol, &s.Gtol}, {"epsfcn", a.epsfcn, &s.Epsfcn}} {
		if *t.dst, err = optFloat(fname, t.name, t.v, 0); err != nil {
			return runtime.Value{}, err
		}
	}
	var jac JacobianFunc
	hasJac := a.jac.IsValid() && !a.jac.IsNone()
	if s, ok := runtime.AsString(a.jac); ok {
		if s != "2-point" && s != "3-point" && s != "cs" {
			return runtime.Value{}, runtime.Errorf("%s(): jac must be a callable or '2-point', not %s", fname, runtime.Quote(s))
		}
		hasJac = false
	}
	if hasJac {
		if err := callable(fname, "jac", a.jac); err != nil {
			return runtime.Value{}, err
		}
		jac = md.jacobian(a.jac, n)
	}

	var popt, pcov []float64
	var cost float64
	var infodict runtime.Value
	var mesg string
	var ier int
	covOK := true
	if method == "lm" {
		res, err := Levmar(md.eval, jac, p0, m, s)
		if err != nil {
			return runtime.Value{}, err
		}
		maxfev := s.MaxFev
		if maxfev == 0 {
			maxfev = 200 * (n + 1)
			if hasJac {
				maxfev = 100 * (n + 1)
			}
		}
		ier, mesg = res.Info, lmMessage(res.Info, s, maxfev)
		if ier < 1 || ier > 4 {
			return runtime.Value{}, runtime.Errorf("RuntimeError: Optimal parameters not found: %s", mesg)
		}
		popt = res.X
		cost = dot(res.Fvec, res.Fvec)
		pcov, covOK = res.Covariance()
		if full {
			fjacT := make([]float64, n*m) // SciPy returns fjac transposed: n×m
			copy(fjacT, res.Fjac)
			infodict = dict("nfev", runtime.MakeInt(int64(res.Nfev)), "fvec", floatArray(res.Fvec),
				"fjac", array.Value(array.New([]int{n, m}, fjacT, units.Dim{})),
				"ipvt", array.Value(array.FromInts(intsOf(res.Ipvt, 1))),
				"qtf", floatArray(res.Qtf))
			if hasJac {
				infodict.Obj().(*runtime.Dict).Set(runtime.MakeStr("njev"), runtime.MakeInt(int64(res.Njev)))
			}
		}
	} else {
		prob := &LSQProblem{F: md.eval, M: m, Lb: lb, Ub: ub, Ftol: s.Ftol, Xtol: s.Xtol, Gtol: s.Gtol, MaxNfev: s.MaxFev}
		if hasJac {
			prob.Jac = func(x, _ []float64, J []float64) error {
				cm := make([]float64, m*n)
				if err := jac(x, cm); err != nil {
					return err
				}
				for i := 0; i < m; i++ {
					for j := 0; j < n; j++ {
						J[i*n+j] = cm[i+j*m]
					}
				}
				return nil
			}
		}
		res, err := TRF(prob, p0)
		if err != nil {
			return runtime.Value{}, err
		}
		if res.Status <= 0 {
			return runtime.Value{}, runtime.Errorf("RuntimeError: Optimal parameters not found: %s", lsqMessages[res.Status])
		}
		popt = res.X
		cost = 2 * res.Cost
		pcov = pinvJTJ(res.Jac, m, n)
		ier, mesg = res.Status, lsqMessages[res.Status]
		if full {
			infodict = dict("nfev", runtime.MakeInt(int64(res.Nfev)), "fvec", floatArray(res.Fun))
		}
	}
	if covOK {
		for _, v := range pcov {
			if math.IsNaN(v) {
				covOK = false
			}
		}
	}
	warnCov := false
	switch {
	case !covOK:
		pcov = make([]float64, n*n)
		for i := range pcov {
			pcov[i] = math.Inf(1)
		}
		warnCov = true
	case !absSigma:
		if m > n {
			sSq := cost / float64(m-n)
			for i := range pcov {
				pcov[i] *= sSq
			}
		} else {
			for i := range pcov {
				pcov[i] = math.Inf(1)
			}
			warnCov = true
		}
	}
	if warnCov {
		warn(th, "Covariance of the parameters could not be estimated")
	}
	if err := md.checkRunaway(p0, popt, cost); err != nil {
		return runtime.Value{}, err
	}
	out := []runtime.Value{pv.vector(popt), pv.matrix(pcov)}
	if full {
		out = append(out, infodict, runtime.MakeStr(mesg), runtime.MakeInt(int64(ier)))
	}
	return runtime.MakeTuple(out...), nil
}

func intsOf(v []int, add int) []int64 {
	out := make([]int64, len(v))
	for i, x := range v {
		out[i] = int64(x + add)
	}
	return out
}

// feasibleStart is SciPy's initial guess inside bounds.
func feasibleStart(lb, ub float64) float64 {
	lf, uf := !math.IsInf(lb, 0), !math.IsInf(ub, 0)
	switch {
	case lf && uf:
		return 0.5 * (lb + ub)
	case lf:
		return lb + 1
	case uf:
		return ub - 1
	}
	return 1
}

// pinvJTJ is curve_fit's covariance for TRF: the Moore–Penrose inverse of
// JᵀJ from the SVD of J, discarding tiny singular values.
func pinvJTJ(J []float64, m, n int) []float64 {
	var svd mat.SVD
	if !svd.Factorize(mat.NewDense(m, n, append([]float64(nil), J...)), mat.SVDThin) {
		out := make([]float64, n*n)
		for i := range out {
			out[i] = math.NaN()
		}
		return out
	}
	s := svd.Values(nil)
	var V mat.Dense
	svd.VTo(&V)
	threshold := epsmch * float64(max(m, n)) * s[0]
	out := make([]float64, n*n)
	for k, sv := range s {
		if sv <= threshold {
			continue
		}
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				out[i*n+j] += V.At(i, k) * V.At(j, k) / (sv * sv)
			}
		}
	}
	return out
}

// jacobian wraps a script jac(x, *params) returning an m×n array (in the
// data's units per parameter unit) as a column-major JacobianFunc of the
// weighted residuals.
func (md *model) jacobian(jf runtime.Value, n int) JacobianFunc {
	return func(p, J []float64) error {
		args := append([]runtime.Value{}, md.lead...)
		args = md.pv.values(args, p)
		args = append(args, md.tail...)
		v, err := runtime.Call(md.th, jf, args, nil)
		if err != nil {
			return err
		}
		a, err := array.From(v)
		if err != nil {
			return runtime.Errorf("%s(): jac must return an array: %v", md.fname, err)
		}
		sh := a.Shape()
		if len(sh) != 2 || sh[0] != md.m || sh[1] != n {
			return runtime.Errorf("%s(): jac returned shape %s, want (%d, %d)", md.fname, array.ShapeString(sh), md.m, n)
		}
		data := a.Float64s()
		for i := 0; i < md.m; i++ {
			w := 1.0
			if md.w != nil {
				w = md.w[i]
			}
			for j := 0; j < n; j++ {
				J[i+j*md.m] = data[i*n+j] * w
			}
		}
		return nil
	}
}

// checkRunaway warns when a fit "converged" by sending a parameter off to
// a huge magnitude where the cost no longer depends on it: the model has
// degenerated (for example an exponential flattened into a constant).
// SciPy reports such fits as successes.
func (md *model) checkRunaway(p0, popt []float64, cost float64) error {
	var out, p []float64
	for i := range popt {
		scale := math.Max(math.Abs(p0[i]), 1e-300)
		if math.Abs(popt[i]) < 1e6*scale {
			continue
		}
		if out == nil {
			out = make([]float64, md.m)
			p = append([]float64(nil), popt...)
		}
		// Is the cost flat along this parameter? Double it and compare.
		p[i] = 2 * popt[i]
		if err := md.eval(p, out); err != nil {
			return err
		}
		p[i] = popt[i]
		c2 := dot(out, out)
		if math.Abs(c2-cost) <= 1e-6*math.Max(cost, 1e-300) {
			warn(md.th, "%s: the fit ran away: parameter %d went from %s to %s, where the cost no longer depends on it (the model has degenerated); the result is meaningless — try a better p0",
				md.fname, i, md.show(i, p0[i]), md.show(i, popt[i]))
		}
	}
	return nil
}

// show formats parameter i for messages.
func (md *model) show(i int, v float64) string {
	if md.pv.dims[i].IsDimensionless() {
		return fmt.Sprintf("%.6g", v)
	}
	return runtime.Str(md.pv.scalar(i, v))
}
