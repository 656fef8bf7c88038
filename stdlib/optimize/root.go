package optimize

import (
	"math"

	"github.com/sim-lang/sim/runtime"
	"gonum.org/v1/gonum/mat"
)

func init() {
	def("root", root)
}

// HybrResult is what Hybrid returns.
type HybrResult struct {
	X, Fun  []float64
	Nfev    int
	Njev    int
	Status  int
	Message string
}

// Hybrid solves F(x) = 0 for n equations in n unknowns by a Powell
// hybrid (dogleg trust-region) method like MINPACK's hybrd: Newton steps
// from a forward-difference Jacobian inside a scaled trust region, the
// steepest-descent fallback, and Broyden rank-one updates between
// Jacobian refreshes. Status follows hybrd: 1 success, 2 too many calls,
// 4/5 no progress.
func Hybrid(f ResidualFunc, jac JacobianFunc, x0 []float64, xtol float64, maxfev int) (*HybrResult, error) {
	n := len(x0)
	if xtol == 0 {
		xtol = defaultTol
	}
	if maxfev == 0 {
		maxfev = 200 * (n + 1)
	}
	x := append([]float64(nil), x0...)
	fx := make([]float64, n)
	if err := f(x, fx); err != nil {
		return nil, err
	}
	res := &HybrResult{Nfev: 1}
	J := mat.NewDense(n, n, nil)
	cm := make([]float64, n*n)
	wa := make([]float64, n)
	refresh := func() error {
		if jac != nil {
			res.Njev++
			if err := jac(x, cm); err != nil {
				return err
			}
		} else {
			if err := fdjac2(f, x, fx, cm, n, epsmch, wa); err != nil {
				return err
			}
			res.Nfev += n
		}
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				J.Set(i, j, cm[i+j*n])
			}
		}
		return nil
	}
	if err := refresh(); err != nil {
		return nil, err
	}
	diag := make([]float64, n)
	for j := 0; j < n; j++ {
		c := mat.Norm(J.ColView(j), 2)
		diag[j] = c
		if c == 0 {
			diag[j] = 1
		}
	}
	scaledNorm := func(v []float64) float64 {
		s := 0.0
		for j := range v {
			s += (diag[j] * v[j]) * (diag[j] * v[j])
		}
		return math.Sqrt(s)
	}
	delta := 100 * scaledNorm(x)
	if delta == 0 {
		delta = 100
	}
	fnorm := norm2(fx)
	xn := make([]float64, n)
	fn := make([]float64, n)
	slow := 0
	for {
		if fnorm == 0 {
			res.Status = 1
			break
		}
		// Gauss-Newton step and steepest-descent direction.
		var lu mat.LU
		lu.Factorize(J)
		gn := make([]float64, n)
		b := mat.NewVecDense(n, append([]float64(nil), fx...))
		sol := mat.NewVecDense(n, nil)
		singular := lu.SolveVecTo(sol, false, b) != nil
		if !singular {
			for j := range gn {
				gn[j] = -sol.AtVec(j)
			}
		}
		g := make([]float64, n) // Jᵀf scaled
		for j := 0; j < n; j++ {
			s := 0.0
			for i := 0; i < n; i++ {
				s += J.At(i, j) * fx[i]
			}
			g[j] = s / diag[j]
		}
		var step []float64
		if !singular && scaledNorm(gn) <= delta {
			step = gn
		} else {
			// Cauchy point along −D⁻¹g in scaled space.
			sd := make([]float64, n)
			for j := range sd {
				sd[j] = -g[j] / diag[j]
			}
			Jsd := make([]float64, n)
			for i := 0; i < n; i++ {
				for j := 0; j < n; j++ {
					Jsd[i] += J.At(i, j) * sd[j]
				}
			}
			gg := dot(g, g)
			den := dot(Jsd, Jsd)
			tau := 0.0
			if den > 0 {
				tau = gg / den
			}
			cp := scaled(sd, tau)
			if singular || scaledNorm(cp) >= delta {
				k := delta / math.Max(scaledNorm(sd), 1e-300)
				step = scaled(sd, k)
			} else {
				// Dogleg between the Cauchy point and the Newton step.
				d := make([]float64, n)
				for j := range d {
					d[j] = gn[j] - cp[j]
				}
				a, bq, c := 0.0, 0.0, 0.0
				for j := range d {
					dj, cj := diag[j]*d[j], diag[j]*cp[j]
					a += dj * dj
					bq += 2 * dj * cj
					c += cj * cj
				}
				c -= delta * delta
				t := (-bq + math.Sqrt(bq*bq-4*a*c)) / (2 * a)
				step = make([]float64, n)
				for j := range step {
					step[j] = cp[j] + t*d[j]
				}
			}
		}
		for j := range x {
			xn[j] = x[j] + step[j]
		}
		if err := f(xn, fn); err != nil {
			return nil, err
		}
		res.Nfev++
		fnorm1 := norm2(fn)
		pnorm := scaledNorm(step)
		// Predicted reduction from the linear model.
		pred := make([]float64, n)
		for i := 0; i < n; i++ {
			pred[i] = fx[i]
			for j := 0; j < n; j++ {
				pred[i] += J.At(i, j) * step[j]
			}
		}
		actred := 1 - (fnorm1/fnorm)*(fnorm1/fnorm)
		prered := 1 - (norm2(pred)/fnorm)*(norm2(pred)/fnorm)
		ratio := 0.0
		if prered > 0 {
			ratio = actred / prered
		}
		if ratio < 0.1 || math.IsNaN(fnorm1) {
			delta = 0.5 * math.Min(delta, pnorm)
		} else if ratio >= 0.5 {
			delta = math.Max(delta, pnorm/0.5)
		}
		accepted := ratio >= 1e-4 && !math.IsNaN(fnorm1)
		if accepted {
			// Broyden update of J with the accepted step.
			ss := dot(step, step)
			for i := 0; i < n; i++ {
				r := fn[i] - pred[i]
				for j := 0; j < n; j++ {
					J.Set(i, j, J.At(i, j)+r*step[j]/ss)
				}
			}
			copy(x, xn)
			copy(fx, fn)
			if actred < 0.01 {
				slow++
			} else {
				slow = 0
			}
			fnorm = fnorm1
		} else {
			slow++
		}
		if fnorm == 0 || delta <= xtol*scaledNorm(x) {
			res.Status = 1
			break
		}
		if res.Nfev >= maxfev {
			res.Status = 2
			break
		}
		if slow >= 5 || !accepted {
			if err := refresh(); err != nil {
				return nil, err
			}
			if slow >= 20 {
				res.Status = 5
				break
			}
		}
	}
	res.X, res.Fun = x, fx
	res.Message = map[int]string{
		1: "The solution converged.",
		2: "The number of calls to function has reached maxfev = " + itoa(maxfev) + ".",
		5: "The iteration is not making good progress, as measured by the \n  improvement from the last ten iterations.",
	}[res.Status]
	return res, nil
}

