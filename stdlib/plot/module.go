package plot

import (
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/stdlib/unitsmod"
)

func init() {
	runtime.RegisterModule([]string{"matplotlib.pyplot", "pyplot", "plot"}, buildPyplot)
	runtime.RegisterModule([]string{"matplotlib"}, buildMatplotlib)
	runtime.RegisterModule([]string{"matplotlib.cm"}, cmModule)
	runtime.RegisterModule([]string{"matplotlib.gridspec"}, gridspecModule)
	runtime.RegisterModule([]string{"matplotlib.ticker"}, tickerModule)
	runtime.RegisterModule([]string{"brian2tools"}, buildBrian2tools)
	for name, f := range brianHelpers {
		v := runtime.NewBuiltin(name, f)
		unitsmod.AddBrian2Member(name, v)
		runtime.Predeclare(name, v)
	}
	runtime.Predeclare("textplot", runtime.NewBuiltin("textplot", textplot))
}

// pyplotAxes maps pyplot functions that act on the current axes to the
// Axes method they call.
var pyplotAxes = map[string]string{
	"plot": "plot", "scatter": "scatter", "hist": "hist", "imshow": "imshow",
	"bar": "bar", "barh": "barh", "errorbar": "errorbar", "fill_between": "fill_between",
	"axhline": "axhline", "axvline": "axvline", "text": "text", "legend": "legend",
	"grid": "grid", "step": "step", "semilogx": "semilogx", "semilogy": "semilogy",
	"loglog": "loglog", "axis": "axis", "cla": "cla", "annotate": "annotate",
	"xlabel": "set_xlabel", "ylabel": "set_ylabel", "title": "set_title",
	"xscale": "set_xscale", "yscale": "set_yscale", "xticks": "set_xticks", "yticks": "set_yticks",
	"boxplot": "boxplot", "contour": "contour", "contourf": "contourf",
}

// pyplotFuncs are the other pyplot functions.
var pyplotFuncs = map[string]runtime.BuiltinFunc{
	"figure":          pltFigure,
	"subplots":        pltSubplots,
	"subplot":         pltSubplot,
	"gca":             pltGca,
	"gcf":             pltGcf,
	"savefig":         onFigure("savefig"),
	"suptitle":        onFigure("suptitle"),
	"tight_layout":    onFigure("tight_layout"),
	"subplots_adjust": onFigure("subplots_adjust"),
	"clf":             onFigure("clf"),
	"show":            pltShow,
	"close":           pltClose,
	"colorbar":        pltColorbar,
	"xlim":            limFunc(false),
	"ylim":            limFunc(true),
	"get_fignums":     pltFignums,
	"get_cmap":        getCmap,
	"textplot":        textplot,
	"tempdir":         tempdir,
	"imread":          imread,
	"ion":             noop,
	"ioff":            noop,
	"draw":            noop,
	"pause":           noop,
	"rcdefaults":      pltRcdefaults,
	"twinx":           pltTwin(true),
	"twiny":           pltTwin(false),
	"rc":              pltRc,
	"subplot2grid":    pltSubplot2grid,
	"GridSpec":        pltGridSpec,
}

// noop accepts anything and does nothing (interactive-mode calls).
func noop(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	return runtime.None, nil
}

// buildPyplot makes the pyplot module.
func buildPyplot() *runtime.Module {
	m := &runtime.Module{Name: "matplotlib.pyplot", Members: map[string]runtime.Value{}}
	for name, meth := range pyplotAxes {
		name, meth := name, meth
		m.Members[name] = runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return axesMethods[meth](stateOf(th).gcf().gca(), th, args, kwargs)
		})
	}
	for name, f := range pyplotFuncs {
		m.Members[name] = runtime.NewBuiltin(name, f)
	}
	for name, f := range brianHelpers {
		m.Members[name] = runtime.NewBuiltin(name, f)
	}
	m.Members["cm"] = runtime.MakeObj(cmModule())
	m.Members["rcParams"] = runtime.MakeObj(rc)
	// plt.style.use(...) is accepted; sim has one style, matplotlib's
	// default
	m.Members["style"] = runtime.MakeObj(&runtime.Module{Name: "matplotlib.style", Members: map[string]runtime.Value{
		"use":       runtime.NewBuiltin("use", noop),
		"available": runtime.NewList([]runtime.Value{runtime.MakeStr("default")}),
	}})
	return m
}

