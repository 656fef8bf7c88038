package plot

import (
	"image"
	"image/color"
	"math"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

func init() {
	axesMethods["imshow"] = axImshow
	axesMethods["annotate"] = axAnnotate
}

// axAnnotate is annotate(text, xy, xytext=None, ...): the text at xytext
// (else at xy), in data coordinates; arrows are not drawn.
func axAnnotate(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "annotate"
	var rest []runtime.Kwarg
	pos, err := parseKw(fn, nil)
	if err != nil {
		return runtime.Value{}, err
	}
	for _, kw := range kwargs {
		switch kw.Name {
		case "text", "s", "xy", "xytext", "arrowprops", "xycoords", "textcoords":
			pos.set(kw.Name, kw.Value)
		default:
			rest = append(rest, kw)
		}
	}
	if err := bindArgs(fn, pos, args, "text", "xy", "xytext"); err != nil {
		return runtime.Value{}, err
	}
	if err := require(fn, pos, "text", "xy"); err != nil {
		return runtime.Value{}, err
	}
	at := pos.get("xy")
	if pos.has("xytext") {
		at = pos.get("xytext")
	}
	xy, err := runtime.ToSlice(at)
	if err != nil || len(xy) != 2 {
		return runtime.Value{}, runtime.Errorf("%s(): xy must be an (x, y) pair", fn)
	}
	return axText(ax, th, []runtime.Value{xy[0], xy[1], pos.get("text")}, rest)
}

// axBar returns bar(x, height, width=0.8, bottom=0, align='center', ...)
// or, horizontal, barh(y, width, height=0.8, left=0, ...).
func axBar(horiz bool) method {
	fn, pos, size, thick, base := "bar", "x", "height", "width", "bottom"
	if horiz {
		fn, pos, size, thick, base = "barh", "y", "width", "height", "left"
	}
	return func(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		kw, err := parseKw(fn, kwargs, pos, size, thick, base, "align", "color", "edgecolor", "linewidth", "label", "alpha", "tick_label", "zorder")
		if err != nil {
			return runtime.Value{}, err
		}
		if err := bindArgs(fn, kw, args, pos, size, thick, base); err != nil {
			return runtime.Value{}, err
		}
		if err := require(fn, kw, pos, size); err != nil {
			return runtime.Value{}, err
		}
		posAx, sizeAx := &ax.x, &ax.y
		if horiz {
			posAx, sizeAx = &ax.y, &ax.x
		}
		// categorical positions: names become tick labels at 0, 1, ...
		var names []string
		if elems, err := runtime.ToSlice(kw.get(pos)); err == nil && len(elems) > 0 {
			if _, ok := runtime.AsString(elems[0]); ok {
				for _, e := range elems {
					names = append(names, runtime.Str(e))
				}
			}
		}
		var ps []float64
		if names != nil {
			for k := range names {
				ps = append(ps, float64(k))
			}
		} else {
			d, err := posAx.unit.convert(fn, pos, kw.get(pos))
			if err != nil {
				return runtime.Value{}, err
			}
			ps = d.vals
		}
		hd, err := sizeAx.unit.convert(fn, size, kw.get(size))
		if err != nil {
			return runtime.Value{}, err
		}
		n := len(ps)
		hs, err := broadcast(fn, size, hd.vals, n)
		if err != nil {
			return runtime.Value{}, err
		}
		ws := []float64{0.8}
		if kw.has(thick) {
			d, err := posAx.unit.convert(fn, thick, kw.get(thick))
			if err != nil {
				return runtime.Value{}, err
			}
			ws = d.vals
		}
		if ws, err = broadcast(fn, thick, ws, n); err != nil {
			return runtime.Value{}, err
		}
		bs := []float64{0}
		if kw.has(base) {
			d, err := sizeAx.unit.convert(fn, base, kw.get(base))
			if err != nil {
				return runtime.Value{}, err
			}
			bs = d.vals
		}
		if bs, err = broadcast(fn, base, bs, n); err != nil {
			return runtime.Value{}, err
		}
		align, err := kw.str("align", "center")
		if err != nil {
			return runtime.Value{}, err
		}
		if align != "center" && align != "edge" {
			return runtime.Value{}, runtime.Errorf("%s(): align must be 'center' or 'edge'", fn)
		}
		alpha, err := kw.float("alpha", 1)
		if err != nil {
			return runtime.Value{}, err
		}
		r := &rects{label: kw.text("label"), horiz: horiz}
		if c, ok, err := kw.color("color"); err != nil {
			return runtime.Value{}, err
		} else if ok {
			r.fill = c
		} else {
			r.fill = cycle[ax.nextColor()]
		}
		r.fill = withAlpha(r.fill, alpha)
		if c, ok, err := kw.color("edgecolor"); err != nil {
			return runtime.Value{}, err
		} else if ok {
			r.edge, r.edgeWidth = c, 1
		}
		if r.edgeWidth, err = kw.float("linewidth", r.edgeWidth); err != nil {
			return runtime.Value{}, err
		}
		for k := 0; k < n; k++ {
			p0 := ps[k] - ws[k]/2
			if align == "edge" {
				p0 = ps[k]
			}
			box := [4]float64{p0, p0 + ws[k], bs[k], bs[k] + hs[k]}
			if horiz {
				box = [4]float64{bs[k], bs[k] + hs[k], p0, p0 + ws[k]}
			}
			r.r = append(r.r, box)
		}
		ax.add(r)
		if kw.has("tick_label") {
			elems, err := runtime.ToSlice(kw.get("tick_label"))
			if err != nil {
				return runtime.Value{}, runtime.Errorf("%s(): tick_label must be a list of strings", fn)
			}
			names = names[:0]
			for _, e := range elems {
				names = append(names, runtime.Str(e))
			}
		}
		if names != nil {
			posAx.ticks, posAx.tickLabels, posAx.ticksSet = ps, names, true
		}
		return runtime.None, nil
	}
}

// errArg reads xerr=/yerr=: a number, n values (symmetric) or a 2×n
// array (below, above), converted on the axis; returns the bar ends.
func errArg(fn, name string, u *axisUnit, v runtime.Value, centre []float64) (lo, hi []float64, err error) {
	d, err := u.convert(fn, name, v)
	if err != nil {
		return nil, nil, err
	}
	n := len(centre)
	var below, above []float64
	switch {
	case len(d.shape) == 2 && d.shape[0] == 2 && d.shape[1] == n:
		below, above = d.vals[:n], d.vals[n:]
	default:
		if below, err = broadcast(fn, name, d.vals, n); err != nil {
			return nil, nil, err
		}
		above = below
	}
	lo, hi = make([]float64, n), make([]float64, n)
	for k := range centre {
		if below[k] < 0 || above[k] < 0 {
			return nil, nil, runtime.Errorf("%s(): %s must not be negative", fn, name)
		}
		lo[k], hi[k] = centre[k]-below[k], centre[k]+above[k]
	}
	return lo, hi, nil
}

// axErrorbar is Axes.errorbar(x, y, yerr=, xerr=, fmt=”, ecolor=,
// elinewidth=, capsize=, ...line keywords).
func axErrorbar(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "errorbar"
	var rest []runtime.Kwarg
	extra, err := parseKw(fn, nil)
	if err != nil {
		return runtime.Value{}, err
	}
	for _, kw := range kwargs {
		switch kw.Name {
		case "yerr", "xerr", "fmt", "ecolor", "elinewidth", "capsize", "x", "y", "capthick", "barsabove", "errorevery":
			extra.set(kw.Name, kw.Value)
		default:
			rest = append(rest, kw)
		}
	}
	if err := bindArgs(fn, extra, args, "x", "y", "yerr", "xerr", "fmt"); err != nil {
		return runtime.Value{}, err
	}
	if err := require(fn, extra, "x", "y"); err != nil {
		return runtime.Value{}, err
	}
	fmtStr, err := extra.str("fmt", "")
	if err != nil {
		return runtime.Value{}, err
	}
	kw, err := parseKw(fn, rest, lineKw...)
	if err != nil {
		return runtime.Value{}, err
	}
	l, err := ax.lineFrom(fn, fmtStr, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	if fmtStr == "none" {
		l.style, l.marker = "", ""
	}
	xd, err := ax.x.unit.convert(fn, "x", extra.get("x"))
	if err != nil {
		return runtime.Value{}, err
	}
	yd, err := ax.y.unit.convert(fn, "y", extra.get("y"))
	if err != nil {
		return runtime.Value{}, err
	}
	if len(xd.vals) != len(yd.vals) {
		return runtime.Value{}, runtime.Errorf("%s(): x and y must have the same length (%d and %d)", fn, len(xd.vals), len(yd.vals))
	}
	l.xs, l.ys = xd.vals, yd.vals
	e := &errbars{xs: l.xs, ys: l.ys, color: l.color, width: l.width}
	if extra.has("yerr") {
		if e.ylo, e.yhi, err = errArg(fn, "yerr", ax.y.unit, extra.get("yerr"), l.ys); err != nil {
			return runtime.Value{}, err
		}
	}
	if extra.has("xerr") {
		if e.xlo, e.xhi, err = errArg(fn, "xerr", ax.x.unit, extra.get("xerr"), l.xs); err != nil {
			return runtime.Value{}, err
		}
	}
	if c, ok, err := extra.color("ecolor"); err != nil {
		return runtime.Value{}, err
	} else if ok {
		e.color = c
	}
	if e.width, err = extra.float("elinewidth", e.width); err != nil {
		return runtime.Value{}, err
	}
	if e.capsize, err = extra.float("capsize", 0); err != nil {
		return runtime.Value{}, err
	}
	ax.add(e)
	ax.add(l)
	return runtime.MakeObj(&Line2D{l: l, ax: ax}), nil
}

// axFillBetween is Axes.fill_between(x, y1, y2=0, where=, color=,
// alpha=, label=, ...): the area between two curves.
func axFillBetween(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "fill_between"
	kw, err := parseKw(fn, kwargs, "x", "y1", "y2", "where", "color", "facecolor", "edgecolor", "alpha", "label", "linewidth", "interpolate", "step", "zorder")
	if err != nil {
		return runtime.Value{}, err
	}
	if err := bindArgs(fn, kw, args, "x", "y1", "y2", "where"); err != nil {
		return runtime.Value{}, err
	}
	if err := require(fn, kw, "x", "y1"); err != nil {
		return runtime.Value{}, err
	}
	xd, err := ax.x.unit.convert(fn, "x", kw.get("x"))
	if err != nil {
		return runtime.Value{}, err
	}
	n := len(xd.vals)
	y1d, err := ax.y.unit.convert(fn, "y1", kw.get("y1"))
	if err != nil {
		return runtime.Value{}, err
	}
	y1, err := broadcast(fn, "y1", y1d.vals, n)
	if err != nil {
		return runtime.Value{}, err
	}
	y2 := make([]float64, n)
	if y2v := kw.get("y2"); kw.has("y2") {
		if _, isNum := y2v.ToFloat(); isNum || runtime.TypeName(y2v) == "Quantity" {
			f, err := ax.y.unit.scalar(fn, "y", y2v)
			if err != nil {
				return runtime.Value{}, err
			}
			for k := range y2 {
				y2[k] = f
			}
		} else {
			d, err := ax.y.unit.convert(fn, "y2", y2v)
			if err != nil {
				return runtime.Value{}, err
			}
			if y2, err = broadcast(fn, "y2", d.vals, n); err != nil {
				return runtime.Value{}, err
			}
		}
	}
	mask := make([]bool, n)
	for k := range mask {
		mask[k] = true
	}
	if kw.has("where") {
		a, err := array.From(kw.get("where"))
		if err != nil || len(a.Float64s()) != n {
			return runtime.Value{}, runtime.Errorf("%s(): where must be %d booleans", fn, n)
		}
		for k, v := range a.Float64s() {
			mask[k] = v != 0
		}
	}
	alpha, err := kw.float("alpha", 1)
	if err != nil {
		return runtime.Value{}, err
	}
	f := &polys{label: kw.text("label")}
	col, ok, err := kw.color("color")
	if err != nil {
		return runtime.Value{}, err
	}
	if c, ok2, err := kw.color("facecolor"); err != nil {
		return runtime.Value{}, err
	} else if ok2 {
		col, ok = c, true
	}
	if !ok {
		col = cycle[ax.nextColor()]
	}
	f.fill = withAlpha(col, alpha)
	if c, ok, err := kw.color("edgecolor"); err != nil {
		return runtime.Value{}, err
	} else if ok {
		f.edge = c
	}
	f.bx = append(append([]float64{}, xd.vals...), xd.vals...)
	f.by = append(append([]float64{}, y1...), y2...)
	// one polygon per run of selected points
	for k := 0; k < n; {
		if !mask[k] {
			k++
			continue
		}
		j := k
		for j < n && mask[j] {
			j++
		}
		var poly [][2]float64
		for i := k; i < j; i++ {
			poly = append(poly, [2]float64{xd.vals[i], y1[i]})
		}
		for i := j - 1; i >= k; i-- {
			poly = append(poly, [2]float64{xd.vals[i], y2[i]})
		}
		f.p = append(f.p, poly)
		k = j
	}
	ax.add(f)
	return runtime.None, nil
}

// axSpan returns axhline(y=0, xmin=0, xmax=1, ...) or axvline(x=0,
// ymin=0, ymax=1, ...).
func axSpan(horiz bool) method {
	fn, at, f0, f1, axis := "axvline", "x", "ymin", "ymax", "x"
	if horiz {
		fn, at, f0, f1, axis = "axhline", "y", "xmin", "xmax", "y"
	}
	return func(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var rest []runtime.Kwarg
		pos, err := parseKw(fn, nil)
		if err != nil {
			return runtime.Value{}, err
		}
		for _, kw := range kwargs {
			if kw.Name == at || kw.Name == f0 || kw.Name == f1 {
				pos.set(kw.Name, kw.Value)
			} else {
				rest = append(rest, kw)
			}
		}
		if err := bindArgs(fn, pos, args, at, f0, f1); err != nil {
			return runtime.Value{}, err
		}
		kw, err := parseKw(fn, rest, lineKw...)
		if err != nil {
			return runtime.Value{}, err
		}
		s := &span{horiz: horiz, f1: 1}
		u := ax.x.unit
		if horiz {
			u = ax.y.unit
		}
		if pos.has(at) {
			if s.v, err = u.scalar(fn, axis, pos.get(at)); err != nil {
				return runtime.Value{}, err
			}
		}
		if s.f0, err = pos.float(f0, 0); err != nil {
			return runtime.Value{}, err
		}
		if s.f1, err = pos.float(f1, 1); err != nil {
			return runtime.Value{}, err
		}
		l, err := ax.lineFrom(fn, "", kw)
		if err != nil {
			return runtime.Value{}, err
		}
		s.ln = *l
		ax.add(s)
		return runtime.MakeObj(&Line2D{l: &s.ln, ax: ax}), nil
	}
}

// axText is Axes.text(x, y, s, fontsize=, color=, ha=, va=, rotation=,
// transform=ax.transAxes).
func axText(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "text"
	kw, err := parseKw(fn, kwargs, withText("x", "y", "s", "size", "color", "ha", "va", "horizontalalignment", "verticalalignment", "rotation", "transform")...)
	if err != nil {
		return runtime.Value{}, err
	}
	if err := bindArgs(fn, kw, args, "x", "y", "s"); err != nil {
		return runtime.Value{}, err
	}
	if err := require(fn, kw, "x", "y", "s"); err != nil {
		return runtime.Value{}, err
	}
	t := &label{text: kw.text("s"), color: color.NRGBA{0, 0, 0, 255}}
	if _, ok := kw.get("transform").Obj().(transAxes); ok {
		t.axesCoords = true
		if t.x, err = kw.float("x", 0); err != nil {
			return runtime.Value{}, err
		}
		if t.y, err = kw.float("y", 0); err != nil {
			return runtime.Value{}, err
		}
	} else {
		if t.x, err = ax.x.unit.scalar(fn, "x", kw.get("x")); err != nil {
			return runtime.Value{}, err
		}
		if t.y, err = ax.y.unit.scalar(fn, "y", kw.get("y")); err != nil {
			return runtime.Value{}, err
		}
	}
	if t.size, err = fontSize(kw, ax.fig.style.fontSize); err != nil {
		return runtime.Value{}, err
	}
	t.size = orDefault(t.size, ax.fig.style.fontSize)
	if c, ok, err := kw.color("color"); err != nil {
		return runtime.Value{}, err
	} else if ok {
		t.color = c
	}
	for _, a := range [][3]string{{"ha", "horizontalalignment", "left"}, {"va", "verticalalignment", "baseline"}} {
		v, err := kw.str(a[0], a[2])
		if err != nil {
			return runtime.Value{}, err
		}
		if kw.has(a[1]) {
			if v, err = kw.str(a[1], a[2]); err != nil {
				return runtime.Value{}, err
			}
		}
		if a[0] == "ha" {
			t.ha = v
		} else {
			t.va = v
		}
	}
	if t.rotation, err = rotationOf(kw, 0); err != nil {
		return runtime.Value{}, err
	}
	if t.background, t.bgSet, err = kw.color("backgroundcolor"); err != nil {
		return runtime.Value{}, err
	}
	ax.add(t)
	return runtime.None, nil
}

// transAxes is ax.transAxes: text positions as fractions of the axes.
type transAxes struct{}

// Type implements runtime.Object.
func (transAxes) Type() string { return "Transform" }

// String implements runtime.Object.
func (transAxes) String() string { return "<transAxes>" }

// Truth implements runtime.Object.
func (transAxes) Truth() (bool, error) { return true, nil }

// axImshow is Axes.imshow(X, cmap=, vmin=, vmax=, aspect='equal',
// origin='upper', extent=, alpha=, interpolation=): a 2-d array through a
// colour map, or an (M, N, 3|4) RGB(A) image.
func axImshow(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "imshow"
	kw, err := parseKw(fn, kwargs, "X", "cmap", "vmin", "vmax", "aspect", "origin", "extent", "alpha", "interpolation", "zorder", "norm")
	if err != nil {
		return runtime.Value{}, err
	}
	if err := bindArgs(fn, kw, args, "X", "cmap"); err != nil {
		return runtime.Value{}, err
	}
	if err := require(fn, kw, "X"); err != nil {
		return runtime.Value{}, err
	}
	a, err := array.From(kw.get("X"))
	if err != nil {
		return runtime.Value{}, runtime.Errorf("%s(): the image must be an array: %v", fn, err)
	}
	shape := a.Shape()
	vals := a.Float64s()
	alpha, err := kw.float("alpha", 1)
	if err != nil {
		return runtime.Value{}, err
	}
	var img *image.NRGBA
	var sm *scalarMap
	switch {
	case len(shape) == 2 && shape[0] > 0 && shape[1] > 0:
		if sm, err = newScalarMap(fn, kw, vals, a); err != nil {
			return runtime.Value{}, err
		}
		img = image.NewNRGBA(image.Rect(0, 0, shape[1], shape[0]))
		for i := 0; i < shape[0]; i++ {
			for j := 0; j < shape[1]; j++ {
				img.SetNRGBA(j, i, withAlpha(sm.color(vals[i*shape[1]+j]/sm.scale), alpha))
			}
		}
	case len(shape) == 3 && (shape[2] == 3 || shape[2] == 4) && shape[0] > 0 && shape[1] > 0:
		scale := 1.0
		if a.DType() == array.Int {
			scale = 1.0 / 255
		}
		img = image.NewNRGBA(image.Rect(0, 0, shape[1], shape[0]))
		ch := shape[2]
		for i := 0; i < shape[0]; i++ {
			for j := 0; j < shape[1]; j++ {
				px := vals[(i*shape[1]+j)*ch:]
				c := color.NRGBA{u8(px[0] * scale), u8(px[1] * scale), u8(px[2] * scale), 255}
				if ch == 4 {
					c.A = u8(px[3] * scale)
				}
				img.SetNRGBA(j, i, withAlpha(c, alpha))
			}
		}
	default:
		return runtime.Value{}, runtime.Errorf("%s(): the image must be a 2-d array or an (M, N, 3) or (M, N, 4) RGB(A) array, not shape %s", fn, array.ShapeString(shape))
	}
	origin, err := kw.str("origin", "upper")
	if err != nil {
		return runtime.Value{}, err
	}
	if origin != "upper" && origin != "lower" {
		return runtime.Value{}, runtime.Errorf("%s(): origin must be 'upper' or 'lower'", fn)
	}
	m, n := float64(shape[0]), float64(shape[1])
	ext := [4]float64{-0.5, n - 0.5, m - 0.5, -0.5}
	if origin == "lower" {
		ext[2], ext[3] = -0.5, m-0.5
	}
	if kw.has("extent") {
		e, err := runtime.ToSlice(kw.get("extent"))
		if err != nil || len(e) != 4 {
			return runtime.Value{}, runtime.Errorf("%s(): extent must be (left, right, bottom, top)", fn)
		}
		for k, v := range e {
			u := ax.x.unit
			if k >= 2 {
				u = ax.y.unit
			}
			if ext[k], err = u.scalar(fn, "extent", v); err != nil {
				return runtime.Value{}, err
			}
		}
	}
	ax.aspect = 1
	if kw.has("aspect") {
		v := kw.get("aspect")
		if s, ok := runtime.AsString(v); ok {
			switch s {
			case "equal":
			case "auto":
				ax.aspect = 0
			default:
				return runtime.Value{}, runtime.Errorf("%s(): aspect must be 'equal', 'auto' or a number", fn)
			}
		} else if f, ok := v.ToFloat(); ok && f > 0 {
			ax.aspect = f
		} else {
			return runtime.Value{}, runtime.Errorf("%s(): aspect must be 'equal', 'auto' or a number", fn)
		}
	}
	ax.x.lo, ax.x.hi, ax.x.loSet, ax.x.hiSet = ext[0], ext[1], true, true
	ax.y.lo, ax.y.hi, ax.y.loSet, ax.y.hiSet = ext[2], ext[3], true, true
	pic := &picture{img: upscale(img), extent: ext, upper: origin == "upper", mapping: sm}
	ax.add(pic)
	if sm == nil {
		return runtime.MakeObj(&mappable{ax: ax, kind: "AxesImage"}), nil
	}
	return runtime.MakeObj(&mappable{sm: sm, ax: ax, kind: "AxesImage"}), nil
}

// upscale enlarges small images by pixel repetition so that renderers
// that smooth when scaling still show sharp cells, as matplotlib does.
func upscale(img *image.NRGBA) *image.NRGBA {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	k := int(math.Ceil(400 / float64(min(w, h))))
	for k > 1 && w*h*k*k > 4_000_000 {
		k--
	}
	if k <= 1 {
		return img
	}
	out := image.NewNRGBA(image.Rect(0, 0, w*k, h*k))
	for y := 0; y < h*k; y++ {
		for x := 0; x < w*k; x++ {
			out.SetNRGBA(x, y, img.NRGBAAt(x/k, y/k))
		}
	}
	return out
}
