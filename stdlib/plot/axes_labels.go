package plot

import (
	"github.com/sim-lang/sim/runtime"
)

func init() {
	for name, m := range map[string]method{
		"set_xlabel":      setLabel(false),
		"set_ylabel":      setLabel(true),
		"set_title":       axSetTitle,
		"get_title":       axGetText(func(ax *Axes) string { return ax.title }),
		"get_xlabel":      axGetText(func(ax *Axes) string { return ax.x.label }),
		"get_ylabel":      axGetText(func(ax *Axes) string { return ax.y.label }),
		"set_xlim":        setLim(false),
		"set_ylim":        setLim(true),
		"get_xlim":        getLim(false),
		"get_ylim":        getLim(true),
		"set_xscale":      setScale(false),
		"set_yscale":      setScale(true),
		"set_xticks":      setTicks(false),
		"set_yticks":      setTicks(true),
		"set_xticklabels": setTickLabels(false),
		"set_yticklabels": setTickLabels(true),
		"invert_xaxis":    invert(false),
		"invert_yaxis":    invert(true),
		"legend":          axLegend,
		"grid":            axGrid,
		"set_aspect":      axSetAspect,
		"axis":            axAxis,
		"cla":             axCla,
		"clear":           axCla,
		"set":             axSet,
	} {
		axesMethods[name] = m
	}
}

// axisOf returns the x or y axis state.
func (ax *Axes) axisOf(y bool) *axisState {
	if y {
		return &ax.y
	}
	return &ax.x
}

func axisName(y bool) string {
	if y {
		return "y"
	}
	return "x"
}

// setLabel returns set_xlabel / set_ylabel.
func setLabel(y bool) method {
	fn := "set_" + axisName(y) + "label"
	param := axisName(y) + "label"
	return func(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		kw, err := parseKw(fn, kwargs, withText(param, "size", "labelpad", "color", "loc", "rotation", "ha", "va", "horizontalalignment", "verticalalignment", "x", "y")...)
		if err != nil {
			return runtime.Value{}, err
		}
		if err := bindArgs(fn, kw, args, param); err != nil {
			return runtime.Value{}, err
		}
		if err := require(fn, kw, param); err != nil {
			return runtime.Value{}, err
		}
		a := ax.axisOf(y)
		a.label = kw.text(param)
		if a.labelSize, err = fontSize(kw, ax.fig.style.fontSize); err != nil {
			return runtime.Value{}, err
		}
		a.labelRotSet, a.labelPadSet = kw.has("rotation"), kw.has("labelpad")
		if a.labelRot, err = rotationOf(kw, 0); err != nil {
			return runtime.Value{}, err
		}
		if a.labelPad, err = kw.float("labelpad", 0); err != nil {
			return runtime.Value{}, err
		}
		if a.labelColor, a.labelColorSet, err = kw.color("color"); err != nil {
			return runtime.Value{}, err
		}
		return runtime.None, nil
	}
}

// axSetTitle is set_title(label).
func axSetTitle(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	kw, err := parseKw("set_title", kwargs, withText("label", "size", "loc", "pad", "color", "rotation", "y", "ha", "va", "horizontalalignment", "verticalalignment")...)
	if err != nil {
		return runtime.Value{}, err
	}
	if err := bindArgs("set_title", kw, args, "label"); err != nil {
		return runtime.Value{}, err
	}
	ax.title = kw.text("label")
	if ax.titleSize, err = fontSize(kw, ax.fig.style.fontSize); err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, nil
}

// fontSize reads fontsize= (size=): points, or a name such as 'large'
// (relative to base, the figure's font.size); 0 when absent.
func fontSize(kw kwset, base float64) (float64, error) {
	if !kw.has("size") {
		return 0, nil
	}
	if s, ok := runtime.AsString(kw.get("size")); ok {
		named := map[string]float64{"xx-small": 0.579, "x-small": 0.694, "small": 0.833, "medium": 1, "large": 1.2, "x-large": 1.44, "xx-large": 1.728, "larger": 1.2, "smaller": 0.833}
		f, ok := named[s]
		if !ok {
			return 0, runtime.Errorf("%s(): unknown font size %q", kw.fn, s)
		}
		return f * base, nil
	}
	f, err := kw.float("size", 0)
	if err == nil && (f <= 0 || f > 200) {
		err = runtime.Errorf("%s(): font sizes are between 0 and 200 points", kw.fn)
	}
	return f, err
}

// axGetText returns a getter of a text property.
func axGetText(get func(ax *Axes) string) method {
	return func(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return runtime.MakeStr(get(ax)), runtime.UnpackArgs("get", args, kwargs)
	}
}