// buildMatplotlib makes the matplotlib package module: pyplot, cm and a
// no-op use() (there is only one backend, writing files).
func buildMatplotlib() *runtime.Module {
	m := &runtime.Module{Name: "matplotlib", Members: map[string]runtime.Value{
		"use":        runtime.NewBuiltin("use", noop),
		"rcParams":   runtime.MakeObj(rc),
		"rcdefaults": runtime.NewBuiltin("rcdefaults", pltRcdefaults),
		"rc":         runtime.NewBuiltin("rc", pltRc),
	}}
	if p, ok := runtime.LoadModule("matplotlib.pyplot"); ok {
		m.Members["pyplot"] = runtime.MakeObj(p)
	}
	if c, ok := runtime.LoadModule("matplotlib.cm"); ok {
		m.Members["cm"] = runtime.MakeObj(c)
	}
	m.Members["gridspec"] = runtime.MakeObj(gridspecModule())
	m.Members["ticker"] = runtime.MakeObj(tickerModule())
	return m
}

// buildBrian2tools makes the brian2tools module (its plotting helpers).
func buildBrian2tools() *runtime.Module {
	m := &runtime.Module{Name: "brian2tools", Members: map[string]runtime.Value{}}
	for name, f := range brianHelpers {
		m.Members[name] = runtime.NewBuiltin(name, f)
	}
	return m
}

// onFigure returns a pyplot function calling a method of the current
// figure.
func onFigure(name string) runtime.BuiltinFunc {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return figureMethods[name](stateOf(th).gcf(), th, args, kwargs)
	}
}

// figSize reads figsize= and dpi= for a new figure.
func figSize(fn string, kw kwset) (w, h, dpi float64, err error) {
	w, h, defDPI := rc.figureSize()
	if kw.has("figsize") {
		pair, err := runtime.ToSlice(kw.get("figsize"))
		if err != nil || len(pair) != 2 {
			return 0, 0, 0, runtime.Errorf("%s(): figsize must be a (width, height) pair in inches", fn)
		}
		var ok1, ok2 bool
		w, ok1 = pair[0].ToFloat()
		h, ok2 = pair[1].ToFloat()
		if !ok1 || !ok2 || w <= 0 || h <= 0 || w > 100 || h > 100 {
			return 0, 0, 0, runtime.Errorf("%s(): figsize must be two numbers of inches between 0 and 100", fn)
		}
	}
	if dpi, err = kw.float("dpi", defDPI); err != nil {
		return 0, 0, 0, err
	}
	if dpi < 10 || dpi > 2000 {
		return 0, 0, 0, runtime.Errorf("%s(): dpi must be between 10 and 2000", fn)
	}
	return w, h, dpi, nil
}

// pltFigure is figure(num=None, figsize=, dpi=): a new figure, or the
// open figure numbered num.
func pltFigure(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	kw, err := parseKw("figure", kwargs, "num", "figsize", "dpi", "facecolor", "edgecolor", "clear", "layout", "tight_layout", "constrained_layout")
	if err != nil {
		return runtime.Value{}, err
	}
	if err := bindArgs("figure", kw, args, "num", "figsize", "dpi"); err != nil {
		return runtime.Value{}, err
	}
	st := stateOf(th)
	if n, ok := kw.get("num").ToInt(); ok && kw.has("num") {
		for _, f := range st.figs {
			if int64(f.num) == n {
				st.cur = f
				return runtime.MakeObj(f), nil
			}
		}
	}
	w, h, dpi, err := figSize("figure", kw)
	if err != nil {
		return runtime.Value{}, err
	}
	f := st.newFigure(w, h, dpi)
	if n, ok := kw.get("num").ToInt(); ok && kw.has("num") && n > 0 {
		f.num = int(n)
		st.nextNum = max(st.nextNum, int(n)+1)
	}
	return runtime.MakeObj(f), nil
}

