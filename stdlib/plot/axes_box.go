package plot

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

func init() {
	axesMethods["boxplot"] = axBoxplot
}

// boxplotKw are the keywords of boxplot().
var boxplotKw = []string{"x", "notch", "sym", "vert", "whis", "positions", "widths", "patch_artist",
	"bootstrap", "usermedians", "conf_intervals", "meanline", "showmeans", "showcaps", "showbox",
	"showfliers", "boxprops", "labels", "flierprops", "medianprops", "meanprops", "capprops",
	"whiskerprops", "manage_ticks", "autorange", "zorder", "capwidths"}

// boxData splits boxplot()'s x into data sets: a 1-d array or list of
// numbers is one box, a 2-d array one box per column, a list of
// sequences one box each. The values are converted on the value axis.
func boxData(fn string, u *axisUnit, x runtime.Value) ([][]float64, error) {
	if a, err := array.From(x); err == nil {
		d, err := u.convert(fn, "data", array.Value(a))
		if err != nil {
			return nil, err
		}
		switch len(d.shape) {
		case 0, 1:
			return [][]float64{d.vals}, nil
		case 2:
			return columns(d), nil
		}
		return nil, runtime.Errorf("%s(): x must have 2 or fewer dimensions, not shape %s", fn, array.ShapeString(d.shape))
	}
	elems, err := runtime.ToSlice(x)
	if err != nil {
		return nil, runtime.Errorf("%s(): x must be an array or a sequence of arrays, not %s", fn, runtime.TypeName(x))
	}
	out := make([][]float64, len(elems))
	for k, e := range elems {
		d, err := u.convert(fn, "data", e)
		if err != nil {
			return nil, err
		}
		if len(d.shape) > 1 {
			return nil, runtime.Errorf("%s(): data set %d must be 1-d, not shape %s", fn, k, array.ShapeString(d.shape))
		}
		out[k] = d.vals
	}
	return out, nil
}

// boxProps applies a props dict (boxprops=, medianprops=, ...) to a line:
// color, linewidth, linestyle, marker, markersize, markerfacecolor,
// markeredgecolor and alpha, with their short aliases.
func boxProps(fn, name string, v runtime.Value, l *line) error {
	if !v.IsValid() || v.IsNone() {
		return nil
	}
	d, ok := v.Obj().(*runtime.Dict)
	if !ok {
		return runtime.Errorf("%s(): %s must be a dict of line properties, not %s", fn, name, runtime.TypeName(v))
	}
	allowed := []string{"alpha", "color", "label", "linestyle", "linewidth", "marker", "markeredgecolor", "markerfacecolor", "markersize"}
	var kwargs []runtime.Kwarg
	for _, kv := range d.Items() {
		k, ok := runtime.AsString(kv[0])
		if !ok {
			return runtime.Errorf("%s(): %s keys must be str", fn, name)
		}
		if a, isAlias := aliases[k]; isAlias {
			k = a
		}
		if !containsStr(allowed, k) {
			return runtime.Errorf("%s(): unknown line property '%s' in %s%s", fn, k, name, runtime.Suggest(k, allowed))
		}
		kwargs = append(kwargs, runtime.Kwarg{Name: k, Value: kv[1]})
	}
	kw, err := parseKw(fn, kwargs, allowed...)
	if err != nil {
		return err
	}
	alpha, err := kw.float("alpha", 1)
	if err != nil {
		return err
	}
	if c, ok, err := kw.color("color"); err != nil {
		return err
	} else if ok {
		l.color = c
		if l.marker != "" && l.mfc.A != 0 {
			l.mfc = c
		}
		if l.mec.A != 0 {
			l.mec = c
		}
	}
	if l.width, err = kw.float("linewidth", l.width); err != nil {
		return err
	}
	if kw.has("linestyle") {
		if l.style, l.custom, err = parseLineStyle(fn, kw.get("linestyle")); err != nil {
			return err
		}
	}
	if kw.has("marker") {
		if l.marker, err = parseMarker(fn, kw.get("marker")); err != nil {
			return err
		}
	}
	if l.ms, err = kw.float("markersize", l.ms); err != nil {
		return err
	}
	for _, c := range []struct {
		key string
		dst *color.NRGBA
	}{{"markerfacecolor", &l.mfc}, {"markeredgecolor", &l.mec}} {
		if col, ok, err := kw.color(c.key); err != nil {
			return err
		} else if ok {
			*c.dst = col
		}
	}
	l.color, l.mfc, l.mec = withAlpha(l.color, alpha), withAlpha(l.mfc, alpha), withAlpha(l.mec, alpha)
	return nil
}

// boxBounds is an invisible artist giving boxplot()'s range along the
// position axis (half a unit beyond the outer boxes), sticky so that no
// margin is added, as matplotlib does.
type boxBounds struct {
	lo, hi float64
	horiz  bool
}