// limTuple returns the current limits of an axis as a tuple.
func (ax *Axes) limTuple(y bool) runtime.Value {
	xlo, xhi, ylo, yhi := ax.limits()
	a := ax.axisOf(y)
	if y {
		return runtime.MakeTuple(a.unit.toSI(ylo), a.unit.toSI(yhi))
	}
	return runtime.MakeTuple(a.unit.toSI(xlo), a.unit.toSI(xhi))
}

// setLim returns set_xlim(left, right) / set_ylim(bottom, top); either
// may be None, or one (lo, hi) pair given. It returns the new limits.
func setLim(y bool) method {
	fn := "set_" + axisName(y) + "lim"
	lo, hi := "left", "right"
	if y {
		lo, hi = "bottom", "top"
	}
	return func(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		kw, err := parseKw(fn, kwargs, lo, hi, "xmin", "xmax", "ymin", "ymax", "auto", "emit")
		if err != nil {
			return runtime.Value{}, err
		}
		if len(args) == 1 {
			if pair, err := runtime.ToSlice(args[0]); err == nil && len(pair) == 2 {
				args = pair
			}
		}
		if err := bindArgs(fn, kw, args, lo, hi); err != nil {
			return runtime.Value{}, err
		}
		// shared axes (sharex, twins) keep their limits on the root
		a := root(ax, y).axisOf(y)
		for _, side := range []struct {
			names []string
			v     *float64
			set   *bool
		}{{[]string{lo, "xmin", "ymin"}, &a.lo, &a.loSet}, {[]string{hi, "xmax", "ymax"}, &a.hi, &a.hiSet}} {
			for _, name := range side.names {
				if kw.has(name) {
					f, err := a.unit.scalar(fn, axisName(y), kw.get(name))
					if err != nil {
						return runtime.Value{}, err
					}
					*side.v, *side.set = f, true
				}
			}
		}
		return ax.limTuple(y), nil
	}
}

// getLim returns get_xlim / get_ylim.
func getLim(y bool) method {
	return func(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.UnpackArgs("get_"+axisName(y)+"lim", args, kwargs); err != nil {
			return runtime.Value{}, err
		}
		return ax.limTuple(y), nil
	}
}

// setScale returns set_xscale / set_yscale ('linear' or 'log').
func setScale(y bool) method {
	fn := "set_" + axisName(y) + "scale"
	return func(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		kw, err := parseKw(fn, kwargs, "value", "base", "nonpositive")
		if err != nil {
			return runtime.Value{}, err
		}
		if err := bindArgs(fn, kw, args, "value"); err != nil {
			return runtime.Value{}, err
		}
		s, err := kw.str("value", "")
		if err != nil {
			return runtime.Value{}, err
		}
		switch s {
		case "log":
			ax.axisOf(y).log = true
		case "linear":
			ax.axisOf(y).log = false
		default:
			return runtime.Value{}, runtime.Errorf("%s(): scale must be 'linear' or 'log', not %q", fn, s)
		}
		return runtime.None, nil
	}
}

// setTicks returns set_xticks(ticks, labels=None) / set_yticks.
func setTicks(y bool) method {
	fn := "set_" + axisName(y) + "ticks"
	return func(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		kw, err := parseKw(fn, kwargs, "ticks", "labels", "minor", "rotation")
		if err != nil {
			return runtime.Value{}, err
		}
		if err := bindArgs(fn, kw, args, "ticks", "labels"); err != nil {
			return runtime.Value{}, err
		}
		if err := require(fn, kw, "ticks"); err != nil {
			return runtime.Value{}, err
		}
		a := ax.axisOf(y)
		d, err := a.unit.convert(fn, axisName(y), kw.get("ticks"))
		if err != nil {
			return runtime.Value{}, err
		}
		a.ticks, a.tickLabels, a.ticksSet = d.vals, nil, true
		if kw.has("labels") {
			if a.tickLabels, err = strList(fn, kw.get("labels")); err != nil {
				return runtime.Value{}, err
			}
		}
		return runtime.None, nil
	}
}

// strList reads a list of labels.
func strList(fn string, v runtime.Value) ([]string, error) {
	elems, err := runtime.ToSlice(v)
	if err != nil {
		return nil, runtime.Errorf("%s(): labels must be a list", fn)
	}
	out := make([]string, len(elems))
	for k, e := range elems {
		out[k] = runtime.Str(e)
	}
	return out, nil
}

