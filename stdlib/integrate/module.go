package integrate

import (
	"math"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

func init() {
	runtime.RegisterModule([]string{"scipy.integrate", "integrate"}, build)
}

// members is the module table.
var members = map[string]runtime.BuiltinFunc{
	"solve_ivp": solveIVPBuiltin,
	"odeint":    odeintBuiltin,
	"quad":      quadBuiltin,
	"dblquad":   dblquadBuiltin,
	"tplquad":   tplquadBuiltin,
	"nquad":     nquadBuiltin,
}

func build() *runtime.Module {
	m := &runtime.Module{Name: "scipy.integrate", Members: map[string]runtime.Value{}}
	for name, f := range members {
		m.Members[name] = runtime.NewBuiltin(name, f)
	}
	return m
}

// cancelOf returns a check of the thread's cancellation.
func cancelOf(th *runtime.Thread) func() error {
	if th == nil || th.Ctx == nil {
		return nil
	}
	return func() error {
		if err := th.Ctx.Err(); err != nil {
			return runtime.Errorf("solve_ivp interrupted: %v", err)
		}
		return nil
	}
}

// extraArgs reads args=(...) (None: none).
func extraArgs(fn string, v runtime.Value) ([]runtime.Value, error) {
	if !v.IsValid() || v.IsNone() {
		return nil, nil
	}
	switch o := v.Obj().(type) {
	case runtime.Tuple:
		return o, nil
	case *runtime.List:
		return o.Elems, nil
	}
	return nil, runtime.Errorf("%s: args cannot be unpacked; supply them as a tuple, e.g. args=(%s,)", fn, runtime.Repr(v))
}

// isGiven reports whether an optional argument was passed and not None.
func isGiven(v runtime.Value) bool { return v.IsValid() && !v.IsNone() }

// solveIVPBuiltin is scipy.integrate.solve_ivp.
func solveIVPBuiltin(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fname = "solve_ivp"
	var fun, tSpan, y0, method, tEval, dense, events, vectorized, extra, rtolV, atolV, maxStepV, firstStepV, jacV, nsV, maxStepsV runtime.Value
	if err := runtime.UnpackArgs(fname, args, kwargs, "fun", &fun, "t_span", &tSpan, "y0", &y0,
		"method?", &method, "t_eval?", &tEval, "dense_output?", &dense, "events?", &events,
		"vectorized?", &vectorized, "args?", &extra, "rtol?", &rtolV, "atol?", &atolV,
		"max_step?", &maxStepV, "first_step?", &firstStepV, "jac?", &jacV, "namespace?", &nsV,
		"max_steps?", &maxStepsV); err != nil {
		return runtime.Value{}, err
	}
	m := "RK45"
	if isGiven(method) {
		s, ok := runtime.AsString(method)
		if !ok {
			return runtime.Value{}, runtime.Errorf("%s: method must be a string, not %s", fname, runtime.TypeName(method))
		}
		m = s
	}
	known := false
	for _, name := range methodNames {
		known = known || name == m
	}
	if !known {
		cands := methodNames
		for _, name := range methodNames {
			if strings.EqualFold(name, m) {
				return runtime.Value{}, runtime.Errorf("%s: unknown method '%s' (did you mean '%s'?); choose one of %s", fname, m, name, strings.Join(methodNames, ", "))
			}
		}
		hint := runtime.Suggest(m, cands)
		for _, name := range methodNames {
			if sameLetters(name, m) {
				hint = " (did you mean '" + name + "'?)"
			}
		}
		return runtime.Value{}, runtime.Errorf("%s: unknown method '%s'%s; choose one of %s", fname, m, hint, strings.Join(cands, ", "))
	}
	// t_span and its unit.
	var span []runtime.Value
	switch o := tSpan.Obj().(type) {
	case runtime.Tuple:
		span = o
	case *runtime.List:
		span = o.Elems
	case *array.Array:
		if o.Size() == 2 {
			xs := o.Float64s()
			span = []runtime.Value{runtime.MakeQuantity(xs[0], o.Dim()), runtime.MakeQuantity(xs[1], o.Dim())}
		}
	}
	if len(span) != 2 {
		return runtime.Value{}, runtime.Errorf("%s: t_span must be a pair (t0, tf)", fname)
	}
	t0, d0, ok0 := scalarOf(span[0])
	tf, d1, ok1 := scalarOf(span[1])
	if !ok0 || !ok1 {
		return runtime.Value{}, runtime.Errorf("%s: t_span must hold two numbers", fname)
	}
	tDim := d0
	if d0 != d1 {
		switch {
		case d0.IsDimensionless() && t0 == 0:
			tDim = d1
		case d1.IsDimensionless() && tf == 0:
		default:
			return runtime.Value{}, runtime.Errorf("%s: t_span has units of %s and %s", fname, array.DimName(d0), array.DimName(d1))
		}
	}
	if math.IsNaN(t0) || math.IsNaN(tf) || math.IsInf(t0, 0) || math.IsInf(tf, 0) {
		return runtime.Value{}, runtime.Errorf("%s: t_span must be finite", fname)
	}
	xargs, err := extraArgs(fname, extra)
	if err != nil {
		return runtime.Value{}, err
	}
	// The right-hand side: equations or a function.
	var ys []float64
	var lay *layout
	var rhs rhsFunc
	var sr *scriptRHS
	if src, isStr := runtime.AsString(fun); isStr {
		if len(xargs) > 0 {
			return runtime.Value{}, runtime.Errorf("%s: args cannot be used with equations; give parameters in namespace= or as variables", fname)
		}
		ns, err := namespaceOf(th, nsV)
		if err != nil {
			return runtime.Value{}, err
		}
		eq, err := cachedEquations(th, src, ns, tDim)
		if err != nil {
			return runtime.Value{}, err
		}
		if ys, err = eq.eqState(y0); err != nil {
			return runtime.Value{}, err
		}
		lay = newLayout(eq.dims, tDim)
		rhs = eq.eval
		sr = newScriptRHS(th, fname, runtime.None, lay, len(ys), nil, false)
	} else {
		if _, ok := fun.Obj().(runtime.Callable); !ok {
			return runtime.Value{}, runtime.Errorf("%s: fun must be a function or an equation string, not %s", fname, runtime.TypeName(fun))
		}
		var ds []units.Dim
		if ys, ds, err = readState(fname, y0); err != nil {
			return runtime.Value{}, err
		}
		lay = newLayout(ds, tDim)
		sr = newScriptRHS(th, fname, fun, lay, len(ys), xargs, false)
		rhs = sr.eval
	}
	n := len(ys)
	if !allFinite(ys) {
		return runtime.Value{}, runtime.Errorf("%s: y0 must be finite", fname)
	}
	p := &problem{fun: rhs, n: n, t0: t0, tBound: tf, dir: 1, maxStep: math.Inf(1), cancel: cancelOf(th)}
	if tf < t0 {
		p.dir = -1
	}
	p.rtol = 1e-3
	if isGiven(rtolV) {
		x, d, ok := scalarOf(rtolV)
		if !ok || !d.IsDimensionless() || !(x >= 0) {
			return runtime.Value{}, runtime.Errorf("%s: rtol must be a non-negative number", fname)
		}
		p.rtol = x
	}
	if p.rtol < 100*eps {
		p.rtol = 100 * eps
	}
	p.atol = make([]float64, n)
	for i := range p.atol {
		p.atol[i] = 1e-6
	}
	if isGiven(atolV) {
		if p.atol, err = tolArg(fname, "atol", atolV, lay, n); err != nil {
			return runtime.Value{}, err
		}
	}
	if isGiven(maxStepV) {
		x, err := quantityArg(fname, "max_step", maxStepV, tDim)
		if err != nil {
			return runtime.Value{}, err
		}
		if !(x > 0) {
			return runtime.Value{}, runtime.Errorf("%s: max_step must be positive", fname)
		}
		p.maxStep = x
	}
	if isGiven(firstStepV) {
		x, err := quantityArg(fname, "first_step", firstStepV, tDim)
		if err != nil {
			return runtime.Value{}, err
		}
		if !(x > 0) {
			return runtime.Value{}, runtime.Errorf("%s: first_step must be positive", fname)
		}
		if x > math.Abs(tf-t0) {
			return runtime.Value{}, runtime.Errorf("%s: first_step exceeds the interval t_span", fname)
		}
		p.firstStep = x
	}
	if isGiven(maxStepsV) {
		x, _, ok := scalarOf(maxStepsV)
		if !ok || x < 1 {
			return runtime.Value{}, runtime.Errorf("%s: max_steps must be a positive integer", fname)
		}
		p.maxSteps = int(x)
	}
	if isGiven(vectorized) {
		vec, err := runtime.Truth(vectorized)
		if err != nil {
			return runtime.Value{}, err
		}
		if vec && !sr.fn.IsNone() {
			if err := useVectorized(p, sr); err != nil {
				return runtime.Value{}, err
			}
		}
	}
	if isGiven(jacV) {
		if _, ok := jacV.Obj().(runtime.Callable); ok {
			if sr.fn.IsNone() {
				sr.args = sr.args[:2]
			}
			p.jac = scriptJac(sr, jacV)
		} else {
			p.jacConst = make([]float64, n*n)
			if err := matrixInto(fname, "jac", jacV, n, p.jacConst); err != nil {
				return runtime.Value{}, err
			}
		}
	}
	opt := ivpOptions{method: m}
	if isGiven(dense) {
		if opt.dense, err = runtime.Truth(dense); err != nil {
			return runtime.Value{}, err
		}
	}
	if isGiven(tEval) {
		if opt.tEval, err = floatsArg(fname, "t_eval", tEval, tDim); err != nil {
			return runtime.Value{}, err
		}
		if opt.tEval == nil {
			opt.tEval = []float64{}
		}
	}
	if isGiven(events) {
		if opt.events, err = readEvents(sr, events); err != nil {
			return runtime.Value{}, err
		}
	}
	res, err := solveIVP(p, ys, opt)
	if err != nil {
		return runtime.Value{}, wrapErr(fname, err)
	}
	return runtime.MakeObj(resultValue(res, lay, n)), nil
}

// wrapErr prefixes plain Go errors (from the equation compiler or the
// vector VM) with the function's name; script errors pass unchanged.
func wrapErr(fname string, err error) error {
	if _, ok := err.(*runtime.Error); ok {
		return err
	}
	return runtime.Errorf("%s: %v", fname, err)
}

// readEvents reads events: a function, or a list of functions, each
// optionally given as (function, {'terminal': ..., 'direction': ...});
// function attributes terminal and direction are read as in SciPy.
func readEvents(sr *scriptRHS, v runtime.Value) ([]event, error) {
	var items []runtime.Value
	switch o := v.Obj().(type) {
	case *runtime.List:
		items = o.Elems
	case runtime.Tuple:
		if len(o) == 2 {
			if _, isDict := o[1].Obj().(*runtime.Dict); isDict {
				items = []runtime.Value{v}
				break
			}
		}
		items = o
	default:
		items = []runtime.Value{v}
	}
	out := make([]event, len(items))
	for i, it := range items {
		fn := it
		var opts *runtime.Dict
		if tup, ok := it.Obj().(runtime.Tuple); ok && len(tup) == 2 {
			if d, ok := tup[1].Obj().(*runtime.Dict); ok {
				fn, opts = tup[0], d
			}
		}
		if _, ok := fn.Obj().(runtime.Callable); !ok {
			return nil, runtime.Errorf("solve_ivp: events[%d] must be a function, not %s", i, runtime.TypeName(fn))
		}
		ev := event{fn: scriptEvent(sr, fn)}
		get := func(name string) (runtime.Value, bool) {
			if opts != nil {
				if x, ok, _ := opts.Get(runtime.MakeStr(name)); ok {
					return x, true
				}
			}
			if h, ok := fn.Obj().(runtime.HasAttrs); ok {
				if x, err := h.Attr(name); err == nil && x.IsValid() {
					return x, true
				}
			}
			return runtime.Value{}, false
		}
		if x, ok := get("terminal"); ok {
			t, err := runtime.Truth(x)
			if err != nil {
				return nil, err
			}
			ev.terminal = t
		}
		if x, ok := get("direction"); ok {
			d, _, ok := scalarOf(x)
			if !ok {
				return nil, runtime.Errorf("solve_ivp: the direction of events[%d] must be a number", i)
			}
			ev.direction = d
		}
		out[i] = ev
	}
	return out, nil
}

// sameLetters reports whether a and b are anagrams ignoring case (RK54
// for RK45).
func sameLetters(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	count := map[rune]int{}
	for _, r := range strings.ToUpper(a) {
		count[r]++
	}
	for _, r := range strings.ToUpper(b) {
		count[r]--
	}
	for _, c := range count {
		if c != 0 {
			return false
		}
	}
	return true
}
