package integrate

import (
	"fmt"
	"math"
	"sort"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

// quadSpec is the tolerance, the subinterval limit and the break points
// of one quad call (SciPy's defaults: 1.49e-8, 1.49e-8, 50, none).
type quadSpec struct {
	epsabs, epsrel float64
	limit          int
	points         []float64
	hasPoints      bool
}

func defaultQuadSpec() quadSpec { return quadSpec{epsabs: 1.49e-8, epsrel: 1.49e-8, limit: 50} }

// quadRun is one finished integration: QUADPACK's output with the
// result's sign applied, the number of evaluations, and whether the
// range was infinite (the subdivision then lives on (0, 1]).
type quadRun struct {
	*quadOut
	neval    int
	infinite bool
}

// integrate1 integrates f from a to b as scipy.integrate.quad does:
// reversed limits flip the sign; an infinite range goes to qagie;
// break points (those strictly inside) to qagp; the rest to qags.
func integrate1(f integrand, a, b float64, spec quadSpec) (*quadRun, error) {
	run := &quadRun{}
	g := func(x float64) (float64, error) {
		run.neval++
		return f(x)
	}
	sign := 1.0
	if b < a {
		a, b, sign = b, a, -1
	}
	var out *quadOut
	var err error
	switch {
	case math.IsInf(a, 0) || math.IsInf(b, 0):
		if spec.hasPoints {
			return nil, runtime.Errorf("quad: infinite limits cannot be used with break points")
		}
		inf, bound := 1, a
		switch {
		case math.IsInf(a, -1) && math.IsInf(b, 1):
			inf, bound = 2, 0
		case math.IsInf(a, -1):
			inf, bound = -1, b
		case math.IsInf(a, 1) || math.IsInf(b, -1): // (inf, inf) or (-inf, -inf)
			out = newQuadOut(spec.limit, a, b)
			out.result, out.abserr = math.NaN(), math.NaN()
		}
		if out == nil {
			run.infinite = true
			out, err = qags(qk15i(g, bound, inf), 0, 1, spec.epsabs, spec.epsrel, spec.limit)
		}
	case spec.hasPoints:
		inside := make([]float64, 0, len(spec.points))
		for _, p := range spec.points {
			if a < p && p < b {
				inside = append(inside, p)
			}
		}
		sort.Float64s(inside)
		inside = uniqueSorted(inside)
		out, err = qagp(g, a, b, inside, spec.epsabs, spec.epsrel, spec.limit)
	default:
		out, err = qags(qk21(g), a, b, spec.epsabs, spec.epsrel, spec.limit)
	}
	if err != nil {
		return nil, err
	}
	out.result *= sign
	run.quadOut = out
	return run, nil
}

// uniqueSorted drops repeated values from a sorted slice.
func uniqueSorted(x []float64) []float64 {
	out := x[:0]
	for i, v := range x {
		if i == 0 || v != x[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// quadMessages are SciPy's texts for QUADPACK's error codes 1-5.
var quadMessages = map[int]string{
	1: "The maximum number of subdivisions (%d) has been achieved.\n  If increasing the limit yields no improvement it is advised to analyze \n  the integrand in order to determine the difficulties.  If the position of a \n  local difficulty can be determined (singularity, discontinuity) one will \n  probably gain from splitting up the interval and calling the integrator \n  on the subranges.  Perhaps a special-purpose integrator should be used.",
	2: "The occurrence of roundoff error is detected, which prevents \n  the requested tolerance from being achieved.  The error may be \n  underestimated.",
	3: "Extremely bad integrand behavior occurs at some points of the\n  integration interval.",
	4: "The algorithm does not converge.  Roundoff error is detected\n  in the extrapolation table.  It is assumed that the requested tolerance\n  cannot be achieved, and that the returned result (if full_output = 1) is \n  the best which can be obtained.",
	5: "The integral is probably divergent, or slowly convergent.",
}

// quadMessage is the message of error code ier (1-5).
func quadMessage(ier, limit int) string {
	m := quadMessages[ier]
	if ier == 1 {
		m = fmt.Sprintf(m, limit)
	}
	return m
}

// invalidInput is SciPy's ValueError for ier = 6, worded after the
// cause as SciPy's quad words it.
func invalidInput(fname string, spec quadSpec, a, b float64) error {
	switch {
	case spec.epsabs <= 0 && spec.epsrel < math.Max(50*eps, 5e-29):
		return runtime.Errorf("%s: if epsabs <= 0, epsrel must be greater than both 5e-29 and 50*(machine epsilon)", fname)
	case spec.limit < 1:
		return runtime.Errorf("%s: invalid limit argument %d: there must be at least one subinterval", fname, spec.limit)
	case spec.hasPoints && len(spec.points) >= spec.limit:
		return runtime.Errorf("%s: number of break points (%d) must be less than subinterval limit (%d)", fname, len(spec.points), spec.limit)
	}
	return runtime.Errorf("%s: the input is invalid", fname)
}

// warnIntegration writes SciPy's IntegrationWarning text to stderr.
func warnIntegration(th *runtime.Thread, msg string) {
	if th != nil && th.Stderr != nil {
		_, _ = fmt.Fprintf(th.Stderr, "IntegrationWarning: %s\n", msg)
	}
}

// scriptIntegrand wraps func(x, *args) with x in xDim; it checks that
// every value is a number in one unit, recorded in *fDim.
func scriptIntegrand(th *runtime.Thread, fname string, fun runtime.Value, xDim units.Dim, before, after []runtime.Value, fDim *units.Dim, seen *bool) integrand {
	callArgs := make([]runtime.Value, len(before)+1+len(after))
	copy(callArgs, before)
	copy(callArgs[len(before)+1:], after)
	k := len(before)
	return func(x float64) (float64, error) {
		callArgs[k] = runtime.MakeQuantity(x, xDim)
		v, err := runtime.Call(th, fun, callArgs, nil)
		if err != nil {
			return 0, err
		}
		return integrandValue(fname, v, fDim, seen)
	}
}

// integrandValue reads one value of an integrand: a number whose unit
// must agree with the earlier ones, recorded in *fDim (a plain 0 fits
// any unit, and a unit may replace a plain number).
func integrandValue(fname string, v runtime.Value, fDim *units.Dim, seen *bool) (float64, error) {
	y, d, ok := scalarOf(v)
	if !ok {
		return 0, runtime.Errorf("%s: func must return a number, not %s", fname, runtime.TypeName(v))
	}
	if !*seen {
		*fDim, *seen = d, true
	} else if d != *fDim && y != 0 {
		if fDim.IsDimensionless() {
			*fDim = d
		} else if !d.IsDimensionless() {
			return 0, runtime.Errorf("%s: func returned values with units of %s and %s", fname, array.DimName(*fDim), array.DimName(d))
		}
	}
	return y, nil
}

// limitsOf reads the limits a and b: numbers or quantities of one unit
// (0 and infinities may be plain numbers).
func limitsOf(fname string, aV, bV runtime.Value) (a, b float64, xDim units.Dim, err error) {
	a, da, ok1 := scalarOf(aV)
	b, db, ok2 := scalarOf(bV)
	if !ok1 || !ok2 {
		return 0, 0, xDim, runtime.Errorf("%s: the limits a and b must be numbers", fname)
	}
	if math.IsNaN(a) || math.IsNaN(b) {
		return 0, 0, xDim, runtime.Errorf("%s: the limits a and b must not be NaN", fname)
	}
	xDim = da
	if da != db {
		switch {
		case da.IsDimensionless() && (a == 0 || math.IsInf(a, 0)):
			xDim = db
		case db.IsDimensionless() && (b == 0 || math.IsInf(b, 0)):
		default:
			return 0, 0, xDim, runtime.Errorf("%s: the limits have units of %s and %s", fname, array.DimName(da), array.DimName(db))
		}
	}
	return a, b, xDim, nil
}

// quadArgs reads args= as SciPy's quad does: a tuple is unpacked, any
// other value is the one extra argument.
func quadArgs(v runtime.Value) []runtime.Value {
	if !isGiven(v) {
		return nil
	}
	if t, ok := v.Obj().(runtime.Tuple); ok {
		return t
	}
	return []runtime.Value{v}
}

// pointsArg reads the break points: numbers in x's unit.
func pointsArg(fname string, v runtime.Value, xDim units.Dim) ([]float64, error) {
	if x, d, ok := scalarOf(v); ok {
		if d != xDim {
			return nil, runtime.Errorf("%s: points have units of %s, but x is in %s", fname, array.DimName(d), array.DimName(xDim))
		}
		return []float64{x}, nil
	}
	a, err := array.From(v)
	if err != nil || a.NDim() > 1 {
		return nil, runtime.Errorf("%s: points must be a sequence of numbers, not %s", fname, runtime.TypeName(v))
	}
	if a.Dim() != xDim && a.Size() > 0 {
		return nil, runtime.Errorf("%s: points have units of %s, but x is in %s", fname, array.DimName(a.Dim()), array.DimName(xDim))
	}
	return append([]float64(nil), a.Float64s()...), nil
}

// quadOptions reads epsabs, epsrel and limit.
func quadOptions(fname string, epsabsV, epsrelV, limitV runtime.Value) (quadSpec, error) {
	spec := defaultQuadSpec()
	for _, o := range []struct {
		name string
		v    runtime.Value
		dst  *float64
	}{{"epsabs", epsabsV, &spec.epsabs}, {"epsrel", epsrelV, &spec.epsrel}} {
		if !isGiven(o.v) {
			continue
		}
		x, _, ok := scalarOf(o.v)
		if !ok || math.IsNaN(x) {
			return spec, runtime.Errorf("%s: %s must be a number, not %s", fname, o.name, runtime.TypeName(o.v))
		}
		*o.dst = x
	}
	if isGiven(limitV) {
		l, _, ok := scalarOf(limitV)
		if !ok || l != math.Trunc(l) {
			return spec, runtime.Errorf("%s: limit must be an integer, not %s", fname, runtime.Repr(limitV))
		}
		spec.limit = int(l)
	}
	return spec, nil
}

// quadBuiltin is scipy.integrate.quad(func, a, b, args=(),
// full_output=0, epsabs=1.49e-8, epsrel=1.49e-8, limit=50, points=None):
// (y, abserr), plus (infodict,) or (infodict, message) with full_output.
// The value carries func's unit times x's.
func quadBuiltin(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fname = "quad"
	var fun, aV, bV, extra, full, epsabsV, epsrelV, limitV, pointsV runtime.Value
	if err := runtime.UnpackArgs(fname, args, kwargs, "func", &fun, "a", &aV, "b", &bV, "args?", &extra,
		"full_output?", &full, "epsabs?", &epsabsV, "epsrel?", &epsrelV, "limit?", &limitV, "points?", &pointsV); err != nil {
		return runtime.Value{}, err
	}
	if _, ok := fun.Obj().(runtime.Callable); !ok {
		return runtime.Value{}, runtime.Errorf("%s: func must be a function, not %s", fname, runtime.TypeName(fun))
	}
	a, b, xDim, err := limitsOf(fname, aV, bV)
	if err != nil {
		return runtime.Value{}, err
	}
	xargs := quadArgs(extra)
	spec, err := quadOptions(fname, epsabsV, epsrelV, limitV)
	if err != nil {
		return runtime.Value{}, err
	}
	if isGiven(pointsV) {
		if spec.points, err = pointsArg(fname, pointsV, xDim); err != nil {
			return runtime.Value{}, err
		}
		spec.hasPoints = true
	}
	fullOut := false
	if isGiven(full) {
		if fullOut, err = runtime.Truth(full); err != nil {
			return runtime.Value{}, err
		}
	}
	var fDim units.Dim
	seen := false
	f := scriptIntegrand(th, fname, fun, xDim, nil, xargs, &fDim, &seen)
	run, err := integrate1(f, a, b, spec)
	if err != nil {
		return runtime.Value{}, err
	}
	if run.ier == 6 {
		return runtime.Value{}, invalidInput(fname, spec, a, b)
	}
	resDim := fDim.Mul(xDim)
	out := []runtime.Value{runtime.MakeQuantity(run.result, resDim), runtime.MakeQuantity(run.abserr, resDim)}
	if fullOut {
		out = append(out, runtime.MakeObj(quadInfo(run, xDim, resDim)))
		if run.ier != 0 {
			out = append(out, runtime.MakeStr(quadMessage(run.ier, spec.limit)))
		}
	} else if run.ier != 0 {
		warnIntegration(th, quadMessage(run.ier, spec.limit))
	}
	return runtime.MakeTuple(out...), nil
}

// quadInfo is quad's infodict: neval, last, and QUADPACK's lists of
// length limit (alist, blist, rlist, elist, 1-based iord), plus pts,
// level and ndin with break points. The end points carry x's unit for a
// finite range (on an infinite one they are the mapped t in (0, 1]).
func quadInfo(run *quadRun, xDim, resDim units.Dim) *runtime.Dict {
	info := runtime.NewDict()
	set := func(k string, v runtime.Value) { info.Set(runtime.MakeStr(k), v) }
	endDim := xDim
	if run.infinite {
		endDim = units.Dim{}
	}
	floats := func(x []float64, d units.Dim) runtime.Value {
		return array.Value(array.New([]int{len(x) - 1}, append([]float64(nil), x[1:]...), d))
	}
	ints := func(x []int) runtime.Value {
		v := make([]int64, len(x)-1)
		for i := range v {
			v[i] = int64(x[i+1])
		}
		return array.Value(array.FromInts(v, len(v)))
	}
	set("neval", runtime.MakeInt(int64(run.neval)))
	set("last", runtime.MakeInt(int64(run.last)))
	set("iord", ints(run.iord))
	set("alist", floats(run.alist, endDim))
	set("blist", floats(run.blist, endDim))
	set("rlist", floats(run.rlist, resDim))
	set("elist", floats(run.elist, resDim))
	if run.pts != nil {
		set("pts", floats(run.pts, xDim))
		set("level", ints(run.level))
		set("ndin", ints(run.ndin))
	}
	return info
}
