package integrate

import (
	"fmt"
	"math"
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

// multiQuad is a multiple integral of a script function, set up by
// nquad, dblquad or tplquad and computed by nestedQuad. It turns the
// core's plain floats into quantities for the script's functions and
// keeps each variable's unit.
type multiQuad struct {
	th       *runtime.Thread
	fname    string
	fun      runtime.Value
	extra    []runtime.Value
	levels   []*mqLevel // levels[0] is the innermost variable
	callArgs []runtime.Value
	fDim     units.Dim
	fSeen    bool
	full     bool
}

// mqLevel is one variable of a multiple integral: where its limits and
// quad options come from, and its unit.
type mqLevel struct {
	name string // the variable in messages: "y", "x1"
	// low and high give the limits from the outer variables (then
	// args); loName and hiName name them in messages.
	low, high      limitSource
	loName, hiName string
	// pair, when set, gives both limits at once (an nquad range
	// function); pairName names it.
	pair     runtime.Value
	pairName string
	opts     func(outer []runtime.Value) (quadOpts, error)
	outer    []runtime.Value // outer variables then args, reused per call
	dim      units.Dim
	seen     bool // dim is fixed by a limit with a unit or a plain nonzero number
}

// limitSource is one limit: a constant, or a function called with some
// of the outer values (pick chooses and orders them).
type limitSource struct {
	v    runtime.Value
	pick func(outer []runtime.Value) []runtime.Value
	buf  []runtime.Value
}

// quadOpts is one level's quad options; points keeps the script value
// until the variable's unit is known.
type quadOpts struct {
	spec   quadSpec
	points runtime.Value
}

// isCallable reports whether v can be called.
func isCallable(v runtime.Value) bool {
	_, ok := v.Obj().(runtime.Callable)
	return ok
}

// get evaluates the limit for the outer values.
func (s *limitSource) get(th *runtime.Thread, outer []runtime.Value) (runtime.Value, error) {
	if s.pick == nil {
		return s.v, nil
	}
	return runtime.Call(th, s.v, s.pick(outer), nil)
}

// constLimit is a limit that does not depend on the outer variables
// when v is a number, or a function of the values pick chooses.
func constLimit(v runtime.Value, pick func(outer []runtime.Value) []runtime.Value) limitSource {
	if isCallable(v) {
		return limitSource{v: v, pick: pick}
	}
	return limitSource{v: v}
}

// run integrates and builds (result, abserr) or, with full output,
// (result, abserr, {'neval': n}).
func (m *multiQuad) run() (runtime.Value, error) {
	n := len(m.levels)
	for k, l := range m.levels {
		l.outer = make([]runtime.Value, n-k-1+len(m.extra))
		copy(l.outer[n-k-1:], m.extra)
	}
	m.callArgs = make([]runtime.Value, n+len(m.extra))
	copy(m.callArgs[n:], m.extra)
	q := &nestedQuad{n: n, f: m.eval, bounds: m.bounds,
		invalid: func(spec quadSpec, lo, hi float64) error { return invalidInput(m.fname, spec, lo, hi) }}
	y, err := q.integrate()
	if err != nil {
		return runtime.Value{}, err
	}
	if !m.full {
		// Python shows a repeated warning once.
		for _, w := range q.iers {
			warnIntegration(m.th, quadMessage(w.ier, w.limit))
		}
	}
	d := m.fDim
	for _, l := range m.levels {
		d = d.Mul(l.dim)
	}
	out := []runtime.Value{runtime.MakeQuantity(y, d), runtime.MakeQuantity(q.abserr, d)}
	if m.full {
		info := runtime.NewDict()
		if err := info.Set(runtime.MakeStr("neval"), runtime.MakeInt(int64(q.neval))); err != nil {
			return runtime.Value{}, err
		}
		out = append(out, runtime.MakeObj(info))
	}
	return runtime.MakeTuple(out...), nil
}

// eval calls func(x0, x1, ..., *args) and reads its value.
func (m *multiQuad) eval(x []float64) (float64, error) {
	for i, v := range x {
		m.callArgs[i] = runtime.MakeQuantity(v, m.levels[i].dim)
	}
	v, err := runtime.Call(m.th, m.fun, m.callArgs, nil)
	if err != nil {
		return 0, err
	}
	return integrandValue(m.fname, v, &m.fDim, &m.fSeen)
}

// bounds gives level k's limits and options at the outer point x[k+1:].
func (m *multiQuad) bounds(k int, x []float64) (lo, hi float64, spec quadSpec, err error) {
	if m.th != nil && m.th.Ctx != nil {
		if err := m.th.Ctx.Err(); err != nil {
			return 0, 0, spec, runtime.Errorf("%s interrupted: %v", m.fname, err)
		}
	}
	l := m.levels[k]
	for i := k + 1; i < len(x); i++ {
		l.outer[i-k-1] = runtime.MakeQuantity(x[i], m.levels[i].dim)
	}
	var loV, hiV runtime.Value
	if l.pair.IsValid() {
		v, err := runtime.Call(m.th, l.pair, l.outer, nil)
		if err != nil {
			return 0, 0, spec, err
		}
		var ok bool
		if loV, hiV, ok = pairOf(v); !ok {
			return 0, 0, spec, runtime.Errorf("%s: %s must return a pair (low, high), not %s", m.fname, l.pairName, runtime.TypeName(v))
		}
	} else {
		if loV, err = l.low.get(m.th, l.outer); err != nil {
			return 0, 0, spec, err
		}
		if hiV, err = l.high.get(m.th, l.outer); err != nil {
			return 0, 0, spec, err
		}
	}
	if lo, hi, err = m.limits(l, loV, hiV); err != nil {
		return 0, 0, spec, err
	}
	o, err := l.opts(l.outer)
	if err != nil {
		return 0, 0, spec, err
	}
	spec = o.spec
	if isGiven(o.points) {
		if spec.points, err = pointsArg(m.fname, o.points, l.dim); err != nil {
			return 0, 0, spec, err
		}
		spec.hasPoints = true
	}
	return lo, hi, spec, nil
}

// limits reads a level's two limits and settles its unit: a plain 0 or
// infinity fits any unit; otherwise both limits, and every call, must
// agree.
func (m *multiQuad) limits(l *mqLevel, loV, hiV runtime.Value) (lo, hi float64, err error) {
	lo, dlo, ok := scalarOf(loV)
	if !ok {
		return 0, 0, runtime.Errorf("%s: %s must be a number, not %s", m.fname, l.loName, runtime.TypeName(loV))
	}
	hi, dhi, ok := scalarOf(hiV)
	if !ok {
		return 0, 0, runtime.Errorf("%s: %s must be a number, not %s", m.fname, l.hiName, runtime.TypeName(hiV))
	}
	if math.IsNaN(lo) || math.IsNaN(hi) {
		return 0, 0, runtime.Errorf("%s: the limits of %s must not be NaN", m.fname, l.name)
	}
	free := func(v float64, d units.Dim) bool { return d.IsDimensionless() && (v == 0 || math.IsInf(v, 0)) }
	var d units.Dim
	switch {
	case free(lo, dlo) && free(hi, dhi):
		return lo, hi, nil
	case free(lo, dlo):
		d = dhi
	case free(hi, dhi) || dlo == dhi:
		d = dlo
	default:
		return 0, 0, runtime.Errorf("%s: the limits of %s have units of %s and %s", m.fname, l.name, array.DimName(dlo), array.DimName(dhi))
	}
	if l.seen && d != l.dim {
		return 0, 0, runtime.Errorf("%s: the limits of %s are in %s here but were in %s before", m.fname, l.name, array.DimName(d), array.DimName(l.dim))
	}
	l.dim, l.seen = d, true
	return lo, hi, nil
}

// pairOf reads a (low, high) pair: a tuple, list or array of two.
func pairOf(v runtime.Value) (lo, hi runtime.Value, ok bool) {
	switch o := v.Obj().(type) {
	case runtime.Tuple:
		if len(o) == 2 {
			return o[0], o[1], true
		}
	case *runtime.List:
		if len(o.Elems) == 2 {
			return o.Elems[0], o.Elems[1], true
		}
	case *array.Array:
		if o.NDim() == 1 && o.Size() == 2 {
			xs := o.Float64s()
			return runtime.MakeQuantity(xs[0], o.Dim()), runtime.MakeQuantity(xs[1], o.Dim()), true
		}
	}
	return runtime.Value{}, runtime.Value{}, false
}

// fixedOpts returns the same options at every call.
func fixedOpts(o quadOpts) func([]runtime.Value) (quadOpts, error) {
	return func([]runtime.Value) (quadOpts, error) { return o, nil }
}

// quadOptNames are the options a level's opts dict may hold.
var quadOptNames = []string{"epsabs", "epsrel", "limit", "points"}

// readOpts reads one opts dict (None: the defaults).
func readOpts(fname, where string, v runtime.Value) (quadOpts, error) {
	if !isGiven(v) {
		return quadOpts{spec: defaultQuadSpec()}, nil
	}
	d, ok := v.Obj().(*runtime.Dict)
	if !ok {
		return quadOpts{}, runtime.Errorf("%s: %s must be a dict, not %s", fname, where, runtime.TypeName(v))
	}
	vals := map[string]runtime.Value{}
	for _, it := range d.Items() {
		key, ok := runtime.AsString(it[0])
		if !ok {
			return quadOpts{}, runtime.Errorf("%s: %s has a key %s; quad's options are named by strings", fname, where, runtime.Repr(it[0]))
		}
		switch key {
		case "epsabs", "epsrel", "limit", "points":
			vals[key] = it[1]
		case "weight", "wvar", "wopts":
			return quadOpts{}, runtime.Errorf("%s: %s: quad's weight functions ('%s') are not supported", fname, where, key)
		default:
			return quadOpts{}, runtime.Errorf("%s: %s has an unknown option '%s'%s; quad's options are %s", fname, where, key,
				runtime.Suggest(key, quadOptNames), "epsabs, epsrel, limit, points")
		}
	}
	spec, err := quadOptions(fname, vals["epsabs"], vals["epsrel"], vals["limit"])
	return quadOpts{spec: spec, points: vals["points"]}, err
}

// optsSource reads one level's opts: a dict, or a function of the
// outer variables (then args) returning one.
func optsSource(th *runtime.Thread, fname, where string, v runtime.Value) (func([]runtime.Value) (quadOpts, error), error) {
	if isCallable(v) {
		return func(outer []runtime.Value) (quadOpts, error) {
			d, err := runtime.Call(th, v, outer, nil)
			if err != nil {
				return quadOpts{}, err
			}
			if _, ok := d.Obj().(*runtime.Dict); !ok {
				return quadOpts{}, runtime.Errorf("%s: %s must return a dict, not %s", fname, where, runtime.TypeName(d))
			}
			return readOpts(fname, where, d)
		}, nil
	}
	o, err := readOpts(fname, where, v)
	if err != nil {
		return nil, err
	}
	return fixedOpts(o), nil
}

// fullOutput reads a truth value argument (absent: false).
func fullOutput(v runtime.Value) (bool, error) {
	if !isGiven(v) {
		return false, nil
	}
	return runtime.Truth(v)
}

// nquadBuiltin is scipy.integrate.nquad(func, ranges, args=None,
// opts=None, full_output=False): func(x0, x1, ..., *args) integrated
// over x0 innermost; each range is a (low, high) pair or a function of
// the outer variables (then args) returning one; opts is a dict for
// every level or a list with one dict (or function returning one) per
// variable. The value carries func's unit times every variable's.
func nquadBuiltin(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fname = "nquad"
	var fun, rangesV, extra, optsV, full runtime.Value
	if err := runtime.UnpackArgs(fname, args, kwargs, "func", &fun, "ranges", &rangesV, "args?", &extra,
		"opts?", &optsV, "full_output?", &full); err != nil {
		return runtime.Value{}, err
	}
	if !isCallable(fun) {
		return runtime.Value{}, runtime.Errorf("%s: func must be a function, not %s", fname, runtime.TypeName(fun))
	}
	ranges, err := sequenceOf(rangesV)
	if err != nil || len(ranges) == 0 {
		return runtime.Value{}, runtime.Errorf("%s: ranges must be a non-empty list of (low, high) pairs or functions returning one, not %s", fname, runtime.Repr(rangesV))
	}
	m := &multiQuad{th: th, fname: fname, fun: fun}
	if m.extra, err = extraArgs(fname, extra); err != nil {
		return runtime.Value{}, err
	}
	if m.full, err = fullOutput(full); err != nil {
		return runtime.Value{}, err
	}
	for i, r := range ranges {
		l := &mqLevel{name: fmt.Sprintf("x%d", i)}
		where := fmt.Sprintf("ranges[%d]", i)
		if isCallable(r) {
			l.pair, l.pairName = r, where
			l.loName, l.hiName = where+"(...)[0]", where+"(...)[1]"
		} else {
			lo, hi, ok := pairOf(r)
			if !ok {
				return runtime.Value{}, runtime.Errorf("%s: %s must be a pair (low, high) or a function returning one, not %s", fname, where, runtime.Repr(r))
			}
			l.low, l.high = limitSource{v: lo}, limitSource{v: hi}
			l.loName, l.hiName = where+"[0]", where+"[1]"
		}
		m.levels = append(m.levels, l)
	}
	if err := m.nquadOpts(optsV); err != nil {
		return runtime.Value{}, err
	}
	return m.run()
}

// nquadOpts reads nquad's opts: None, one dict for every level, or one
// dict or function per variable.
func (m *multiQuad) nquadOpts(v runtime.Value) error {
	n := len(m.levels)
	if _, isDict := v.Obj().(*runtime.Dict); isDict || !isGiven(v) {
		opts, err := optsSource(m.th, m.fname, "opts", v)
		if err != nil {
			return err
		}
		for _, l := range m.levels {
			l.opts = opts
		}
		return nil
	}
	list, err := sequenceOf(v)
	if err != nil {
		return runtime.Errorf("%s: opts must be a dict or a list of %d dicts (one per variable), not %s", m.fname, n, runtime.TypeName(v))
	}
	if len(list) != n {
		return runtime.Errorf("%s: opts has %d entries but there are %d ranges; give one dict (or function) per variable", m.fname, len(list), n)
	}
	for i, o := range list {
		if m.levels[i].opts, err = optsSource(m.th, m.fname, fmt.Sprintf("opts[%d]", i), o); err != nil {
			return err
		}
	}
	return nil
}

// sequenceOf reads a tuple, a list or the rows of a 2-D array.
func sequenceOf(v runtime.Value) ([]runtime.Value, error) {
	switch o := v.Obj().(type) {
	case runtime.Tuple:
		return o, nil
	case *runtime.List:
		return o.Elems, nil
	case *array.Array:
		if o.NDim() == 2 {
			sh := o.Shape()
			xs := o.Float64s()
			rows := make([]runtime.Value, sh[0])
			for i := range rows {
				rows[i] = array.Value(array.New([]int{sh[1]}, append([]float64(nil), xs[i*sh[1]:(i+1)*sh[1]]...), o.Dim()))
			}
			return rows, nil
		}
	}
	return nil, runtime.Errorf("not a sequence")
}

// dblquadBuiltin is scipy.integrate.dblquad(func, a, b, gfun, hfun,
// args=(), epsabs=1.49e-8, epsrel=1.49e-8): func(y, x, *args) over
// a <= x <= b, gfun(x) <= y <= hfun(x) (gfun and hfun may be numbers),
// as nested quads; returns (y, abserr).
func dblquadBuiltin(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fname = "dblquad"
	var fun, aV, bV, gV, hV, extra, epsabsV, epsrelV runtime.Value
	if err := runtime.UnpackArgs(fname, args, kwargs, "func", &fun, "a", &aV, "b", &bV, "gfun", &gV, "hfun", &hV,
		"args?", &extra, "epsabs?", &epsabsV, "epsrel?", &epsrelV); err != nil {
		return runtime.Value{}, err
	}
	x := func(outer []runtime.Value) []runtime.Value { return outer[:1] }
	return fixedQuad(th, fname, fun, extra, epsabsV, epsrelV, []*mqLevel{
		{name: "y", low: constLimit(gV, x), high: constLimit(hV, x)},
		{name: "x", low: limitSource{v: aV}, high: limitSource{v: bV}},
	}, []limitName{{"gfun", "x"}, {"hfun", "x"}, {"a", ""}, {"b", ""}})
}

// tplquadBuiltin is scipy.integrate.tplquad(func, a, b, gfun, hfun,
// qfun, rfun, args=(), epsabs=1.49e-8, epsrel=1.49e-8): func(z, y, x,
// *args) over a <= x <= b, gfun(x) <= y <= hfun(x), qfun(x, y) <= z <=
// rfun(x, y), as nested quads; returns (y, abserr).
func tplquadBuiltin(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fname = "tplquad"
	var fun, aV, bV, gV, hV, qV, rV, extra, epsabsV, epsrelV runtime.Value
	if err := runtime.UnpackArgs(fname, args, kwargs, "func", &fun, "a", &aV, "b", &bV, "gfun", &gV, "hfun", &hV,
		"qfun", &qV, "rfun", &rV, "args?", &extra, "epsabs?", &epsabsV, "epsrel?", &epsrelV); err != nil {
		return runtime.Value{}, err
	}
	x := func(outer []runtime.Value) []runtime.Value { return outer[:1] }
	// z's outer values are (y, x); qfun and rfun take (x, y).
	xy := func(buf *[]runtime.Value) func([]runtime.Value) []runtime.Value {
		*buf = make([]runtime.Value, 2)
		return func(outer []runtime.Value) []runtime.Value {
			(*buf)[0], (*buf)[1] = outer[1], outer[0]
			return *buf
		}
	}
	var qBuf, rBuf []runtime.Value
	return fixedQuad(th, fname, fun, extra, epsabsV, epsrelV, []*mqLevel{
		{name: "z", low: constLimit(qV, xy(&qBuf)), high: constLimit(rV, xy(&rBuf))},
		{name: "y", low: constLimit(gV, x), high: constLimit(hV, x)},
		{name: "x", low: limitSource{v: aV}, high: limitSource{v: bV}},
	}, []limitName{{"qfun", "x, y"}, {"rfun", "x, y"}, {"gfun", "x"}, {"hfun", "x"}, {"a", ""}, {"b", ""}})
}

// limitName names a limit of dblquad or tplquad and, for a function,
// what it is called with.
type limitName struct{ name, of string }

// fixedQuad finishes dblquad and tplquad: the levels' limits are set
// and names lists them, innermost first; every level uses epsabs and
// epsrel.
func fixedQuad(th *runtime.Thread, fname string, fun, extra, epsabsV, epsrelV runtime.Value, levels []*mqLevel, names []limitName) (runtime.Value, error) {
	if !isCallable(fun) {
		return runtime.Value{}, runtime.Errorf("%s: func must be a function, not %s", fname, runtime.TypeName(fun))
	}
	spec, err := quadOptions(fname, epsabsV, epsrelV, runtime.Value{})
	if err != nil {
		return runtime.Value{}, err
	}
	m := &multiQuad{th: th, fname: fname, fun: fun, levels: levels}
	if m.extra, err = extraArgs(fname, extra); err != nil {
		return runtime.Value{}, err
	}
	for k, l := range levels {
		for j, src := range []*limitSource{&l.low, &l.high} {
			nm := names[2*k+j]
			name := nm.name
			if src.pick != nil {
				name += "(" + nm.of + ")"
			} else if _, _, ok := scalarOf(src.v); !ok {
				what := "a number"
				if nm.of != "" {
					what = "a number or a function of " + strings.Replace(nm.of, ",", " and", 1)
				}
				return runtime.Value{}, runtime.Errorf("%s: %s must be %s, not %s", fname, name, what, runtime.TypeName(src.v))
			}
			if j == 0 {
				l.loName = name
			} else {
				l.hiName = name
			}
		}
		l.opts = fixedOpts(quadOpts{spec: spec})
	}
	return m.run()
}
