package plot

import (
	"github.com/sim-lang/sim/runtime"
)

// Attr implements runtime.HasAttrs: the methods, transAxes, figure,
// spines, xaxis and yaxis.
func (ax *Axes) Attr(name string) (runtime.Value, error) {
	if m, ok := axesMethods[name]; ok {
		return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return m(ax, th, args, kwargs)
		}), nil
	}
	switch name {
	case "transAxes":
		return runtime.MakeObj(transAxes{}), nil
	case "figure":
		return runtime.MakeObj(ax.fig), nil
	case "spines":
		return runtime.MakeObj(&Spines{ax: ax}), nil
	case "xaxis", "yaxis":
		return runtime.MakeObj(&AxisObj{ax: ax, y: name == "yaxis"}), nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (ax *Axes) AttrNames() []string {
	return append(sortedKeys(axesMethods), "figure", "spines", "transAxes", "xaxis", "yaxis")
}

// figMethod is the Go signature of a Figure method.
type figMethod func(f *Figure, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error)

// figureMethods are the methods of Figure objects.
var figureMethods = map[string]figMethod{}

func init() {
	for name, m := range map[string]figMethod{
		"savefig":         figSavefig,
		"colorbar":        figColorbar,
		"suptitle":        figSuptitle,
		"tight_layout":    figNoop("tight_layout"),
		"subplots_adjust": figNoop("subplots_adjust"),
		"add_subplot":     figAddSubplot,
		"add_gridspec":    figAddGridspec,
		"subplots":        figSubplots,
		"gca": func(f *Figure, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return runtime.MakeObj(f.gca()), nil
		},
		"clf":             figClf,
		"clear":           figClf,
		"set_size_inches": figSetSize,
		"get_axes": func(f *Figure, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return f.axesList(), nil
		},
		"show": figShow,
		"get_size_inches": func(f *Figure, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return runtime.NewList([]runtime.Value{runtime.MakeFloat(f.w), runtime.MakeFloat(f.h)}), runtime.UnpackArgs("get_size_inches", args, kwargs)
		},
		"get_dpi": func(f *Figure, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return runtime.MakeFloat(f.dpi), runtime.UnpackArgs("get_dpi", args, kwargs)
		},
	} {
		figureMethods[name] = m
	}
}

// axesList returns the figure's axes as a list.
func (f *Figure) axesList() runtime.Value {
	out := make([]runtime.Value, len(f.axes))
	for k, ax := range f.axes {
		out[k] = runtime.MakeObj(ax)
	}
	return runtime.NewList(out)
}

// Attr implements runtime.HasAttrs.
func (f *Figure) Attr(name string) (runtime.Value, error) {
	if m, ok := figureMethods[name]; ok {
		return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return m(f, th, args, kwargs)
		}), nil
	}
	switch name {
	case "axes":
		return f.axesList(), nil
	case "number":
		return runtime.MakeInt(int64(f.num)), nil
	case "dpi":
		return runtime.MakeFloat(f.dpi), nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (f *Figure) AttrNames() []string {
	return append(sortedKeys(figureMethods), "axes", "number", "dpi")
}

// figNoop returns a method that accepts anything and does nothing
// (layout is always tight in sim).
func figNoop(name string) figMethod {
	return func(f *Figure, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return runtime.None, nil
	}
}

// figSuptitle is suptitle(t): a title above all axes.
func figSuptitle(f *Figure, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	kw, err := parseKw("suptitle", kwargs, "t", "size", "y", "fontweight")
	if err != nil {
		return runtime.Value{}, err
	}
	if err := bindArgs("suptitle", kw, args, "t"); err != nil {
		return runtime.Value{}, err
	}
	f.suptitle = kw.text("t")
	return runtime.None, nil
}

// figClf is clf(): remove every axes.
func figClf(f *Figure, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	f.axes, f.cur, f.suptitle = nil, nil, ""
	return runtime.None, nil
}

// figSetSize is set_size_inches(w, h) or set_size_inches((w, h)).
func figSetSize(f *Figure, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	if len(args) == 1 {
		if pair, err := runtime.ToSlice(args[0]); err == nil {
			args = pair
		}
	}
	var w, h float64
	if err := runtime.UnpackArgs("set_size_inches", args, kwargs, "w", &w, "h", &h); err != nil {
		return runtime.Value{}, err
	}
	if w <= 0 || h <= 0 || w > 100 || h > 100 {
		return runtime.Value{}, runtime.Errorf("set_size_inches(): sizes must be between 0 and 100 inches")
	}
	f.w, f.h = w, h
	return runtime.None, nil
}

// subplotPos reads subplot(nrows, ncols, index), subplot(221) or
// subplot(gs[0, :]) (a SubplotSpec); index may be an (first, last) pair
// spanning cells.
func subplotPos(fn string, args []runtime.Value) (gridPos, error) {
	if len(args) == 0 {
		return cell(1, 1, 1), nil
	}
	if len(args) == 1 {
		if s, ok := args[0].Obj().(*SubplotSpec); ok {
			return s.pos, nil
		}
		n, ok := args[0].ToInt()
		if !ok || n < 111 || n > 999 {
			return gridPos{}, runtime.Errorf("%s(): a single argument must be a three-digit number like 211", fn)
		}
		args = []runtime.Value{runtime.MakeInt(n / 100), runtime.MakeInt(n / 10 % 10), runtime.MakeInt(n % 10)}
	}
	if len(args) != 3 {
		return gridPos{}, runtime.Errorf("%s() takes (nrows, ncols, index) or a number like 211", fn)
	}
	r, ok1 := args[0].ToInt()
	c, ok2 := args[1].ToInt()
	if !ok1 || !ok2 || r < 1 || c < 1 || r > 50 || c > 50 {
		return gridPos{}, runtime.Errorf("%s(): nrows and ncols must be positive ints", fn)
	}
	lo, hi := int64(0), int64(0)
	if i, ok := args[2].ToInt(); ok {
		lo, hi = i, i
	} else if pair, err := runtime.ToSlice(args[2]); err == nil && len(pair) == 2 {
		a, ok1 := pair[0].ToInt()
		b, ok2 := pair[1].ToInt()
		if !ok1 || !ok2 {
			return gridPos{}, runtime.Errorf("%s(): index must be an int or a (first, last) pair", fn)
		}
		lo, hi = a, b
	} else {
		return gridPos{}, runtime.Errorf("%s(): index must be an int or a (first, last) pair", fn)
	}
	if lo < 1 || hi > r*c || lo > hi {
		return gridPos{}, runtime.Errorf("%s(): index %d is out of range for a %dx%d grid (1..%d)", fn, hi, r, c, r*c)
	}
	p, q := cell(int(r), int(c), int(lo)), cell(int(r), int(c), int(hi))
	return gridPos{int(r), int(c), min(p.r0, q.r0), max(p.r1, q.r1), min(p.c0, q.c0), max(p.c1, q.c1)}, nil
}

// subplot finds the axes at pos or adds one, making it current.
func (f *Figure) subplot(pos gridPos) *Axes {
	for _, ax := range f.axes {
		if ax.pos == pos && ax.twinOf == nil {
			f.cur = ax
			return ax
		}
	}
	return f.addAxes(pos)
}

// shareArgs applies sharex=/sharey= axes to a new axes.
func shareArgs(fn string, ax *Axes, kwargs []runtime.Kwarg) error {
	for _, kw := range kwargs {
		switch kw.Name {
		case "sharex", "sharey":
			o, ok := kw.Value.Obj().(*Axes)
			if !ok {
				if kw.Value.IsNone() {
					continue
				}
				return runtime.Errorf("%s(): %s must be an Axes", fn, kw.Name)
			}
			if kw.Name == "sharex" {
				ax.shareX = o
				ax.x.unit = o.x.unit
			} else {
				ax.shareY = o
				ax.y.unit = o.y.unit
			}
		case "title":
			ax.title = runtime.Str(kw.Value)
		case "xlabel":
			ax.x.label = runtime.Str(kw.Value)
		case "ylabel":
			ax.y.label = runtime.Str(kw.Value)
		case "projection", "polar", "facecolor", "label":
		default:
			return runtime.Errorf("%s() got an unexpected keyword argument '%s'", fn, kw.Name)
		}
	}
	return nil
}

// figAddSubplot is add_subplot(nrows, ncols, index) or add_subplot(111).
func figAddSubplot(f *Figure, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	pos, err := subplotPos("add_subplot", args)
	if err != nil {
		return runtime.Value{}, err
	}
	ax := f.subplot(pos)
	if err := shareArgs("add_subplot", ax, kwargs); err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(ax), nil
}

// figSubplots is fig.subplots(nrows, ncols, sharex=, sharey=, squeeze=).
func figSubplots(f *Figure, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	kw, err := parseKw("subplots", kwargs, "nrows", "ncols", "sharex", "sharey", "squeeze")
	if err != nil {
		return runtime.Value{}, err
	}
	if err := bindArgs("subplots", kw, args, "nrows", "ncols"); err != nil {
		return runtime.Value{}, err
	}
	return f.grid(kw)
}

// grid fills a figure with an nrows × ncols grid of axes and returns
// them shaped as matplotlib does (one Axes, a row, or rows of Axes).
func (f *Figure) grid(kw kwset) (runtime.Value, error) {
	const fn = "subplots"
	nr, err := kw.float("nrows", 1)
	if err != nil {
		return runtime.Value{}, err
	}
	nc, err := kw.float("ncols", 1)
	if err != nil {
		return runtime.Value{}, err
	}
	rows, cols := int(nr), int(nc)
	if float64(rows) != nr || float64(cols) != nc || rows < 1 || cols < 1 || rows > 50 || cols > 50 {
		return runtime.Value{}, runtime.Errorf("%s(): nrows and ncols must be positive ints", fn)
	}
	share := func(name string) (string, error) {
		v := kw.get(name)
		if !kw.has(name) {
			return "none", nil
		}
		if s, ok := runtime.AsString(v); ok {
			switch s {
			case "all", "row", "col", "none":
				return s, nil
			}
			return "", runtime.Errorf("%s(): %s must be True, False, 'all', 'row', 'col' or 'none'", fn, name)
		}
		b, err := runtime.Truth(v)
		if b {
			return "all", err
		}
		return "none", err
	}
	sx, err := share("sharex")
	if err != nil {
		return runtime.Value{}, err
	}
	sy, err := share("sharey")
	if err != nil {
		return runtime.Value{}, err
	}
	squeeze, err := kw.bool("squeeze", true)
	if err != nil {
		return runtime.Value{}, err
	}
	axes := make([]*Axes, rows*cols)
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			ax := f.addAxes(gridPos{rows, cols, r, r + 1, c, c + 1})
			axes[r*cols+c] = ax
			link := func(mode string) *Axes {
				switch {
				case mode == "all" && (r > 0 || c > 0):
					return axes[0]
				case mode == "row" && c > 0:
					return axes[r*cols]
				case mode == "col" && r > 0:
					return axes[c]
				}
				return nil
			}
			ax.shareX, ax.shareY = link(sx), link(sy)
			if ax.shareX != nil {
				ax.x.unit = ax.shareX.x.unit
			}
			if ax.shareY != nil {
				ax.y.unit = ax.shareY.y.unit
			}
			// inner tick labels of shared axes are hidden, as in matplotlib
			ax.x.hideLabels = (sx == "all" || sx == "col") && r < rows-1
			ax.y.hideLabels = (sy == "all" || sy == "row") && c > 0
		}
	}
	f.cur = axes[0]
	shape := []int{rows, cols}
	if squeeze {
		switch {
		case rows == 1 && cols == 1:
			return runtime.MakeObj(axes[0]), nil
		case rows == 1 || cols == 1:
			shape = []int{rows * cols}
		}
	}
	return runtime.MakeObj(&AxesArray{shape: shape, elems: axes}), nil
}
