package optimize

import (
	"math"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

func init() {
	def("least_squares", leastSquares)
}

// vecFunc calls a script function fun(x, *args) where x is the parameter
// vector (an array, or a list of quantities for mixed units).
type vecFunc struct {
	th   *runtime.Thread
	f    runtime.Value
	pv   paramVec
	args []runtime.Value
	buf  []runtime.Value
	nfev int
}

func (v *vecFunc) call(x []float64) (runtime.Value, error) {
	v.buf = append(v.buf[:0], v.pv.vector(x))
	v.buf = append(v.buf, v.args...)
	v.nfev++
	return runtime.Call(v.th, v.f, v.buf, nil)
}

// extraArgs reads an optional args=() tuple.
func extraArgs(fname string, v runtime.Value) ([]runtime.Value, error) {
	if !v.IsValid() || v.IsNone() {
		return nil, nil
	}
	switch v.Obj().(type) {
	case runtime.Tuple, *runtime.List:
		return runtime.ToSlice(v)
	}
	return []runtime.Value{v}, nil
}

// leastSquares is scipy.optimize.least_squares (methods trf and lm).
func leastSquares(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fname = "least_squares"
	var fun, x0v, jacv, boundsv, methodv, ftolv, xtolv, gtolv, xscalev, lossv, fscalev, diffv, maxv, argsv runtime.Value
	if err := runtime.UnpackArgs(fname, args, kwargs, "fun", &fun, "x0", &x0v, "jac?", &jacv, "bounds?", &boundsv,
		"method?", &methodv, "ftol?", &ftolv, "xtol?", &xtolv, "gtol?", &gtolv, "x_scale?", &xscalev, "loss?", &lossv,
		"f_scale?", &fscalev, "diff_step?", &diffv, "max_nfev?", &maxv, "args?", &argsv); err != nil {
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
	lb, ub, err := parseBounds(fname, boundsv, pv)
	if err != nil {
		return runtime.Value{}, err
	}
	method, err := optString(fname, "method", methodv, "trf")
	if err != nil {
		return runtime.Value{}, err
	}
	extra, err := extraArgs(fname, argsv)
	if err != nil {
		return runtime.Value{}, err
	}
	p := &LSQProblem{Lb: lb, Ub: ub}
	for _, t := range []struct {
		name string
		v    runtime.Value
		def  float64
		dst  *float64
	}{{"ftol", ftolv, 1e-8, &p.Ftol}, {"xtol", xtolv, 1e-8, &p.Xtol}, {"gtol", gtolv, 1e-8, &p.Gtol},
		{"f_scale", fscalev, 1, &p.FScale}, {"diff_step", diffv, 0, &p.DiffStep}} {
		if *t.dst, err = optFloat(fname, t.name, t.v, t.def); err != nil {
			return runtime.Value{}, err
		}
	}
	if p.MaxNfev, err = optInt(fname, "max_nfev", maxv, 0); err != nil {
		return runtime.Value{}, err
	}
	lossName, err := optString(fname, "loss", lossv, "linear")
	if err != nil {
		return runtime.Value{}, err
	}
	loss, ok := losses[lossName]
	if !ok {
		return runtime.Value{}, runtime.Errorf("%s(): loss must be one of 'linear', 'soft_l1', 'huber', 'cauchy', 'arctan', not %s", fname, runtime.Quote(lossName))
	}
	p.Loss = loss
	if s, ok := runtime.AsString(xscalev); ok {
		if s != "jac" {
			return runtime.Value{}, runtime.Errorf("%s(): x_scale must be 'jac' or numbers", fname)
		}
		p.JacScale = true
	} else if xscalev.IsValid() && !xscalev.IsNone() {
		xs, _, err := parseParams(fname, "x_scale", xscalev)
		if err != nil {
			return runtime.Value{}, err
		}
		p.XScale = make([]float64, n)
		for j := range p.XScale {
			p.XScale[j] = xs[0]
			if len(xs) == n {
				p.XScale[j] = xs[j]
			}
			if !(p.XScale[j] > 0) {
				return runtime.Value{}, runtime.Errorf("%s(): x_scale must be positive", fname)
			}
		}
	}
	vf := &vecFunc{th: th, f: fun, pv: pv, args: extra}
	// Probe the residual count.
	v0, err := vf.call(x0)
	if err != nil {
		return runtime.Value{}, err
	}
	f0, fdim, err := floats(v0)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("%s(): fun must return an array of residuals: %v", fname, err)
	}
	m := len(f0)
	p.M = m
	p.F = func(x, out []float64) error {
		v, err := vf.call(x)
		if err != nil {
			return err
		}
		vals, _, err := floats(v)
		if err != nil {
			return err
		}
		if len(vals) != m {
			return runtime.Errorf("%s(): fun returned %d residuals, then %d", fname, m, len(vals))
		}
		copy(out, vals)
		return nil
	}
	if jacv.IsValid() && !jacv.IsNone() {
		if s, ok := runtime.AsString(jacv); !ok || s != "2-point" {
			if !ok {
				if err := callable(fname, "jac", jacv); err != nil {
					return runtime.Value{}, err
				}
				jf := &vecFunc{th: th, f: jacv, pv: pv, args: extra}
				p.Jac = func(x, _ []float64, J []float64) error {
					v, err := jf.call(x)
					if err != nil {
						return err
					}
					a, err := array.From(v)
					if err != nil || a.Size() != m*n {
						return runtime.Errorf("%s(): jac must return an array of shape (%d, %d)", fname, m, n)
					}
					copy(J, a.Float64s())
					return nil
				}
			} else if s != "3-point" && s != "cs" {
				return runtime.Value{}, runtime.Errorf("%s(): jac must be '2-point' or a callable", fname)
			}
		}
	}
	for j := range x0 {
		if x0[j] < lb[j] || x0[j] > ub[j] {
			return runtime.Value{}, runtime.Errorf("%s(): x0 is infeasible (outside the bounds)", fname)
		}
	}
	var res *LSQResult
	switch method {
	case "trf":
		res, err = TRF(p, x0)
	case "lm":
		res, err = lsqLM(p, x0, n, p.Ftol, p.Xtol, p.Gtol, lb, ub)
	default:
		return runtime.Value{}, runtime.Errorf("%s(): method must be 'trf' or 'lm', not %s%s", fname, runtime.Quote(method), runtime.Suggest(method, []string{"trf", "lm"}))
	}
	if err != nil {
		return runtime.Value{}, err
	}
	r := newResult()
	r.set("x", pv.vector(res.X))
	r.set("cost", runtime.MakeQuantity(res.Cost, fdim.Mul(fdim)))
	r.set("fun", array.Value(array.New([]int{m}, append([]float64(nil), res.Fun...), fdim)))
	r.set("jac", array.Value(array.New([]int{m, n}, append([]float64(nil), res.Jac...), units.Dim{})))
	r.set("grad", floatArray(res.Grad))
	r.set("optimality", runtime.MakeFloat(res.Optimality))
	r.set("active_mask", array.Value(array.FromInts(intsOf(res.ActiveMask, 0))))
	r.set("nfev", runtime.MakeInt(int64(res.Nfev)))
	if res.Njev > 0 {
		r.set("njev", runtime.MakeInt(int64(res.Njev)))
	} else {
		r.set("njev", runtime.None)
	}
	r.set("status", runtime.MakeInt(int64(res.Status)))
	r.set("message", runtime.MakeStr(lsqMessages[res.Status]))
	r.set("success", runtime.MakeBool(res.Status > 0))
	return runtime.MakeObj(r), nil
}

// lsqLM is least_squares(method='lm'): MINPACK with diag = 1/x_scale.
func lsqLM(p *LSQProblem, x0 []float64, n int, ftol, xtol, gtol float64, lb, ub []float64) (*LSQResult, error) {
	for j := range lb {
		if !math.IsInf(lb[j], -1) || !math.IsInf(ub[j], 1) {
			return nil, runtime.Errorf("least_squares(): method 'lm' doesn't support bounds")
		}
	}
	if p.Loss != nil {
		return nil, runtime.Errorf("least_squares(): method 'lm' supports only 'linear' loss function")
	}
	if p.M < n {
		return nil, runtime.Errorf("least_squares(): method 'lm' doesn't work when the number of residuals is less than the number of variables")
	}
	s := LMSettings{Ftol: ftol, Xtol: xtol, Gtol: gtol, MaxFev: p.MaxNfev}
	if !p.JacScale {
		s.Diag = make([]float64, n)
		for j := range s.Diag {
			s.Diag[j] = 1
			if p.XScale != nil {
				s.Diag[j] = 1 / p.XScale[j]
			}
		}
	}
	if p.DiffStep != 0 {
		s.Epsfcn = p.DiffStep * p.DiffStep
	}
	var jac JacobianFunc
	if p.Jac != nil {
		jac = func(x, J []float64) error {
			rm := make([]float64, p.M*n)
			if err := p.Jac(x, nil, rm); err != nil {
				return err
			}
			for i := 0; i < p.M; i++ {
				for j := 0; j < n; j++ {
					J[i+j*p.M] = rm[i*n+j]
				}
			}
			return nil
		}
	}
	if s.MaxFev == 0 {
		if jac == nil {
			s.MaxFev = 100 * n * (n + 1)
		} else {
			s.MaxFev = 100 * n
		}
	}
	lm, err := Levmar(p.F, jac, x0, p.M, s)
	if err != nil {
		return nil, err
	}
	// Jacobian at the solution, as SciPy recomputes it.
	st := &trfState{p: p, m: p.M, n: n}
	J := make([]float64, p.M*n)
	if err := st.jacobian(lm.X, lm.Fvec, J); err != nil {
		return nil, err
	}
	g := grad(J, lm.Fvec, p.M, n)
	status := map[int]int{0: -1, 1: 2, 2: 3, 3: 4, 4: 1, 5: 0}[lm.Info]
	if lm.Info > 5 {
		status = 0
	}
	res := &LSQResult{X: lm.X, Fun: lm.Fvec, Jac: J, Grad: g, Cost: 0.5 * dot(lm.Fvec, lm.Fvec),
		Optimality: normInf(g), ActiveMask: make([]int, n), Nfev: lm.Nfev, Status: status}
	if jac != nil {
		res.Njev = lm.Njev
	}
	return res, nil
}
