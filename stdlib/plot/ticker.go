package plot

import (
	"fmt"
	"math"

	"github.com/sim-lang/sim/runtime"
)

// Locator is a matplotlib.ticker locator: where an axis puts its major
// ticks (MaxNLocator, MultipleLocator, FixedLocator, AutoLocator,
// NullLocator).
type Locator struct {
	kind    string
	nbins   int
	integer bool
	base    float64
	fixed   []float64
}

// Formatter is a matplotlib.ticker formatter: how tick values become
// labels (FormatStrFormatter, StrMethodFormatter, FuncFormatter,
// NullFormatter, ScalarFormatter).
type Formatter struct {
	kind string
	fmt  string
	fn   runtime.Value
	th   *runtime.Thread
}

// tickerModule is matplotlib.ticker.
func tickerModule() *runtime.Module {
	m := &runtime.Module{Name: "matplotlib.ticker", Members: map[string]runtime.Value{}}
	for name, f := range map[string]runtime.BuiltinFunc{
		"MaxNLocator":        newMaxNLocator,
		"MultipleLocator":    newMultipleLocator,
		"FixedLocator":       newFixedLocator,
		"AutoLocator":        simpleLocator("AutoLocator"),
		"NullLocator":        simpleLocator("NullLocator"),
		"FormatStrFormatter": newStrFormatter("FormatStrFormatter"),
		"StrMethodFormatter": newStrFormatter("StrMethodFormatter"),
		"FuncFormatter":      newFuncFormatter,
		"NullFormatter":      simpleFormatter("NullFormatter"),
		"ScalarFormatter":    simpleFormatter("ScalarFormatter"),
	} {
		m.Members[name] = runtime.NewBuiltin(name, f)
	}
	return m
}

// newMaxNLocator is MaxNLocator(nbins=10, integer=False, ...): at most
// nbins intervals at 1, 2, 2.5 or 5 times a power of ten (integer=True:
// whole steps of 1, 2 or 5 only).
func newMaxNLocator(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "MaxNLocator"
	kw, err := parseKw(fn, kwargs, "nbins", "integer", "steps", "symmetric", "prune", "min_n_ticks")
	if err != nil {
		return runtime.Value{}, err
	}
	if err := bindArgs(fn, kw, args, "nbins"); err != nil {
		return runtime.Value{}, err
	}
	l := &Locator{kind: fn, nbins: 10}
	if s, ok := runtime.AsString(kw.get("nbins")); ok && kw.has("nbins") {
		if s != "auto" {
			return runtime.Value{}, runtime.Errorf("%s(): nbins must be an int or 'auto', not %q", fn, s)
		}
		l.nbins = 9 // matplotlib's 'auto' for an axes of the default size
	} else if kw.has("nbins") {
		n, ok := kw.get("nbins").ToInt()
		if !ok || n < 1 || n > 1000 {
			return runtime.Value{}, runtime.Errorf("%s(): nbins must be a positive int or 'auto'", fn)
		}
		l.nbins = int(n)
	}
	if l.integer, err = kw.bool("integer", false); err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(l), nil
}

// newMultipleLocator is MultipleLocator(base=1.0): ticks at multiples of
// base.
func newMultipleLocator(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	base := 1.0
	if err := runtime.UnpackArgs("MultipleLocator", args, kwargs, "base?", &base); err != nil {
		return runtime.Value{}, err
	}
	if !(base > 0) || math.IsInf(base, 0) {
		return runtime.Value{}, runtime.Errorf("MultipleLocator(): base must be a positive number, not %g", base)
	}
	return runtime.MakeObj(&Locator{kind: "MultipleLocator", base: base}), nil
}

// newFixedLocator is FixedLocator(locs): ticks at the given values.
func newFixedLocator(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var locs runtime.Value
	if err := runtime.UnpackArgs("FixedLocator", args, kwargs, "locs", &locs); err != nil {
		return runtime.Value{}, err
	}
	vs, err := floatsOf("FixedLocator", "locs", locs)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(&Locator{kind: "FixedLocator", fixed: vs}), nil
}

// simpleLocator returns the constructor of a locator without arguments.
func simpleLocator(name string) runtime.BuiltinFunc {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return runtime.MakeObj(&Locator{kind: name}), runtime.UnpackArgs(name, args, kwargs)
	}
}

// newStrFormatter returns FormatStrFormatter('%1.2f') (printf style) or
// StrMethodFormatter('{x:.2f}') (str.format with x and pos).
func newStrFormatter(name string) runtime.BuiltinFunc {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var s string
		if err := runtime.UnpackArgs(name, args, kwargs, "fmt", &s); err != nil {
			return runtime.Value{}, err
		}
		f := &Formatter{kind: name, fmt: s}
		if _, err := f.label(1, 0); err != nil {
			return runtime.Value{}, runtime.Errorf("%s(): %v", name, err)
		}
		return runtime.MakeObj(f), nil
	}
}