// pltSubplots is subplots(nrows=1, ncols=1, figsize=, dpi=, sharex=,
// sharey=, squeeze=True): a new figure and its axes, as (fig, axes).
func pltSubplots(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	kw, err := parseKw("subplots", kwargs, "nrows", "ncols", "figsize", "dpi", "sharex", "sharey", "squeeze", "num", "subplot_kw", "gridspec_kw", "layout", "constrained_layout", "tight_layout")
	if err != nil {
		return runtime.Value{}, err
	}
	if err := bindArgs("subplots", kw, args, "nrows", "ncols"); err != nil {
		return runtime.Value{}, err
	}
	w, h, dpi, err := figSize("subplots", kw)
	if err != nil {
		return runtime.Value{}, err
	}
	f := stateOf(th).newFigure(w, h, dpi)
	axes, err := f.grid(kw)
	if err != nil {
		stateOf(th).close(f)
		return runtime.Value{}, err
	}
	return runtime.MakeTuple(runtime.MakeObj(f), axes), nil
}

// pltSubplot is subplot(nrows, ncols, index) / subplot(211): makes that
// axes of the current figure current, adding it if needed.
func pltSubplot(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	pos, err := subplotPos("subplot", args)
	if err != nil {
		return runtime.Value{}, err
	}
	f := stateOf(th).gcf()
	ax := f.subplot(pos)
	if err := shareArgs("subplot", ax, kwargs); err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(ax), nil
}

// pltGca is gca(): the current axes.
func pltGca(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("gca", args, kwargs); err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(stateOf(th).gcf().gca()), nil
}

// pltGcf is gcf(): the current figure.
func pltGcf(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("gcf", args, kwargs); err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(stateOf(th).gcf()), nil
}

// pltFignums is get_fignums(): the numbers of the open figures.
func pltFignums(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var out []runtime.Value
	for _, f := range stateOf(th).figs {
		out = append(out, runtime.MakeInt(int64(f.num)))
	}
	return runtime.NewList(out), runtime.UnpackArgs("get_fignums", args, kwargs)
}

// pltShow is show(): every open figure is written to a PNG file (in
// $SIM_PLOT_DIR or the temporary directory), its path printed, and the
// figures closed, as matplotlib does after showing them.
func pltShow(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	if _, err := parseKw("show", kwargs, "block"); err != nil {
		return runtime.Value{}, err
	}
	st := stateOf(th)
	for _, f := range append([]*Figure(nil), st.figs...) {
		if len(f.axes) == 0 && f.suptitle == "" {
			st.close(f)
			continue
		}
		if err := f.show(th); err != nil {
			return runtime.Value{}, err
		}
		st.close(f)
	}
	return runtime.None, nil
}

// pltClose is close(), close('all'), close(num) or close(fig).
func pltClose(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var v runtime.Value
	if err := runtime.UnpackArgs("close", args, kwargs, "fig?", &v); err != nil {
		return runtime.Value{}, err
	}
	st := stateOf(th)
	switch {
	case !v.IsValid() || v.IsNone():
		if st.cur != nil {
			st.close(st.cur)
		}
	case v.Obj() != nil && func() bool { _, ok := v.Obj().(*Figure); return ok }():
		st.close(v.Obj().(*Figure))
	default:
		if s, ok := runtime.AsString(v); ok {
			if s != "all" {
				return runtime.Value{}, runtime.Errorf("close(): give 'all', a figure number or a Figure, not %q", s)
			}
			st.figs, st.cur = nil, nil
			return runtime.None, nil
		}
		n, ok := v.ToInt()
		if !ok {
			return runtime.Value{}, runtime.Errorf("close(): give 'all', a figure number or a Figure, not %s", runtime.TypeName(v))
		}
		for _, f := range st.figs {
			if int64(f.num) == n {
				st.close(f)
				break
			}
		}
	}
	return runtime.None, nil
}

