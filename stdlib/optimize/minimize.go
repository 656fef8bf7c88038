package optimize

import (
	"math"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

func init() {
	def("minimize", minimize)
}

// scalarObjective wraps fun(x, *args) → number (its unit is kept for the
// result's fun).
type scalarObjective struct {
	vf   *vecFunc
	dim  units.Dim
	seen bool
	// withGrad is set when fun returns (value, gradient) (jac=True).
	withGrad bool
	lastX    []float64
	lastG    []float64
}

func (o *scalarObjective) eval(x []float64) (float64, error) {
	v, err := o.vf.call(x)
	if err != nil {
		return 0, err
	}
	if o.withGrad {
		t, ok := v.Obj().(runtime.Tuple)
		if !ok || len(t) != 2 {
			return 0, runtime.Errorf("minimize(): with jac=True fun must return (value, gradient)")
		}
		g, _, err := floats(t[1])
		if err != nil || len(g) != len(x) {
			return 0, runtime.Errorf("minimize(): the gradient must have %d elements", len(x))
		}
		o.lastX = append(o.lastX[:0], x...)
		o.lastG = append(o.lastG[:0], g...)
		v = t[0]
	}
	f, d, err := scalarResult("minimize", v)
	if err != nil {
		return 0, err
	}
	if !o.seen {
		o.dim, o.seen = d, true
	}
	return f, nil
}

// optionsDict reads minimize's options dict into name → value.
func optionsDict(fname string, v runtime.Value) (map[string]runtime.Value, error) {
	out := map[string]runtime.Value{}
	if !v.IsValid() || v.IsNone() {
		return out, nil
	}
	d, ok := v.Obj().(*runtime.Dict)
	if !ok {
		return nil, runtime.Errorf("%s() options must be a dict, not %s", fname, runtime.TypeName(v))
	}
	it, err := runtime.Iterate(runtime.MakeObj(d))
	if err != nil {
		return nil, err
	}
	var k runtime.Value
	for it.Next(&k) {
		s, _ := runtime.AsString(k)
		val, err := runtime.GetIndex(runtime.MakeObj(d), k)
		if err != nil {
			return nil, err
		}
		out[s] = val
	}
	return out, nil
}

// parseBoundPairs reads minimize/differential_evolution bounds: a
// sequence of (min, max) pairs, None meaning unbounded.
func parseBoundPairs(fname string, v runtime.Value, n int, dims []units.Dim) (lb, ub []float64, dimsOut []units.Dim, err error) {
	pairs, err := runtime.ToSlice(v)
	if err != nil {
		return nil, nil, nil, runtime.Errorf("%s() bounds must be a sequence of (min, max) pairs", fname)
	}
	if n >= 0 && len(pairs) != n {
		return nil, nil, nil, runtime.Errorf("%s() got %d bounds for %d parameters", fname, len(pairs), n)
	}
	lb, ub = make([]float64, len(pairs)), make([]float64, len(pairs))
	dimsOut = make([]units.Dim, len(pairs))
	for i, p := range pairs {
		pp, err := runtime.ToSlice(p)
		if err != nil || len(pp) != 2 {
			return nil, nil, nil, runtime.Errorf("%s() bounds[%d] must be a (min, max) pair", fname, i)
		}
		for side, dst := range []*float64{&lb[i], &ub[i]} {
			e := pp[side]
			if e.IsNone() {
				*dst = math.Inf(2*side - 1)
				continue
			}
			a, err := array.From(e)
			if err != nil || a.Size() != 1 {
				return nil, nil, nil, runtime.Errorf("%s() bounds[%d] must hold numbers", fname, i)
			}
			*dst = a.Float64s()[0]
			if dims != nil {
				if err := boundDim(fname, a.Dim(), dims[i], *dst); err != nil {
					return nil, nil, nil, err
				}
			} else if !math.IsInf(*dst, 0) {
				dimsOut[i] = a.Dim()
			}
		}
		if lb[i] > ub[i] {
			return nil, nil, nil, runtime.Errorf("%s() bounds[%d]: the lower bound exceeds the upper bound", fname, i)
		}
	}
	return lb, ub, dimsOut, nil
}

// minimize is scipy.optimize.minimize (Nelder-Mead, BFGS, L-BFGS-B).
func minimize(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fname = "minimize"
	var fun, x0v, argsv, methodv, jacv, hessv, boundsv, constraintsv, tolv, callbackv, optionsv runtime.Value
	if err := runtime.UnpackArgs(fname, args, kwargs, "fun", &fun, "x0", &x0v, "args?", &argsv, "method?", &methodv,
		"jac?", &jacv, "hess?", &hessv, "bounds?", &boundsv, "constraints?", &constraintsv,
		"tol?", &tolv, "callback?", &callbackv, "options?", &optionsv); err != nil {
		return runtime.Value{}, err
	}
	if err := callable(fname, "fun", fun); err != nil {
		return runtime.Value{}, err
	}
	x0, pv, err := parseParams(fname, "x0", x0v)
	if err != nil {
		return runtime.Value{}, err
	}
	n := len(x0)
	extra, err := extraArgs(fname, argsv)
	if err != nil {
		return runtime.Value{}, err
	}
	var lb, ub []float64
	if boundsv.IsValid() && !boundsv.IsNone() {
		if lb, ub, _, err = parseBoundPairs(fname, boundsv, n, pv.dims); err != nil {
			return runtime.Value{}, err
		}
	}
	method, err := optString(fname, "method", methodv, "")
	if err != nil {
		return runtime.Value{}, err
	}
	if method == "" {
		method = "BFGS"
		if lb != nil {
			method = "L-BFGS-B"
		}
	}
	opts, err := optionsDict(fname, optionsv)
	if err != nil {
		return runtime.Value{}, err
	}
	tol, err := optFloat(fname, "tol", tolv, 0)
	if err != nil {
		return runtime.Value{}, err
	}
	optF := func(name string, def float64) (float64, error) { return optFloat(fname, name, opts[name], def) }
	optI := func(name string, def int) (int, error) { return optInt(fname, name, opts[name], def) }
	obj := &scalarObjective{vf: &vecFunc{th: th, f: fun, pv: pv, args: extra}}
	var gf GradFunc
	switch {
	case !jacv.IsValid() || jacv.IsNone():
	case jacv.Kind() == runtime.BoolKind:
		if jacv.AsBool() {
			obj.withGrad = true
			gf = func(x []float64, _ float64, g []float64) error {
				if !sameVec(x, obj.lastX) {
					if _, err := obj.eval(x); err != nil {
						return err
					}
				}
				copy(g, obj.lastG)
				return nil
			}
		}
	default:
		if s, ok := runtime.AsString(jacv); ok {
			if s != "2-point" {
				return runtime.Value{}, runtime.Errorf("%s(): jac must be a callable, True or '2-point'", fname)
			}
			break
		}
		if err := callable(fname, "jac", jacv); err != nil {
			return runtime.Value{}, err
		}
		jf := &vecFunc{th: th, f: jacv, pv: pv, args: extra}
		gf = func(x []float64, _ float64, g []float64) error {
			v, err := jf.call(x)
			if err != nil {
				return err
			}
			vals, _, err := floats(v)
			if err != nil || len(vals) != len(x) {
				return runtime.Errorf("%s(): jac must return %d numbers", fname, len(x))
			}
			copy(g, vals)
			return nil
		}
	}
	var res *MinResult
	switch strings.ToLower(method) {
	case "nelder-mead":
		o := NMOptions{Lb: lb, Ub: ub, Xatol: tol, Fatol: tol}
		if o.Xatol, err = optF("xatol", o.Xatol); err != nil {
			return runtime.Value{}, err
		}
		if o.Fatol, err = optF("fatol", o.Fatol); err != nil {
			return runtime.Value{}, err
		}
		if o.MaxIter, err = optI("maxiter", 0); err != nil {
			return runtime.Value{}, err
		}
		if o.MaxFev, err = optI("maxfev", 0); err != nil {
			return runtime.Value{}, err
		}
		if o.Adaptive, err = optBool(opts["adaptive"], false); err != nil {
			return runtime.Value{}, err
		}
		res, err = NelderMead(obj.eval, x0, o)
	case "bfgs":
		if lb != nil {
			warn(th, "Method BFGS cannot handle constraints nor bounds.")
		}
		o := BFGSOptions{Gtol: tol}
		if o.Gtol, err = optF("gtol", o.Gtol); err != nil {
			return runtime.Value{}, err
		}
		if o.MaxIter, err = optI("maxiter", 0); err != nil {
			return runtime.Value{}, err
		}
		eps, err := optF("eps", math.Sqrt(epsmch))
		if err != nil {
			return runtime.Value{}, err
		}
		if gf == nil {
			gf = fdGradient(obj.eval, eps, nil, nil)
		}
		res, err = BFGS(obj.eval, gf, x0, o)
	case "l-bfgs-b":
		o := LBFGSBOptions{Lb: lb, Ub: ub, Ftol: tol, Gtol: tol}
		for _, t := range []struct {
			name string
			dst  *float64
		}{{"ftol", &o.Ftol}, {"gtol", &o.Gtol}} {
			if *t.dst, err = optF(t.name, *t.dst); err != nil {
				return runtime.Value{}, err
			}
		}
		for _, t := range []struct {
			name string
			dst  *int
		}{{"maxiter", &o.MaxIter}, {"maxfun", &o.MaxFun}, {"maxcor", &o.M}} {
			if *t.dst, err = optI(t.name, 0); err != nil {
				return runtime.Value{}, err
			}
		}
		eps, err := optF("eps", 1e-8)
		if err != nil {
			return runtime.Value{}, err
		}
		if gf == nil {
			gf = fdGradient(obj.eval, eps, lb, ub)
		}
		res, err = LBFGSB(obj.eval, gf, x0, o)
	default:
		return runtime.Value{}, runtime.Errorf("%s(): unknown method %s%s (supported: 'Nelder-Mead', 'BFGS', 'L-BFGS-B')", fname, runtime.Quote(method),
			runtime.Suggest(method, []string{"Nelder-Mead", "BFGS", "L-BFGS-B"}))
	}
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(minResult(res, pv, obj.dim, obj.vf.nfev)), nil
}

func sameVec(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// minResult converts a MinResult to an OptimizeResult.
func minResult(res *MinResult, pv paramVec, fdim units.Dim, nfev int) *Result {
	r := newResult()
	r.set("x", pv.vector(res.X))
	r.set("fun", runtime.MakeQuantity(res.Fun, fdim))
	r.set("nit", runtime.MakeInt(int64(res.Nit)))
	r.set("nfev", runtime.MakeInt(int64(nfev)))
	r.set("status", runtime.MakeInt(int64(res.Status)))
	r.set("success", runtime.MakeBool(res.Status == 0))
	r.set("message", runtime.MakeStr(res.Message))
	n := len(res.X)
	if res.Jac != nil {
		r.set("jac", floatArray(res.Jac))
	}
	if res.HessInv != nil {
		r.set("hess_inv", array.Value(array.New([]int{n, n}, append([]float64(nil), res.HessInv...), units.Dim{})))
	}
	if res.Simplex != nil {
		flat := make([]float64, 0, (n+1)*n)
		for _, s := range res.Simplex {
			flat = append(flat, s...)
		}
		r.set("final_simplex", runtime.MakeTuple(array.Value(array.New([]int{n + 1, n}, flat, units.Dim{})), floatArray(res.FSim)))
	}
	return r
}