// newFuncFormatter is FuncFormatter(func): labels are func(x, pos).
func newFuncFormatter(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var fn runtime.Value
	if err := runtime.UnpackArgs("FuncFormatter", args, kwargs, "func", &fn); err != nil {
		return runtime.Value{}, err
	}
	if _, ok := fn.Obj().(runtime.Callable); !ok {
		return runtime.Value{}, runtime.Errorf("FuncFormatter(): func must be callable, not %s", runtime.TypeName(fn))
	}
	return runtime.MakeObj(&Formatter{kind: "FuncFormatter", fn: fn, th: th}), nil
}

// simpleFormatter returns the constructor of a formatter without
// arguments.
func simpleFormatter(name string) runtime.BuiltinFunc {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		if name == "ScalarFormatter" {
			if _, err := parseKw(name, kwargs, "useOffset", "useMathText", "useLocale"); err != nil {
				return runtime.Value{}, err
			}
			kwargs = nil
		}
		return runtime.MakeObj(&Formatter{kind: name}), runtime.UnpackArgs(name, args, kwargs)
	}
}

// label formats one tick value (pos: its index among the ticks).
func (f *Formatter) label(v float64, pos int) (string, error) {
	switch f.kind {
	case "NullFormatter":
		return "", nil
	case "FormatStrFormatter":
		return runtime.PercentFormat(f.fmt, runtime.MakeFloat(v))
	case "StrMethodFormatter":
		return runtime.StrFormat(f.fmt, nil, []runtime.Kwarg{{Name: "x", Value: runtime.MakeFloat(v)}, {Name: "pos", Value: runtime.MakeInt(int64(pos))}})
	case "FuncFormatter":
		out, err := runtime.Call(f.th, f.fn, []runtime.Value{runtime.MakeFloat(v), runtime.MakeInt(int64(pos))}, nil)
		if err != nil {
			return "", err
		}
		return runtime.Str(out), nil
	}
	return "", nil // ScalarFormatter: the default labels
}

// locs returns the locator's ticks within lo..hi; ok is false for
// AutoLocator (the default placement).
func (l *Locator) locs(lo, hi float64) (out []float64, ok bool) {
	var raw []float64
	switch l.kind {
	case "AutoLocator":
		return nil, false
	case "NullLocator":
		return nil, true
	case "FixedLocator":
		raw = l.fixed
	case "MultipleLocator":
		raw = l.multiples(lo, hi)
	default:
		raw = maxNTicks(lo, hi, l.nbins, l.integer, false)
	}
	tol := (hi - lo) * 1e-10
	for _, v := range raw {
		if v >= lo-tol && v <= hi+tol {
			out = append(out, v)
		}
	}
	return out, true
}

// maxNTicks is MaxNLocator's placement (matplotlib's _raw_ticks): the
// smallest nice step giving at most nbins intervals over lo..hi, with at
// least two ticks inside, values near an offset taken relative to it.
// MaxNLocator's steps are 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of
// ten; AutoLocator's (auto) 1, 2, 2.5, 5.
func maxNTicks(lo, hi float64, nbins int, integer, auto bool) []float64 {
	if !(hi > lo) || math.IsInf(hi-lo, 0) {
		return nil
	}
	dv := hi - lo
	mean := (hi + lo) / 2
	offset := 0.0
	if math.Abs(mean)/dv >= 100 {
		offset = math.Copysign(math.Pow(10, math.Floor(math.Log10(math.Abs(mean)))), mean)
	}
	scale := math.Pow(10, math.Floor(math.Log10(dv/float64(nbins))))
	vmin, vmax := lo-offset, hi-offset
	raw := (vmax - vmin) / float64(nbins)
	var steps []float64
	// the steps between 0.1 and 10 times a power of ten, and one above
	base := []float64{1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}
	if auto {
		base = []float64{1, 2, 2.5, 5, 10}
	}
	var ext []float64
	for _, b := range base[:len(base)-1] {
		ext = append(ext, b/10)
	}
	ext = append(append(ext, base...), 10*base[1])
	for _, s := range ext {
		s *= scale
		if integer && s >= 1 && math.Abs(s-math.Round(s)) >= 0.001 {
			continue
		}
		steps = append(steps, s)
	}
	first := len(steps) - 1
	for k, s := range steps {
		if s >= raw {
			first = k
			break
		}
	}
	tol := 1e-10
	var ticks []float64
	for _, step := range steps[first:] {
		if integer && math.Floor(vmax)-math.Ceil(vmin) >= 1 {
			step = math.Max(1, step)
		}
		if offset > 0 {
			tol = math.Min(0.4999, math.Max(1e-10, math.Pow(10, math.Log10(offset/step)-12)))
		}
		best := math.Floor(vmin/step) * step
		low := edgeLE(vmin-best, step, tol)
		high := edgeGE(vmax-best, step, tol)
		ticks = ticks[:0]
		n := 0
		for k := low; k <= high; k++ {
			v := k*step + best
			ticks = append(ticks, v+offset)
			if v <= vmax && v >= vmin {
				n++
			}
		}
		if n >= 2 {
			break
		}
	}
	return ticks
}