// setTickLabels returns set_xticklabels(labels) / set_yticklabels.
func setTickLabels(y bool) method {
	fn := "set_" + axisName(y) + "ticklabels"
	return func(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		kw, err := parseKw(fn, kwargs, "labels", "rotation", "size")
		if err != nil {
			return runtime.Value{}, err
		}
		if err := bindArgs(fn, kw, args, "labels"); err != nil {
			return runtime.Value{}, err
		}
		if err := require(fn, kw, "labels"); err != nil {
			return runtime.Value{}, err
		}
		a := ax.axisOf(y)
		if !a.ticksSet {
			return runtime.Value{}, runtime.Errorf("%s(): set the tick positions first with set_%sticks", fn, axisName(y))
		}
		a.tickLabels, err = strList(fn, kw.get("labels"))
		return runtime.None, err
	}
}

// invert returns invert_xaxis / invert_yaxis.
func invert(y bool) method {
	return func(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		xlo, xhi, ylo, yhi := ax.limits()
		a := ax.axisOf(y)
		lo, hi := xlo, xhi
		if y {
			lo, hi = ylo, yhi
		}
		a.lo, a.hi, a.loSet, a.hiSet = hi, lo, true, true
		return runtime.None, runtime.UnpackArgs("invert_"+axisName(y)+"axis", args, kwargs)
	}
}

// axLegend is legend(), legend(labels), legend(handles, labels), with
// loc= and fontsize=.
func axLegend(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "legend"
	kw, err := parseKw(fn, kwargs, "handles", "labels", "loc", "size", "frameon", "ncol", "ncols", "title", "framealpha", "bbox_to_anchor", "markerscale")
	if err != nil {
		return runtime.Value{}, err
	}
	switch len(args) {
	case 1:
		err = bindArgs(fn, kw, args, "labels")
	default:
		err = bindArgs(fn, kw, args, "handles", "labels")
	}
	if err != nil {
		return runtime.Value{}, err
	}
	if kw.has("labels") {
		names, err := strList(fn, kw.get("labels"))
		if err != nil {
			return runtime.Value{}, err
		}
		if kw.has("handles") {
			hs, err := runtime.ToSlice(kw.get("handles"))
			if err != nil || len(hs) != len(names) {
				return runtime.Value{}, runtime.Errorf("%s(): give as many handles as labels", fn)
			}
			for k, h := range hs {
				if l, ok := h.Obj().(*Line2D); ok {
					l.l.label = names[k]
				}
			}
		} else {
			k := 0
			for _, a := range ax.artists {
				if k == len(names) {
					break
				}
				if setArtistLabel(a, names[k]) {
					k++
				}
			}
		}
	} else if kw.has("handles") {
		hs, err := runtime.ToSlice(kw.get("handles"))
		if err != nil {
			return runtime.Value{}, runtime.Errorf("%s(): handles must be a list", fn)
		}
		keep := map[artist]bool{}
		for _, h := range hs {
			if l, ok := h.Obj().(*Line2D); ok {
				keep[l.l] = true
			}
		}
		for _, a := range ax.artists {
			if l, ok := a.(*line); ok && !keep[l] && l.label != "" && l.label[0] != '_' {
				l.label = "_" + l.label
			}
		}
	}
	loc := kw.get("loc")
	if kw.has("loc") {
		s, ok := runtime.AsString(loc)
		if _, known := legendLocs[s]; !ok || !known {
			if i, ok := loc.ToInt(); ok && i >= 0 && i <= 10 {
				s = []string{"best", "upper right", "upper left", "lower left", "lower right", "right", "center left", "center right", "lower center", "upper center", "center"}[i]
			} else {
				return runtime.Value{}, runtime.Errorf("%s(): unknown location %s%s", fn, runtime.Repr(loc), runtime.Suggest(s, sortedKeys(legendLocs)))
			}
		}
		ax.legendLoc = s
	}
	if ax.legendFS, err = fontSize(kw, ax.fig.style.fontSize); err != nil {
		return runtime.Value{}, err
	}
	ax.legend = true
	return runtime.None, nil
}

// setArtistLabel gives a legend label to an artist that can have one.
func setArtistLabel(a artist, name string) bool {
	switch t := a.(type) {
	case *line:
		t.label = name
	case *points:
		t.label = name
	case *rects:
		if t.label == "_" {
			return false
		}
		t.label = name
	case *polys:
		t.label = name
	case *span:
		t.ln.label = name
	default:
		return false
	}
	return true
}