func itoa(i int) string { return runtime.Repr(runtime.MakeInt(int64(i))) }

// root is scipy.optimize.root (methods 'hybr' and 'lm').
func root(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fname = "root"
	var fun, x0v, argsv, methodv, jacv, tolv, callbackv, optionsv runtime.Value
	if err := runtime.UnpackArgs(fname, args, kwargs, "fun", &fun, "x0", &x0v, "args?", &argsv, "method?", &methodv,
		"jac?", &jacv, "tol?", &tolv, "callback?", &callbackv, "options?", &optionsv); err != nil {
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
	method, err := optString(fname, "method", methodv, "hybr")
	if err != nil {
		return runtime.Value{}, err
	}
	opts, err := optionsDict(fname, optionsv)
	if err != nil {
		return runtime.Value{}, err
	}
	tol, err := optFloat(fname, "tol", tolv, 0)
	if err != nil {
		return runtime.Value{}, err
	}
	xtol, err := optFloat(fname, "xtol", opts["xtol"], tol)
	if err != nil {
		return runtime.Value{}, err
	}
	maxfev, err := optInt(fname, "maxfev", opts["maxfev"], 0)
	if err != nil {
		return runtime.Value{}, err
	}
	vf := &vecFunc{th: th, f: fun, pv: pv, args: extra}
	m := -1
	F := func(x, out []float64) error {
		v, err := vf.call(x)
		if err != nil {
			return err
		}
		vals, _, err := floats(v)
		if err != nil {
			return err
		}
		if m < 0 {
			m = len(vals)
		}
		if len(vals) != len(out) {
			return runtime.Errorf("%s(): fun must return %d values (one per unknown), got %d", fname, len(out), len(vals))
		}
		copy(out, vals)
		return nil
	}
	var jac JacobianFunc
	if jacv.IsValid() && !jacv.IsNone() && jacv.Kind() != runtime.BoolKind {
		if err := callable(fname, "jac", jacv); err != nil {
			return runtime.Value{}, err
		}
		jf := &vecFunc{th: th, f: jacv, pv: pv, args: extra}
		jac = func(x, J []float64) error {
			v, err := jf.call(x)
			if err != nil {
				return err
			}
			vals, _, err := floats(v)
			if err != nil || len(vals) != n*n {
				return runtime.Errorf("%s(): jac must return an (%d, %d) array", fname, n, n)
			}
			for i := 0; i < n; i++ {
				for j := 0; j < n; j++ {
					J[i+j*n] = vals[i*n+j]
				}
			}
			return nil
		}
	}
	r := newResult()
	switch method {
	case "hybr":
		h, err := Hybrid(F, jac, x0, xtol, maxfev)
		if err != nil {
			return runtime.Value{}, err
		}
		r.set("x", pv.vector(h.X)).set("fun", floatArray(h.Fun)).set("nfev", runtime.MakeInt(int64(vf.nfev)))
		r.set("status", runtime.MakeInt(int64(h.Status))).set("success", runtime.MakeBool(h.Status == 1))
		r.set("message", runtime.MakeStr(h.Message))
	case "lm":
		s := LMSettings{Xtol: xtol, MaxFev: maxfev}
		lm, err := Levmar(F, jac, x0, n, s)
		if err != nil {
			return runtime.Value{}, err
		}
		r.set("x", pv.vector(lm.X)).set("fun", floatArray(lm.Fvec)).set("nfev", runtime.MakeInt(int64(vf.nfev)))
		r.set("status", runtime.MakeInt(int64(lm.Info))).set("success", runtime.MakeBool(lm.Info >= 1 && lm.Info <= 4))
		r.set("message", runtime.MakeStr(lmMessage(lm.Info, s, 200*(n+1))))
		r.set("cov_x", func() runtime.Value {
			if c, ok := lm.Covariance(); ok {
				return plain(n).matrix(c)
			}
			return runtime.None
		}())
	default:
		return runtime.Value{}, runtime.Errorf("%s(): method must be 'hybr' or 'lm', not %s%s", fname, runtime.Quote(method), runtime.Suggest(method, []string{"hybr", "lm"}))
	}
	return runtime.MakeObj(r), nil
}