// Plot implements plot.Plotter (nothing to draw).
func (b *boxBounds) Plot(c draw.Canvas, p *plot.Plot) {}

func (b *boxBounds) bounds() (xs, ys, sx, sy []float64) {
	v := []float64{b.lo, b.hi}
	if b.horiz {
		return nil, v, nil, v
	}
	return v, nil, v, nil
}

func (b *boxBounds) legendEntry() (string, plot.Thumbnailer) { return "", nil }

// axBoxplot is Axes.boxplot(x, notch=None, sym=None, vert=True, whis=1.5,
// positions=, widths=, patch_artist=False, showmeans=False,
// showcaps=True, showbox=True, showfliers=True, labels=, *props,
// manage_ticks=True, autorange=False, capwidths=): matplotlib's box and
// whisker plot. Whiskers reach the furthest data within whis·IQR of the
// box (whis=(lo, hi) takes percentiles instead); points beyond are
// fliers. It returns matplotlib's dict of Line2D lists: 'whiskers',
// 'caps', 'boxes', 'medians', 'fliers', 'means'.
func axBoxplot(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "boxplot"
	kw, err := parseKw(fn, kwargs, boxplotKw...)
	if err != nil {
		return runtime.Value{}, err
	}
	if err := bindArgs(fn, kw, args, boxplotKw[:8]...); err != nil {
		return runtime.Value{}, err
	}
	if err := require(fn, kw, "x"); err != nil {
		return runtime.Value{}, err
	}
	vert, err := kw.bool("vert", true)
	if err != nil {
		return runtime.Value{}, err
	}
	valAxis, posAxis := &ax.y, &ax.x
	if !vert {
		valAxis, posAxis = &ax.x, &ax.y
	}
	sets, err := boxData(fn, valAxis.unit, kw.get("x"))
	if err != nil {
		return runtime.Value{}, err
	}
	n := len(sets)
	whis, whisP := 1.5, (*[2]float64)(nil)
	if kw.has("whis") {
		w := kw.get("whis")
		if f, ok := w.ToFloat(); ok {
			whis = f
		} else if pair, err := floatsOf(fn, "whis", w); err == nil && len(pair) == 2 {
			whisP = &[2]float64{pair[0], pair[1]}
			if pair[0] < 0 || pair[1] > 100 || pair[0] > pair[1] {
				return runtime.Value{}, runtime.Errorf("%s(): whis percentiles must lie in 0..100, lower first", fn)
			}
		} else {
			return runtime.Value{}, runtime.Errorf("%s(): whis must be a float or a (low, high) pair of percentiles", fn)
		}
		if whisP == nil && !(whis >= 0) {
			return runtime.Value{}, runtime.Errorf("%s(): whis must not be negative", fn)
		}
	}
	autorange, err := kw.bool("autorange", false)
	if err != nil {
		return runtime.Value{}, err
	}
	positions := make([]float64, n)
	for k := range positions {
		positions[k] = float64(k + 1)
	}
	if kw.has("positions") {
		if positions, err = floatsOf(fn, "positions", kw.get("positions")); err != nil {
			return runtime.Value{}, err
		}
		if len(positions) != n {
			return runtime.Value{}, runtime.Errorf("%s(): positions has %d values for %d data sets", fn, len(positions), n)
		}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range positions {
		lo, hi = math.Min(lo, p), math.Max(hi, p)
	}
	width := 0.5
	if n > 0 {
		width = math.Min(math.Max(0.15*(hi-lo), 0.15), 0.5)
	}
	widths := make([]float64, n)
	for k := range widths {
		widths[k] = width
	}
	if kw.has("widths") {
		w, err := floatsOf(fn, "widths", kw.get("widths"))
		if err != nil {
			return runtime.Value{}, err
		}
		if widths, err = broadcast(fn, "widths", w, n); err != nil {
			return runtime.Value{}, err
		}
	}
	capw := make([]float64, n)
	for k := range capw {
		capw[k] = widths[k] / 2
	}
	if kw.has("capwidths") {
		w, err := floatsOf(fn, "capwidths", kw.get("capwidths"))
		if err != nil {
			return runtime.Value{}, err
		}
		if capw, err = broadcast(fn, "capwidths", w, n); err != nil {
			return runtime.Value{}, err
		}
	}
	var labels []string
	if kw.has("labels") {
		if labels, err = strList(fn, kw.get("labels")); err != nil {
			return runtime.Value{}, err
		}
		if len(labels) != n {
			return runtime.Value{}, runtime.Errorf("%s(): labels has %d entries for %d data sets", fn, len(labels), n)
		}
	}
	flags := map[string]bool{}
	for _, f := range []struct {
		name string
		def  bool
	}{{"showmeans", false}, {"showcaps", true}, {"showbox", true}, {"showfliers", true}, {"patch_artist", false}, {"manage_ticks", true}, {"meanline", false}} {
		if flags[f.name], err = kw.bool(f.name, f.def); err != nil {
			return runtime.Value{}, err
		}
	}
	black := color.NRGBA{A: 255}
	// mk makes one line along the position axis (ps) and the value axis
	// (vs), styled from the defaults and the props dict.
	mk := func(ps, vs []float64, col color.NRGBA, props string, marker string) (*line, error) {
		l := &line{color: col, width: 1, style: "-", ms: rc.float("lines.markersize"), mfc: col}
		if marker != "" {
			l.style, l.marker = "", marker
		}
		if props == "flierprops" {
			// matplotlib's fliers: hollow black circles
			l.mfc, l.mec = color.NRGBA{}, black
		}
		if err := boxProps(fn, props, kw.get(props), l); err != nil {
			return nil, err
		}
		l.xs, l.ys = ps, vs
		if !vert {
			l.xs, l.ys = vs, ps
		}
		return l, nil
	}
	out := map[string][]*line{}
	order := []string{"whiskers", "caps", "boxes", "medians", "fliers", "means"}
	var patches []runtime.Value
	for k, data := range sets {
		s := computeBoxStats(data, whis, whisP, autorange)
		p, w, cw := positions[k], widths[k], capw[k]
		l0, r0 := p-w/2, p+w/2
		add := func(key string, l *line, err error) error {
			if err != nil {
				return err
			}
			out[key] = append(out[key], l)
			return nil
		}
		if flags["showbox"] {
			if flags["patch_artist"] {
				pa := &polys{p: [][][2]float64{boxCorners(l0, r0, s.q1, s.q3, vert)}, fill: cycle[0], edge: black}
				if err := patchProps(fn, kw.get("boxprops"), pa); err != nil {
					return runtime.Value{}, err
				}
				ax.add(pa)
				patches = append(patches, runtime.MakeObj(&Patch{p: pa}))
			} else {
				l, err := mk([]float64{l0, r0, r0, l0, l0}, []float64{s.q1, s.q1, s.q3, s.q3, s.q1}, black, "boxprops", "")
				if err := add("boxes", l, err); err != nil {
					return runtime.Value{}, err
				}
			}
		}
		for _, wk := range [][2]float64{{s.q1, s.whislo}, {s.q3, s.whishi}} {
			l, err := mk([]float64{p, p}, []float64{wk[0], wk[1]}, black, "whiskerprops", "")
			if err := add("whiskers", l, err); err != nil {
				return runtime.Value{}, err
			}
		}
		if flags["showcaps"] {
			for _, v := range []float64{s.whislo, s.whishi} {
				l, err := mk([]float64{p - cw/2, p + cw/2}, []float64{v, v}, black, "capprops", "")
				if err := add("caps", l, err); err != nil {
					return runtime.Value{}, err
				}
			}
		}
		l, err := mk([]float64{l0, r0}, []float64{s.med, s.med}, cycle[1], "medianprops", "")
		if err := add("medians", l, err); err != nil {
			return runtime.Value{}, err
		}
		if flags["showmeans"] {
			var l *line
			var err error
			if flags["meanline"] {
				l, err = mk([]float64{l0, r0}, []float64{s.mean, s.mean}, cycle[2], "meanprops", "")
				if err == nil {
					l.style = "--"
				}
			} else {
				l, err = mk([]float64{p}, []float64{s.mean}, cycle[2], "meanprops", "^")
			}
			if err := add("means", l, err); err != nil {
				return runtime.Value{}, err
			}
		}
		if flags["showfliers"] {
			ps := make([]float64, len(s.fliers))
			for j := range ps {
				ps[j] = p
			}
			l, err := mk(ps, append([]float64{}, s.fliers...), black, "flierprops", "o")
			if err == nil && kw.has("sym") {
				err = boxSym(fn, kw.get("sym"), l)
			}
			if err := add("fliers", l, err); err != nil {
				return runtime.Value{}, err
			}
		}
	}
	for _, key := range order {
		for _, l := range out[key] {
			ax.add(l)
		}
	}
	if flags["manage_ticks"] && n > 0 {
		ax.add(&boxBounds{lo: lo - 0.5, hi: hi + 0.5, horiz: !vert})
		posAxis.ticks = append([]float64(nil), positions...)
		posAxis.tickLabels = labels
		if labels == nil {
			posAxis.tickLabels = make([]string, n)
			for k, p := range positions {
				posAxis.tickLabels[k] = trimNum(p)
			}
		}
		posAxis.ticksSet = true
	}
	d := runtime.NewDict()
	for _, key := range order {
		var v runtime.Value
		if key == "boxes" && flags["patch_artist"] {
			v = runtime.NewList(patches)
		} else {
			v = lineList(ax, out[key])
		}
		if err := d.Set(runtime.MakeStr(key), v); err != nil {
			return runtime.Value{}, err
		}
	}
	return runtime.MakeObj(d), nil
}

// containsStr reports whether list holds s.
func containsStr(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// boxCorners returns a box's outline as data points.
func boxCorners(l, r, q1, q3 float64, vert bool) [][2]float64 {
	pts := [][2]float64{{l, q1}, {r, q1}, {r, q3}, {l, q3}}
	if !vert {
		for k := range pts {
			pts[k][0], pts[k][1] = pts[k][1], pts[k][0]
		}
	}
	return pts
}

// boxSym applies the legacy sym= flier format (an empty str hides the
// fliers).
func boxSym(fn string, v runtime.Value, l *line) error {
	s, ok := runtime.AsString(v)
	if !ok {
		return runtime.Errorf("%s(): sym must be a format string such as 'r+'", fn)
	}
	if s == "" {
		l.marker = ""
		return nil
	}
	spec, err := parseFmt(s)
	if err != nil {
		return runtime.Errorf("%s(): %v", fn, err)
	}
	if spec.marker != "" {
		l.marker = spec.marker
	}
	if spec.hasColor {
		l.mfc, l.mec, l.color = spec.color, spec.color, spec.color
	}
	return nil
}

// patchProps applies boxprops= to a filled box (patch_artist=True).
func patchProps(fn string, v runtime.Value, p *polys) error {
	if !v.IsValid() || v.IsNone() {
		return nil
	}
	d, ok := v.Obj().(*runtime.Dict)
	if !ok {
		return runtime.Errorf("%s(): boxprops must be a dict, not %s", fn, runtime.TypeName(v))
	}
	for _, kv := range d.Items() {
		k, _ := runtime.AsString(kv[0])
		if err := (&Patch{p: p}).set(fn, k, kv[1]); err != nil {
			return err
		}
	}
	return nil
}

// Patch is a filled shape returned by boxplot(patch_artist=True); its
// setters restyle it.
type Patch struct{ p *polys }

// Type implements runtime.Object.
func (o *Patch) Type() string { return "PathPatch" }

// String implements runtime.Object.
func (o *Patch) String() string { return "<PathPatch>" }

// Truth implements runtime.Object.
func (o *Patch) Truth() (bool, error) { return true, nil }

// set sets one property: facecolor, edgecolor, color or alpha.
func (o *Patch) set(fn, name string, v runtime.Value) error {
	if a, ok := aliases[name]; ok {
		name = a
	}
	switch name {
	case "facecolor", "edgecolor", "color":
		c, err := parseColor(fn, v)
		if err != nil {
			return err
		}
		if name != "edgecolor" {
			o.p.fill = c
		}
		if name != "facecolor" {
			o.p.edge = c
		}
	case "alpha":
		a, ok := v.ToFloat()
		if !ok || a < 0 || a > 1 {
			return runtime.Errorf("%s(): alpha must be a number between 0 and 1", fn)
		}
		o.p.fill = withAlpha(color.NRGBA{R: o.p.fill.R, G: o.p.fill.G, B: o.p.fill.B, A: 255}, a)
	case "label":
		o.p.label = runtime.Str(v)
	case "linewidth", "linestyle":
		// the outline is drawn at one width
	default:
		return runtime.Errorf("%s(): unknown patch property '%s'%s", fn, name, runtime.Suggest(name, []string{"alpha", "color", "edgecolor", "facecolor", "label"}))
	}
	return nil
}

// Attr implements runtime.HasAttrs: set_facecolor, set_edgecolor,
// set_color, set_alpha, set_label and get_facecolor.
func (o *Patch) Attr(name string) (runtime.Value, error) {
	switch name {
	case "set_facecolor", "set_edgecolor", "set_color", "set_alpha", "set_label":
		prop := name[4:]
		return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			var v runtime.Value
			if err := runtime.UnpackArgs(name, args, kwargs, prop, &v); err != nil {
				return runtime.Value{}, err
			}
			return runtime.None, o.set(name, prop, v)
		}), nil
	case "get_facecolor":
		return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			c := o.p.fill
			return runtime.MakeTuple(runtime.MakeFloat(float64(c.R)/255), runtime.MakeFloat(float64(c.G)/255), runtime.MakeFloat(float64(c.B)/255), runtime.MakeFloat(float64(c.A)/255)), runtime.UnpackArgs(name, args, kwargs)
		}), nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (o *Patch) AttrNames() []string {
	return []string{"get_facecolor", "set_alpha", "set_color", "set_edgecolor", "set_facecolor", "set_label"}
}