// axGrid is grid(visible=True, which=, axis='both', **style).
func axGrid(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "grid"
	kw, err := parseKw(fn, kwargs, "visible", "b", "which", "axis", "color", "linestyle", "linewidth", "alpha")
	if err != nil {
		return runtime.Value{}, err
	}
	if err := bindArgs(fn, kw, args, "visible", "which", "axis"); err != nil {
		return runtime.Value{}, err
	}
	on := true
	if kw.has("visible") {
		if on, err = kw.bool("visible", true); err != nil {
			return runtime.Value{}, err
		}
	} else if kw.has("b") {
		if on, err = kw.bool("b", true); err != nil {
			return runtime.Value{}, err
		}
	}
	axis, err := kw.str("axis", "both")
	if err != nil {
		return runtime.Value{}, err
	}
	if axis != "both" && axis != "x" && axis != "y" {
		return runtime.Value{}, runtime.Errorf("%s(): axis must be 'both', 'x' or 'y'", fn)
	}
	ax.grid, ax.gridAxis = on, axis
	return runtime.None, nil
}

// axSetAspect is set_aspect('equal' | 'auto' | number).
func axSetAspect(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var v runtime.Value
	if err := runtime.UnpackArgs("set_aspect", args, kwargs, "aspect", &v); err != nil {
		return runtime.Value{}, err
	}
	if s, ok := runtime.AsString(v); ok {
		switch s {
		case "equal":
			ax.aspect = 1
		case "auto":
			ax.aspect = 0
		default:
			return runtime.Value{}, runtime.Errorf("set_aspect(): aspect must be 'equal', 'auto' or a number")
		}
		return runtime.None, nil
	}
	f, ok := v.ToFloat()
	if !ok || f <= 0 {
		return runtime.Value{}, runtime.Errorf("set_aspect(): aspect must be 'equal', 'auto' or a positive number")
	}
	ax.aspect = f
	return runtime.None, nil
}

// axAxis is axis('off' | 'on' | 'equal' | 'tight' | 'auto' | [xmin,
// xmax, ymin, ymax]); with no argument it returns the limits.
func axAxis(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var v runtime.Value
	if err := runtime.UnpackArgs("axis", args, kwargs, "arg?", &v); err != nil {
		return runtime.Value{}, err
	}
	if s, ok := runtime.AsString(v); ok {
		switch s {
		case "off":
			ax.off = true
		case "on":
			ax.off = false
		case "equal", "scaled", "image":
			ax.aspect = 1
		case "auto", "normal", "tight":
			ax.aspect = 0
		default:
			return runtime.Value{}, runtime.Errorf("axis(): unknown option %q", s)
		}
	} else if v.IsValid() && !v.IsNone() {
		lims, err := runtime.ToSlice(v)
		if err != nil || len(lims) != 4 {
			return runtime.Value{}, runtime.Errorf("axis(): give [xmin, xmax, ymin, ymax] or an option string")
		}
		for k, l := range lims {
			a := ax.axisOf(k >= 2)
			f, err := a.unit.scalar("axis", axisName(k >= 2), l)
			if err != nil {
				return runtime.Value{}, err
			}
			if k%2 == 0 {
				a.lo, a.loSet = f, true
			} else {
				a.hi, a.hiSet = f, true
			}
		}
	}
	x, y := ax.limTuple(false), ax.limTuple(true)
	xs, ys := x.Obj().(runtime.Tuple), y.Obj().(runtime.Tuple)
	return runtime.MakeTuple(xs[0], xs[1], ys[0], ys[1]), nil
}

// axCla is cla() / clear().
func axCla(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	ax.clear()
	return runtime.None, runtime.UnpackArgs("cla", args, kwargs)
}

// axSet is set(xlabel=, ylabel=, title=, xlim=, ylim=, xscale=, yscale=).
func axSet(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	if len(args) > 0 {
		return runtime.Value{}, runtime.Errorf("set() takes keyword arguments only")
	}
	for _, kw := range kwargs {
		name := map[string]string{"xlabel": "set_xlabel", "ylabel": "set_ylabel", "title": "set_title", "xlim": "set_xlim", "ylim": "set_ylim", "xscale": "set_xscale", "yscale": "set_yscale", "xticks": "set_xticks", "yticks": "set_yticks", "aspect": "set_aspect"}[kw.Name]
		if name == "" {
			return runtime.Value{}, runtime.Errorf("set() got an unexpected keyword argument '%s'", kw.Name)
		}
		if _, err := axesMethods[name](ax, th, []runtime.Value{kw.Value}, nil); err != nil {
			return runtime.Value{}, err
		}
	}
	return runtime.None, nil
}