// edgeLE and edgeGE are matplotlib's _Edge_integer.le/ge: the multiple
// of step at or below (above) x, forgiving rounding errors within tol.
func edgeLE(x, step, tol float64) float64 {
	d := math.Floor(x / step)
	m := x - d*step
	if math.Abs(m/step-1) < tol {
		return d + 1
	}
	return d
}

func edgeGE(x, step, tol float64) float64 {
	d := math.Floor(x / step)
	m := x - d*step
	if math.Abs(m/step) < tol {
		return d
	}
	return d + 1
}

// Type implements runtime.Object.
func (l *Locator) Type() string { return l.kind }

// String implements runtime.Object.
func (l *Locator) String() string { return fmt.Sprintf("<matplotlib.ticker.%s>", l.kind) }

// Truth implements runtime.Object.
func (l *Locator) Truth() (bool, error) { return true, nil }

// Attr implements runtime.HasAttrs: tick_values(vmin, vmax).
func (l *Locator) Attr(name string) (runtime.Value, error) {
	if name != "tick_values" {
		return runtime.Value{}, nil
	}
	return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var lo, hi float64
		if err := runtime.UnpackArgs(name, args, kwargs, "vmin", &lo, "vmax", &hi); err != nil {
			return runtime.Value{}, err
		}
		if lo > hi {
			lo, hi = hi, lo
		}
		var vs []float64
		switch l.kind {
		case "MaxNLocator":
			vs = maxNTicks(lo, hi, l.nbins, l.integer, false)
		case "AutoLocator":
			vs = maxNTicks(lo, hi, 9, false, true)
		case "MultipleLocator":
			vs = l.multiples(lo, hi)
		default:
			vs, _ = l.locs(lo, hi)
		}
		out := make([]runtime.Value, len(vs))
		for k, v := range vs {
			out[k] = runtime.MakeFloat(v)
		}
		return runtime.NewList(out), nil
	}), nil
}

// AttrNames implements runtime.HasAttrs.
func (l *Locator) AttrNames() []string { return []string{"tick_values"} }

// Type implements runtime.Object.
func (f *Formatter) Type() string { return f.kind }

// String implements runtime.Object.
func (f *Formatter) String() string { return fmt.Sprintf("<matplotlib.ticker.%s>", f.kind) }

// Truth implements runtime.Object.
func (f *Formatter) Truth() (bool, error) { return true, nil }

// Attr implements runtime.HasAttrs: calling format_data style f(x, pos).
func (f *Formatter) Attr(name string) (runtime.Value, error) { return runtime.Value{}, nil }

// AttrNames implements runtime.HasAttrs.
func (f *Formatter) AttrNames() []string { return nil }

// Name implements runtime.Callable.
func (f *Formatter) Name() string { return f.kind }

// Call implements runtime.Callable: formatter(x, pos=None) is the label.
func (f *Formatter) Call(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var x float64
	var pos runtime.Value
	if err := runtime.UnpackArgs(f.kind, args, kwargs, "x", &x, "pos?", &pos); err != nil {
		return runtime.Value{}, err
	}
	p, _ := pos.ToInt()
	if f.kind == "ScalarFormatter" {
		return runtime.MakeStr(trimNum(x)), nil
	}
	s, err := f.label(x, int(p))
	return runtime.MakeStr(s), err
}

// multiples is MultipleLocator's tick_values: multiples of base from the
// one at or above lo, one step before it to two past hi.
func (l *Locator) multiples(lo, hi float64) []float64 {
	step := l.base
	vmin := edgeGE(lo, step, 1e-10) * step
	n := math.Floor((hi - vmin + 0.001*step) / step)
	if n > 1e5 {
		n = 1e5
	}
	out := make([]float64, 0, int(n)+3)
	for k := 0.0; k < n+3; k++ {
		out = append(out, vmin-step+k*step)
	}
	return out
}
