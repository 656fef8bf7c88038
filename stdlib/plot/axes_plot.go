package plot

import (
	"image/color"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

// method is the Go signature of an Axes method.
type method func(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error)

// axesMethods are the methods of Axes objects, by matplotlib name. The
// files axes_*.go fill the table.
var axesMethods = map[string]method{}

func init() {
	for name, m := range map[string]method{
		"plot":     axPlot,
		"step":     axStep,
		"semilogx": axLogPlot(true, false),
		"semilogy": axLogPlot(false, true),
		"loglog":   axLogPlot(true, true),
	} {
		axesMethods[name] = m
	}
}

// lineKw are the keyword arguments of plot().
// clip_on is accepted for matplotlib's sake; lines are always clipped to
// the axes.
var lineKw = []string{"color", "linestyle", "linewidth", "marker", "markersize", "markerfacecolor", "markeredgecolor", "label", "alpha", "drawstyle", "zorder", "where", "clip_on"}

// group is one x, y, fmt group of plot()'s arguments.
type group struct {
	x, y runtime.Value
	fmt  string
}

// splitGroups splits plot(x1, y1, fmt1, x2, y2, ...) arguments.
func splitGroups(fn string, args []runtime.Value) ([]group, error) {
	var out []group
	isStr := func(v runtime.Value) bool { _, ok := runtime.AsString(v); return ok }
	for i := 0; i < len(args); {
		if isStr(args[i]) {
			return nil, runtime.Errorf("%s(): a format string must follow the data it applies to", fn)
		}
		var g group
		if i+1 < len(args) && !isStr(args[i+1]) {
			g.x, g.y = args[i], args[i+1]
			i += 2
		} else {
			g.y = args[i]
			i++
		}
		if i < len(args) && isStr(args[i]) {
			g.fmt, _ = runtime.AsString(args[i])
			i++
		}
		out = append(out, g)
	}
	if len(out) == 0 {
		return nil, runtime.Errorf("%s() needs data to plot", fn)
	}
	return out, nil
}

// columns splits converted data into series: a 1-d array is one series,
// an (n, k) array k series of length n (matplotlib plots columns).
func columns(d data) [][]float64 {
	switch len(d.shape) {
	case 0:
		return [][]float64{d.vals}
	case 1:
		return [][]float64{d.vals}
	}
	n := d.shape[0]
	k := len(d.vals) / max(n, 1)
	out := make([][]float64, k)
	for j := range out {
		col := make([]float64, n)
		for i := 0; i < n; i++ {
			col[i] = d.vals[i*k+j]
		}
		out[j] = col
	}
	return out
}

// lineFrom builds a line's style from a format string and keywords.
func (ax *Axes) lineFrom(fn, fmtStr string, kw kwset) (*line, error) {
	spec, err := parseFmt(fmtStr)
	if err != nil {
		return nil, runtime.Errorf("%s(): %v", fn, err)
	}
	l := &line{width: rc.float("lines.linewidth"), style: "-", ms: rc.float("lines.markersize"), marker: spec.marker, label: kw.text("label")}
	if spec.marker != "" && !spec.hasLine {
		l.style = ""
	}
	if spec.hasLine {
		l.style = spec.line
	}
	if c, ok, err := kw.color("color"); err != nil {
		return nil, err
	} else if ok {
		l.color = c
	} else if spec.hasColor {
		l.color = spec.color
	} else {
		l.color = cycle[ax.nextColor()]
	}
	if kw.has("linestyle") {
		if l.style, l.custom, err = parseLineStyle(fn, kw.get("linestyle")); err != nil {
			return nil, err
		}
	}
	if l.width, err = kw.float("linewidth", rc.float("lines.linewidth")); err != nil {
		return nil, err
	}
	if kw.has("marker") {
		if l.marker, err = parseMarker(fn, kw.get("marker")); err != nil {
			return nil, err
		}
	}
	if l.ms, err = kw.float("markersize", rc.float("lines.markersize")); err != nil {
		return nil, err
	}
	alpha, err := kw.float("alpha", 1)
	if err != nil {
		return nil, err
	}
	l.color = withAlpha(l.color, alpha)
	l.mfc = l.color
	if c, ok, err := kw.color("markerfacecolor"); err != nil {
		return nil, err
	} else if ok {
		l.mfc = withAlpha(c, alpha)
	}
	if c, ok, err := kw.color("markeredgecolor"); err != nil {
		return nil, err
	} else if ok {
		l.mec = withAlpha(c, alpha)
	}
	if ds, err := kw.str("drawstyle", ""); err != nil {
		return nil, err
	} else if ds != "" && ds != "default" {
		switch ds {
		case "steps", "steps-pre":
			l.stepWhere = "pre"
		case "steps-post":
			l.stepWhere = "post"
		case "steps-mid":
			l.stepWhere = "mid"
		default:
			return nil, runtime.Errorf("%s(): unknown drawstyle %q", fn, ds)
		}
	}
	return l, nil
}

// plotLines is plot()'s work: every group, every column, one line each.
func (ax *Axes) plotLines(fn string, args []runtime.Value, kwargs []runtime.Kwarg) ([]*line, error) {
	kw, err := parseKw(fn, kwargs, lineKw...)
	if err != nil {
		return nil, err
	}
	groups, err := splitGroups(fn, args)
	if err != nil {
		return nil, err
	}
	var out []*line
	for _, g := range groups {
		yd, err := ax.y.unit.convert(fn, "y", g.y)
		if err != nil {
			return nil, err
		}
		if len(yd.shape) > 2 {
			return nil, runtime.Errorf("%s(): y must be 1-d or 2-d, not shape %s", fn, array.ShapeString(yd.shape))
		}
		ys := columns(yd)
		if len(ys) == 0 {
			return nil, runtime.Errorf("%s(): y has no columns (shape %s)", fn, array.ShapeString(yd.shape))
		}
		n := len(ys[0])
		var xs [][]float64
		if g.x.IsValid() {
			xd, err := ax.x.unit.convert(fn, "x", g.x)
			if err != nil {
				return nil, err
			}
			if len(xd.shape) > 2 {
				return nil, runtime.Errorf("%s(): x must be 1-d or 2-d, not shape %s", fn, array.ShapeString(xd.shape))
			}
			if xs = columns(xd); len(xs) == 0 {
				return nil, runtime.Errorf("%s(): x has no columns (shape %s)", fn, array.ShapeString(xd.shape))
			}
		} else {
			idx := make([]float64, n)
			for k := range idx {
				idx[k] = float64(k)
			}
			xs = [][]float64{idx}
		}
		if len(xs[0]) != n {
			return nil, runtime.Errorf("%s(): x and y must have the same first dimension, but have shapes %s and %s", fn, shapeOf(g.x, len(xs[0])), array.ShapeString(yd.shape))
		}
		if len(xs) != 1 && len(ys) != 1 && len(xs) != len(ys) {
			return nil, runtime.Errorf("%s(): x has %d columns and y has %d", fn, len(xs), len(ys))
		}
		cols := max(len(xs), len(ys))
		for j := 0; j < cols; j++ {
			l, err := ax.lineFrom(fn, g.fmt, kw)
			if err != nil {
				return nil, err
			}
			l.xs, l.ys = xs[min(j, len(xs)-1)], ys[min(j, len(ys)-1)]
			ax.add(l)
			out = append(out, l)
		}
	}
	return out, nil
}

// shapeOf describes an argument's shape for messages.
func shapeOf(v runtime.Value, n int) string {
	if a, err := array.From(v); err == nil {
		return array.ShapeString(a.Shape())
	}
	return array.ShapeString([]int{n})
}

// lineList returns lines as a list of Line2D objects.
func lineList(ax *Axes, ls []*line) runtime.Value {
	out := make([]runtime.Value, len(ls))
	for k, l := range ls {
		out[k] = runtime.MakeObj(&Line2D{l: l, ax: ax})
	}
	return runtime.NewList(out)
}

// axPlot is Axes.plot(x, y, fmt, ...): lines and markers.
func axPlot(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	ls, err := ax.plotLines("plot", args, kwargs)
	if err != nil {
		return runtime.Value{}, err
	}
	return lineList(ax, ls), nil
}

// axStep is Axes.step(x, y, fmt, where='pre').
func axStep(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	where := "pre"
	var rest []runtime.Kwarg
	for _, kw := range kwargs {
		if kw.Name == "where" {
			s, ok := runtime.AsString(kw.Value)
			if !ok || (s != "pre" && s != "post" && s != "mid") {
				return runtime.Value{}, runtime.Errorf("step(): where must be 'pre', 'post' or 'mid'")
			}
			where = s
			continue
		}
		rest = append(rest, kw)
	}
	ls, err := ax.plotLines("step", args, rest)
	if err != nil {
		return runtime.Value{}, err
	}
	for _, l := range ls {
		l.stepWhere = where
	}
	return lineList(ax, ls), nil
}

// axLogPlot returns semilogx, semilogy or loglog.
func axLogPlot(logX, logY bool) method {
	return func(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		ax.x.log = ax.x.log || logX
		ax.y.log = ax.y.log || logY
		return axPlot(ax, th, args, kwargs)
	}
}

// Line2D is a line returned by plot(); its setters restyle it.
type Line2D struct {
	l  *line
	ax *Axes
}

// Type implements runtime.Object.
func (o *Line2D) Type() string { return "Line2D" }

// String implements runtime.Object.
func (o *Line2D) String() string { return "<Line2D " + o.l.label + ">" }

// Truth implements runtime.Object.
func (o *Line2D) Truth() (bool, error) { return true, nil }

// hexColor writes a colour as matplotlib's to_hex does.
func hexColor(c color.NRGBA) string {
	const digits = "0123456789abcdef"
	b := []byte{'#', 0, 0, 0, 0, 0, 0}
	for k, v := range []uint8{c.R, c.G, c.B} {
		b[1+2*k], b[2+2*k] = digits[v>>4], digits[v&15]
	}
	return string(b)
}

// line2DMethods are the methods of Line2D.
var line2DMethods = map[string]func(o *Line2D, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error){
	"set_label": func(o *Line2D, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var s runtime.Value
		if err := runtime.UnpackArgs("set_label", args, kwargs, "s", &s); err != nil {
			return runtime.Value{}, err
		}
		o.l.label = runtime.Str(s)
		return runtime.None, nil
	},
	"get_label": func(o *Line2D, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return runtime.MakeStr(o.l.label), runtime.UnpackArgs("get_label", args, kwargs)
	},
	"get_color": func(o *Line2D, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return runtime.MakeStr(hexColor(o.l.color)), runtime.UnpackArgs("get_color", args, kwargs)
	},
	"set_color": func(o *Line2D, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var c runtime.Value
		if err := runtime.UnpackArgs("set_color", args, kwargs, "color", &c); err != nil {
			return runtime.Value{}, err
		}
		col, err := parseColor("set_color", c)
		if err != nil {
			return runtime.Value{}, err
		}
		o.l.color, o.l.mfc = col, col
		return runtime.None, nil
	},
	"get_linewidth": func(o *Line2D, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return runtime.MakeFloat(o.l.width), runtime.UnpackArgs("get_linewidth", args, kwargs)
	},
	"get_markersize": func(o *Line2D, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return runtime.MakeFloat(o.l.ms), runtime.UnpackArgs("get_markersize", args, kwargs)
	},
	"get_marker": func(o *Line2D, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		m := o.l.marker
		if m == "" {
			m = "None"
		}
		return runtime.MakeStr(m), runtime.UnpackArgs("get_marker", args, kwargs)
	},
	"set_linewidth": func(o *Line2D, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return runtime.None, runtime.UnpackArgs("set_linewidth", args, kwargs, "w", &o.l.width)
	},
	"set_data": func(o *Line2D, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var x, y runtime.Value
		if err := runtime.UnpackArgs("set_data", args, kwargs, "x", &x, "y", &y); err != nil {
			return runtime.Value{}, err
		}
		xd, err := o.ax.x.unit.convert("set_data", "x", x)
		if err != nil {
			return runtime.Value{}, err
		}
		yd, err := o.ax.y.unit.convert("set_data", "y", y)
		if err != nil {
			return runtime.Value{}, err
		}
		if len(xd.vals) != len(yd.vals) {
			return runtime.Value{}, runtime.Errorf("set_data(): x and y have different lengths (%d and %d)", len(xd.vals), len(yd.vals))
		}
		o.l.xs, o.l.ys = xd.vals, yd.vals
		return runtime.None, nil
	},
	"get_xdata": func(o *Line2D, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return seriesValue(o.l.xs, o.ax.x.unit), runtime.UnpackArgs("get_xdata", args, kwargs)
	},
	"get_ydata": func(o *Line2D, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return seriesValue(o.l.ys, o.ax.y.unit), runtime.UnpackArgs("get_ydata", args, kwargs)
	},
}

// seriesValue returns display-unit values as an array with the axis
// dimension.
func seriesValue(vals []float64, u *axisUnit) runtime.Value {
	out := make([]float64, len(vals))
	scale := 1.0
	if u.set {
		scale = u.scale
	}
	for k, v := range vals {
		out[k] = v * scale
	}
	return array.Value(array.New([]int{len(out)}, out, u.dim))
}

// Attr implements runtime.HasAttrs.
func (o *Line2D) Attr(name string) (runtime.Value, error) {
	if m, ok := line2DMethods[name]; ok {
		return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return m(o, args, kwargs)
		}), nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (o *Line2D) AttrNames() []string { return sortedKeys(line2DMethods) }
