package integrate

import (
	"math"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

// odeintBuiltin is scipy.integrate.odeint: func(y, t, *args) (or
// func(t, y, *args) with tfirst=True) integrated with the LSODA-class
// method over the times t, returning an array of shape (len(t), n).
func odeintBuiltin(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fname = "odeint"
	var fun, y0, tV, extra, dfun, colDeriv, full, ml, mu, rtolV, atolV, tcrit, h0V, hmaxV, hminV, ixpr, mxstepV, mxhnil, mxordn, mxords, printmessg, tfirstV runtime.Value
	if err := runtime.UnpackArgs(fname, args, kwargs, "func", &fun, "y0", &y0, "t", &tV,
		"args?", &extra, "Dfun?", &dfun, "col_deriv?", &colDeriv, "full_output?", &full,
		"ml?", &ml, "mu?", &mu, "rtol?", &rtolV, "atol?", &atolV, "tcrit?", &tcrit,
		"h0?", &h0V, "hmax?", &hmaxV, "hmin?", &hminV, "ixpr?", &ixpr, "mxstep?", &mxstepV,
		"mxhnil?", &mxhnil, "mxordn?", &mxordn, "mxords?", &mxords, "printmessg?", &printmessg,
		"tfirst?", &tfirstV); err != nil {
		return runtime.Value{}, err
	}
	if _, ok := fun.Obj().(runtime.Callable); !ok {
		return runtime.Value{}, runtime.Errorf("%s: func must be a function, not %s", fname, runtime.TypeName(fun))
	}
	ys, ds, err := readState(fname, y0)
	if err != nil {
		return runtime.Value{}, err
	}
	n := len(ys)
	// The times and their unit.
	var tDim units.Dim
	if x, d, ok := scalarOf(tV); ok {
		_ = x
		tDim = d
	} else if h, ok := tV.Obj().(runtime.HasDim); ok {
		tDim = h.Dimensions()
	}
	ts, err := floatsArg(fname, "t", tV, tDim)
	if err != nil {
		return runtime.Value{}, err
	}
	if len(ts) == 0 {
		return runtime.Value{}, runtime.Errorf("%s: t must hold at least one time", fname)
	}
	lay := newLayout(ds, tDim)
	xargs, err := extraArgs(fname, extra)
	if err != nil {
		return runtime.Value{}, err
	}
	tfirst := false
	if isGiven(tfirstV) {
		if tfirst, err = runtime.Truth(tfirstV); err != nil {
			return runtime.Value{}, err
		}
	}
	sr := newScriptRHS(th, fname, fun, lay, n, xargs, !tfirst)
	t0, tf := ts[0], ts[len(ts)-1]
	p := &problem{fun: sr.eval, n: n, t0: t0, tBound: tf, dir: 1, maxStep: math.Inf(1), cancel: cancelOf(th)}
	if tf < t0 {
		p.dir = -1
	}
	tol := func(v runtime.Value, name string) ([]float64, error) {
		if !isGiven(v) {
			out := make([]float64, n)
			for i := range out {
				out[i] = 1.49012e-8
			}
			return out, nil
		}
		return tolArg(fname, name, v, lay, n)
	}
	rt, err := tol(rtolV, "rtol")
	if err != nil {
		return runtime.Value{}, err
	}
	p.rtol = rt[0]
	for _, r := range rt {
		p.rtol = math.Min(p.rtol, r)
	}
	if p.rtol < 100*eps {
		p.rtol = 100 * eps
	}
	if p.atol, err = tol(atolV, "atol"); err != nil {
		return runtime.Value{}, err
	}
	if isGiven(hmaxV) {
		x, err := quantityArg(fname, "hmax", hmaxV, tDim)
		if err != nil {
			return runtime.Value{}, err
		}
		if x > 0 {
			p.maxStep = x
		}
	}
	if isGiven(h0V) {
		x, err := quantityArg(fname, "h0", h0V, tDim)
		if err != nil {
			return runtime.Value{}, err
		}
		if x > 0 {
			p.firstStep = math.Min(x, math.Abs(tf-t0))
		}
	}
	if isGiven(mxstepV) {
		x, _, ok := scalarOf(mxstepV)
		if ok && x > 0 {
			p.maxSteps = int(x) * max(1, len(ts)-1)
		}
	}
	if isGiven(dfun) {
		if _, ok := dfun.Obj().(runtime.Callable); !ok {
			return runtime.Value{}, runtime.Errorf("%s: Dfun must be a function", fname)
		}
		jr := newScriptRHS(th, fname, dfun, lay, n, xargs, !tfirst)
		p.jac = func(t float64, y []float64, J []float64) error {
			v, err := jr.call(t, y)
			if err != nil {
				return err
			}
			return matrixInto(fname, "Dfun", v, n, J)
		}
	}
	for i := 1; i < len(ts); i++ {
		d := ts[i] - ts[i-1]
		if (p.dir > 0 && d < 0) || (p.dir < 0 && d > 0) {
			return runtime.Value{}, runtime.Errorf("%s: the times t must be monotonic", fname)
		}
	}
	wantFull := false
	if isGiven(full) {
		if wantFull, err = runtime.Truth(full); err != nil {
			return runtime.Value{}, err
		}
	}
	var res *ivpResult
	out := make([][]float64, 0, len(ts))
	msg := "Integration successful."
	if t0 == tf {
		for range ts {
			out = append(out, append([]float64(nil), ys...))
		}
		res = &ivpResult{}
	} else {
		// Repeated times are allowed in odeint: evaluate the distinct
		// ones and copy.
		uniq := []float64{ts[0]}
		for _, t := range ts[1:] {
			if t != uniq[len(uniq)-1] {
				uniq = append(uniq, t)
			}
		}
		res, err = solveIVP(p, ys, ivpOptions{method: "LSODA", tEval: uniq})
		if err != nil {
			return runtime.Value{}, wrapErr(fname, err)
		}
		if res.status < 0 {
			msg = res.message
		}
		k := 0
		for _, t := range ts {
			for k < len(res.t)-1 && res.t[k] != t {
				k++
			}
			if k < len(res.t) && res.t[k] == t {
				out = append(out, res.y[k])
			} else {
				nan := make([]float64, n)
				for i := range nan {
					nan[i] = math.NaN()
				}
				out = append(out, nan)
			}
		}
		if res.status < 0 && !wantFull {
			return runtime.Value{}, runtime.Errorf("%s: integration failed: %s", fname, res.message)
		}
	}
	y := lay.matrixValue(out, n, true)
	if !wantFull {
		return y, nil
	}
	info := runtime.NewDict()
	info.Set(runtime.MakeStr("nfe"), runtime.MakeInt(int64(res.nfev)))
	info.Set(runtime.MakeStr("nje"), runtime.MakeInt(int64(res.njev)))
	info.Set(runtime.MakeStr("nst"), runtime.MakeInt(int64(res.steps)))
	info.Set(runtime.MakeStr("nlu"), runtime.MakeInt(int64(res.nlu)))
	info.Set(runtime.MakeStr("message"), runtime.MakeStr(msg))
	return runtime.MakeTuple(y, runtime.MakeObj(info)), nil
}