// limFunc returns xlim / ylim: the current limits with no arguments,
// else set_xlim / set_ylim.
func limFunc(y bool) runtime.BuiltinFunc {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		ax := stateOf(th).gcf().gca()
		if len(args) == 0 && len(kwargs) == 0 {
			return ax.limTuple(y), nil
		}
		return setLim(y)(ax, th, args, kwargs)
	}
}

// colorbarObj is what colorbar() returns.
type colorbarObj struct{ cb *colorbar }

// Type implements runtime.Object.
func (c *colorbarObj) Type() string { return "Colorbar" }

// String implements runtime.Object.
func (c *colorbarObj) String() string { return "<Colorbar>" }

// Truth implements runtime.Object.
func (c *colorbarObj) Truth() (bool, error) { return true, nil }

// Attr implements runtime.HasAttrs: set_label(label).
func (c *colorbarObj) Attr(name string) (runtime.Value, error) {
	if name != "set_label" {
		return runtime.Value{}, nil
	}
	return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		kw, err := parseKw("set_label", kwargs, "label", "size", "rotation", "labelpad")
		if err != nil {
			return runtime.Value{}, err
		}
		if err := bindArgs("set_label", kw, args, "label"); err != nil {
			return runtime.Value{}, err
		}
		c.cb.label = kw.text("label")
		return runtime.None, nil
	}), nil
}

// AttrNames implements runtime.HasAttrs.
func (c *colorbarObj) AttrNames() []string { return []string{"set_label"} }

// colorbarFor adds a colour bar for a mappable to an axes.
func colorbarFor(fn string, f *Figure, kw kwset) (runtime.Value, error) {
	var m *mappable
	if kw.has("mappable") {
		mm, ok := kw.get("mappable").Obj().(*mappable)
		if !ok {
			return runtime.Value{}, runtime.Errorf("%s(): the mappable must be what imshow(), contour(), contourf() or scatter(c=...) returned, not %s", fn, runtime.TypeName(kw.get("mappable")))
		}
		m = mm
	} else {
		ax := f.gca()
		for k := len(ax.artists) - 1; k >= 0 && m == nil; k-- {
			switch a := ax.artists[k].(type) {
			case *picture:
				if a.mapping != nil {
					m = &mappable{sm: a.mapping, ax: ax}
				}
			case *points:
				if a.mapping != nil {
					m = &mappable{sm: a.mapping, ax: ax}
				}
			case *contourSet:
				m = &mappable{sm: a.sm, ax: ax, contour: a}
			}
		}
		if m == nil {
			return runtime.Value{}, runtime.Errorf("%s(): no image, contour set or colour-mapped scatter to make a colour bar for", fn)
		}
	}
	if m.sm == nil {
		return runtime.Value{}, runtime.Errorf("%s(): this plot has no colour map (scatter needs numeric c=, imshow a 2-d array)", fn)
	}
	target := m.ax
	if kw.has("ax") {
		ax, ok := kw.get("ax").Obj().(*Axes)
		if !ok {
			return runtime.Value{}, runtime.Errorf("%s(): ax must be an Axes", fn)
		}
		target = ax
	}
	target.cbar = &colorbar{cmap: m.sm.cmap, lo: m.sm.lo, hi: m.sm.hi, label: kw.text("label"), unitName: m.sm.unit}
	if m.contour != nil {
		contourColorbar(target.cbar, m.contour)
	}
	return runtime.MakeObj(&colorbarObj{cb: target.cbar}), nil
}

// colorbarKw are the keywords of colorbar().
var colorbarKw = []string{"mappable", "ax", "cax", "label", "orientation", "shrink", "fraction", "pad", "aspect", "ticks", "format", "extend"}

// figColorbar is fig.colorbar(mappable, ax=, label=).
func figColorbar(f *Figure, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	kw, err := parseKw("colorbar", kwargs, colorbarKw...)
	if err != nil {
		return runtime.Value{}, err
	}
	if err := bindArgs("colorbar", kw, args, "mappable"); err != nil {
		return runtime.Value{}, err
	}
	return colorbarFor("colorbar", f, kw)
}

// pltColorbar is plt.colorbar(mappable=None, ax=, label=).
func pltColorbar(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	return figColorbar(stateOf(th).gcf(), th, args, kwargs)
}
