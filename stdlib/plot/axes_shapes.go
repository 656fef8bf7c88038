package plot

import (
	"image/color"
	"math"
	"sort"

	"gonum.org/v1/plot/vg"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

func init() {
	for name, m := range map[string]method{
		"scatter":      axScatter,
		"hist":         axHist,
		"bar":          axBar(false),
		"barh":         axBar(true),
		"errorbar":     axErrorbar,
		"fill_between": axFillBetween,
		"axhline":      axSpan(true),
		"axvline":      axSpan(false),
		"text":         axText,
	} {
		axesMethods[name] = m
	}
}

// sortedKeys returns a map's keys, sorted.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// bindArgs folds positional arguments into a keyword set by name.
func bindArgs(fn string, kw kwset, args []runtime.Value, names ...string) error {
	if len(args) > len(names) {
		return runtime.Errorf("%s() takes at most %d positional arguments (%d given)", fn, len(names), len(args))
	}
	for k, a := range args {
		if _, dup := kw.m[names[k]]; dup {
			return runtime.Errorf("%s() got multiple values for argument '%s'", fn, names[k])
		}
		kw.set(names[k], a)
	}
	return nil
}

// require checks that required arguments are present.
func require(fn string, kw kwset, names ...string) error {
	for _, n := range names {
		if _, ok := kw.m[n]; !ok {
			return runtime.Errorf("%s() missing required argument '%s'", fn, n)
		}
	}
	return nil
}

// floatsOf reads a plain (unitless) numeric argument as floats.
func floatsOf(fn, name string, v runtime.Value) ([]float64, error) {
	a, err := array.From(v)
	if err != nil {
		return nil, runtime.Errorf("%s(): %s must be numbers: %v", fn, name, err)
	}
	if !a.Dim().IsDimensionless() {
		return nil, runtime.Errorf("%s(): %s must be plain numbers", fn, name)
	}
	return append([]float64(nil), a.Float64s()...), nil
}

// broadcast repeats a one-element slice to n elements.
func broadcast(fn, name string, v []float64, n int) ([]float64, error) {
	if len(v) == n {
		return v, nil
	}
	if len(v) == 1 {
		out := make([]float64, n)
		for k := range out {
			out[k] = v[0]
		}
		return out, nil
	}
	return nil, runtime.Errorf("%s(): %s has %d values, expected 1 or %d", fn, name, len(v), n)
}

// mappable is what imshow() and scatter(c=values) return; colorbar()
// takes it.
type mappable struct {
	sm      *scalarMap
	ax      *Axes
	kind    string
	contour *contourSet // contour() and contourf()
}

// Attr implements runtime.HasAttrs: a contour set's levels, layers,
// filled and allsegs.
func (m *mappable) Attr(name string) (runtime.Value, error) {
	if m.contour != nil {
		if v, ok := m.contour.attr(name); ok {
			return v, nil
		}
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (m *mappable) AttrNames() []string {
	if m.contour != nil {
		return contourAttrNames
	}
	return nil
}

// Type implements runtime.Object.
func (m *mappable) Type() string { return m.kind }

// String implements runtime.Object.
func (m *mappable) String() string { return "<" + m.kind + ">" }

// Truth implements runtime.Object.
func (m *mappable) Truth() (bool, error) { return true, nil }

// axScatter is Axes.scatter(x, y, s=, c=, marker=, cmap=, vmin=, vmax=,
// alpha=, label=, edgecolors=).
func axScatter(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "scatter"
	kw, err := parseKw(fn, kwargs, "x", "y", "s", "c", "color", "marker", "cmap", "vmin", "vmax", "alpha", "label", "edgecolors", "linewidths", "zorder", "linestyle", "rasterized")
	if err != nil {
		return runtime.Value{}, err
	}
	if err := bindArgs(fn, kw, args, "x", "y", "s", "c", "marker", "cmap"); err != nil {
		return runtime.Value{}, err
	}
	if err := require(fn, kw, "x", "y"); err != nil {
		return runtime.Value{}, err
	}
	xd, err := ax.x.unit.convert(fn, "x", kw.get("x"))
	if err != nil {
		return runtime.Value{}, err
	}
	yd, err := ax.y.unit.convert(fn, "y", kw.get("y"))
	if err != nil {
		return runtime.Value{}, err
	}
	n := len(xd.vals)
	if len(yd.vals) != n {
		return runtime.Value{}, runtime.Errorf("%s(): x and y must be the same size (%d and %d)", fn, n, len(yd.vals))
	}
	pts := &points{xs: xd.vals, ys: yd.vals, marker: "o", label: kw.text("label")}
	if kw.has("marker") {
		if pts.marker, err = parseMarker(fn, kw.get("marker")); err != nil {
			return runtime.Value{}, err
		}
		if pts.marker == "" {
			pts.marker = "o"
		}
	}
	sizes := []float64{rc.float("lines.markersize") * rc.float("lines.markersize")}
	if kw.has("s") {
		if sizes, err = floatsOf(fn, "s", kw.get("s")); err != nil {
			return runtime.Value{}, err
		}
		if sizes, err = broadcast(fn, "s", sizes, n); err != nil {
			return runtime.Value{}, err
		}
	}
	for _, s := range sizes {
		pts.radii = append(pts.radii, vg.Points(math.Sqrt(math.Max(s, 0))/2))
	}
	alpha, err := kw.float("alpha", 1)
	if err != nil {
		return runtime.Value{}, err
	}
	var result runtime.Value = runtime.None
	switch c := kw.get("c"); {
	case kw.has("c") && isNumeric(c):
		a, err := array.From(c)
		if err != nil {
			return runtime.Value{}, err
		}
		vals := a.Float64s()
		if len(vals) != n {
			return runtime.Value{}, runtime.Errorf("%s(): c has %d values for %d points", fn, len(vals), n)
		}
		sm, err := newScalarMap(fn, kw, vals, a)
		if err != nil {
			return runtime.Value{}, err
		}
		for _, v := range vals {
			pts.colors = append(pts.colors, withAlpha(sm.color(v/sm.scale), alpha))
		}
		pts.mapping = sm
		result = runtime.MakeObj(&mappable{sm: sm, ax: ax, kind: "PathCollection"})
	case kw.has("c") || kw.has("color"):
		cv := c
		if !kw.has("c") {
			cv = kw.get("color")
		}
		cols, err := colorList(fn, cv, n)
		if err != nil {
			return runtime.Value{}, err
		}
		for _, col := range cols {
			pts.colors = append(pts.colors, withAlpha(col, alpha))
		}
	default:
		pts.colors = []color.NRGBA{withAlpha(cycle[ax.nextColor()], alpha)}
	}
	if e, ok, err := kw.color("edgecolors"); err != nil {
		if s, _ := runtime.AsString(kw.get("edgecolors")); s != "face" {
			return runtime.Value{}, err
		}
	} else if ok {
		pts.edge = e
	}
	ax.add(pts)
	if result.IsNone() {
		result = runtime.MakeObj(&mappable{ax: ax, kind: "PathCollection"})
	}
	return result, nil
}

// isNumeric reports whether v is numbers (not colour names).
func isNumeric(v runtime.Value) bool {
	if _, ok := runtime.AsString(v); ok {
		return false
	}
	if _, ok := v.ToFloat(); ok {
		return true
	}
	a, err := array.From(v)
	return err == nil && a.NDim() == 1
}

// colorList reads one colour or a list of n colours.
func colorList(fn string, v runtime.Value, n int) ([]color.NRGBA, error) {
	if c, err := parseColor(fn, v); err == nil {
		return []color.NRGBA{c}, nil
	}
	elems, err := runtime.ToSlice(v)
	if err != nil || len(elems) != n {
		return nil, runtime.Errorf("%s(): colours must be one colour or one per point", fn)
	}
	out := make([]color.NRGBA, n)
	for k, e := range elems {
		if out[k], err = parseColor(fn, e); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// newScalarMap builds the value-to-colour map of cmap=, vmin=, vmax=
// over vals (of array a, whose unit the colour bar shows).
func newScalarMap(fn string, kw kwset, vals []float64, a *array.Array) (*scalarMap, error) {
	cm, err := parseCmap(fn, kw.get("cmap"))
	if err != nil {
		return nil, err
	}
	var u axisUnit
	if err := u.adopt(fn, "colour", vals, a.Dim()); err != nil {
		return nil, err
	}
	scale := 1.0
	if u.set {
		scale = u.scale
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			lo, hi = math.Min(lo, v/scale), math.Max(hi, v/scale)
		}
	}
	if lo > hi {
		lo, hi = 0, 1
	}
	sm := &scalarMap{cmap: cm, lo: lo, hi: hi, unit: u.name}
	for _, b := range []struct {
		name string
		dst  *float64
	}{{"vmin", &sm.lo}, {"vmax", &sm.hi}} {
		if kw.has(b.name) {
			if *b.dst, err = u.scalar(fn, "colour", kw.get(b.name)); err != nil {
				return nil, err
			}
		}
	}
	sm.scale = scale
	return sm, nil
}

// axHist is Axes.hist(x, bins=10, range=, density=, weights=,
// cumulative=, histtype=, color=, facecolor=, label=, alpha=, edgecolor=, linewidth=,
// rwidth=, log=): returns (counts, bin edges, None).
func axHist(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "hist"
	kw, err := parseKw(fn, kwargs, "x", "bins", "range", "density", "weights", "cumulative", "histtype", "color", "facecolor", "label", "alpha", "edgecolor", "linewidth", "rwidth", "log", "orientation", "zorder", "align")
	if err != nil {
		return runtime.Value{}, err
	}
	if err := bindArgs(fn, kw, args, "x", "bins", "range"); err != nil {
		return runtime.Value{}, err
	}
	if err := require(fn, kw, "x"); err != nil {
		return runtime.Value{}, err
	}
	xd, err := ax.x.unit.convert(fn, "x", kw.get("x"))
	if err != nil {
		return runtime.Value{}, err
	}
	var vals []float64
	for _, v := range xd.vals {
		if !math.IsNaN(v) {
			vals = append(vals, v)
		}
	}
	edges, err := binEdges(fn, kw, ax.x.unit, vals)
	if err != nil {
		return runtime.Value{}, err
	}
	var weights []float64
	if kw.has("weights") {
		// weights may carry a unit (rates, as in Brian2's tutorials):
		// their SI values weigh the counts, as numpy does with quantities
		w, err := array.From(kw.get("weights"))
		if err != nil {
			return runtime.Value{}, runtime.Errorf("%s(): weights must be numbers: %v", fn, err)
		}
		weights = append([]float64(nil), w.Float64s()...)
		if len(weights) != len(xd.vals) {
			return runtime.Value{}, runtime.Errorf("%s(): weights must have the same length as x", fn)
		}
	}
	counts := make([]float64, len(edges)-1)
	for i, v := range xd.vals {
		if math.IsNaN(v) {
			continue
		}
		// bins are closed on the left, the last one on both sides
		b := sort.SearchFloat64s(edges, v)
		if b == len(edges) || edges[b] != v {
			b--
		}
		if b == len(counts) && v == edges[b] {
			b--
		}
		if b < 0 || b >= len(counts) {
			continue
		}
		w := 1.0
		if weights != nil {
			w = weights[i]
		}
		counts[b] += w
	}
	cum, err := kw.bool("cumulative", false)
	if err != nil {
		return runtime.Value{}, err
	}
	dens, err := kw.bool("density", false)
	if err != nil {
		return runtime.Value{}, err
	}
	if dens {
		total := 0.0
		for _, c := range counts {
			total += c
		}
		for b := range counts {
			if total > 0 {
				counts[b] /= total * (edges[b+1] - edges[b])
			}
		}
	}
	if cum {
		acc := 0.0
		for b := range counts {
			if dens {
				acc += counts[b] * (edges[b+1] - edges[b])
			} else {
				acc += counts[b]
			}
			counts[b] = acc
		}
	}
	if logY, err := kw.bool("log", false); err != nil {
		return runtime.Value{}, err
	} else if logY {
		ax.y.log = true
	}
	histtype, err := kw.str("histtype", "bar")
	if err != nil {
		return runtime.Value{}, err
	}
	alpha, err := kw.float("alpha", 1)
	if err != nil {
		return runtime.Value{}, err
	}
	col := cycle[0]
	if c, ok, err := kw.color("color"); err != nil {
		return runtime.Value{}, err
	} else if ok {
		col = c
	} else {
		col = cycle[ax.nextColor()]
	}
	// facecolor (fc) fills the bars; color also sets a step line's colour
	if c, ok, err := kw.color("facecolor"); err != nil {
		return runtime.Value{}, err
	} else if ok {
		col = c
	}
	col = withAlpha(col, alpha)
	lw, err := kw.float("linewidth", 0)
	if err != nil {
		return runtime.Value{}, err
	}
	rwidth, err := kw.float("rwidth", 1)
	if err != nil {
		return runtime.Value{}, err
	}
	label := kw.text("label")
	switch histtype {
	case "bar", "barstacked", "stepfilled":
		r := &rects{fill: col, label: label, edgeWidth: lw}
		if e, ok, err := kw.color("edgecolor"); err != nil {
			return runtime.Value{}, err
		} else if ok {
			r.edge = e
			if lw == 0 {
				r.edgeWidth = 1
			}
		}
		for b := range counts {
			w := (edges[b+1] - edges[b]) * rwidth
			if histtype == "stepfilled" {
				w = edges[b+1] - edges[b]
			}
			x0 := (edges[b] + edges[b+1] - w) / 2
			r.r = append(r.r, [4]float64{x0, x0 + w, 0, counts[b]})
		}
		ax.add(r)
	case "step":
		l := &line{color: col, width: rc.float("lines.linewidth"), style: "-", label: label}
		if lw > 0 {
			l.width = lw
		}
		l.xs, l.ys = []float64{edges[0]}, []float64{0}
		for b := range counts {
			l.xs = append(l.xs, edges[b], edges[b+1])
			l.ys = append(l.ys, counts[b], counts[b])
		}
		l.xs, l.ys = append(l.xs, edges[len(edges)-1]), append(l.ys, 0)
		ax.add(l)
		ax.add(&rects{label: "_", r: [][4]float64{{edges[0], edges[0], 0, 0}}})
	default:
		return runtime.Value{}, runtime.Errorf("%s(): histtype must be 'bar', 'barstacked', 'step' or 'stepfilled', not %q", fn, histtype)
	}
	n := array.Value(array.FromFloats(counts))
	return runtime.MakeTuple(n, seriesValue(edges, ax.x.unit), runtime.None), nil
}

// binEdges computes the bin edges of hist(): bins= a count or edges,
// range= (lo, hi) in the data's unit.
func binEdges(fn string, kw kwset, u *axisUnit, vals []float64) ([]float64, error) {
	if kw.has("bins") {
		if _, ok := kw.get("bins").ToInt(); !ok {
			if s, ok := runtime.AsString(kw.get("bins")); ok {
				if s != "auto" {
					return nil, runtime.Errorf("%s(): bins must be a number, a sequence of edges or 'auto'", fn)
				}
			} else {
				d, err := u.convert(fn, "bins", kw.get("bins"))
				if err != nil {
					return nil, err
				}
				if len(d.vals) < 2 || !sort.Float64sAreSorted(d.vals) {
					return nil, runtime.Errorf("%s(): bin edges must be increasing, at least two", fn)
				}
				return d.vals, nil
			}
		}
	}
	nb := 10
	if kw.has("bins") {
		if i, ok := kw.get("bins").ToInt(); ok {
			if i < 1 {
				return nil, runtime.Errorf("%s(): bins must be at least 1", fn)
			}
			nb = int(i)
		} else {
			nb = int(math.Max(1, math.Ceil(math.Log2(float64(len(vals)))+1)))
		}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if kw.has("range") {
		r, err := runtime.ToSlice(kw.get("range"))
		if err != nil || len(r) != 2 {
			return nil, runtime.Errorf("%s(): range must be a (min, max) pair", fn)
		}
		if lo, err = u.scalar(fn, "x", r[0]); err != nil {
			return nil, err
		}
		if hi, err = u.scalar(fn, "x", r[1]); err != nil {
			return nil, err
		}
	}
	if lo > hi {
		lo, hi = 0, 1
	}
	if lo == hi {
		lo, hi = lo-0.5, hi+0.5
	}
	edges := make([]float64, nb+1)
	for k := range edges {
		edges[k] = lo + (hi-lo)*float64(k)/float64(nb)
	}
	edges[nb] = hi
	return edges, nil
}
