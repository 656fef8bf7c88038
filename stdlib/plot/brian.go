package plot

import (
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

// brianHelpers are the plotting helpers of brian2tools, also members of
// the brian2 module and predeclared: plot_raster, plot_state, plot_rate
// and brian_plot.
var brianHelpers = map[string]runtime.BuiltinFunc{
	"plot_raster": plotRaster,
	"plot_state":  plotState,
	"plot_rate":   plotRate,
	"brian_plot":  brianPlot,
}

// helperAxes returns the axes= argument or the current axes.
func helperAxes(fn string, th *runtime.Thread, kw kwset) (*Axes, error) {
	if !kw.has("axes") {
		return stateOf(th).gcf().gca(), nil
	}
	ax, ok := kw.get("axes").Obj().(*Axes)
	if !ok {
		return nil, runtime.Errorf("%s(): axes must be an Axes, not %s", fn, runtime.TypeName(kw.get("axes")))
	}
	return ax, nil
}

// splitHelperKw separates a helper's own keywords from those passed on to
// plot().
func splitHelperKw(kwargs []runtime.Kwarg, own ...string) (kwset, []runtime.Kwarg) {
	mine := kwset{fn: "", m: map[string]runtime.Value{}}
	var rest []runtime.Kwarg
	for _, kw := range kwargs {
		found := false
		for _, o := range own {
			if kw.Name == o {
				mine.m[o] = kw.Value
				found = true
			}
		}
		if !found {
			rest = append(rest, kw)
		}
	}
	return mine, rest
}

// forceUnit makes an axis show a given unit (time_unit=ms and the like).
func forceUnit(fn string, u *axisUnit, v runtime.Value) error {
	q, ok := v.Obj().(runtime.Quantity)
	if !ok {
		return runtime.Errorf("%s(): the unit must be a unit such as ms, not %s", fn, runtime.TypeName(v))
	}
	if u.set && u.dim != q.D {
		return runtime.Errorf("%s(): the unit %s does not fit the axis in %s", fn, runtime.Repr(v), u.name)
	}
	name, ok := units.UnitName(q.V, q.D)
	if !ok {
		name = runtime.Repr(v)
	}
	*u = axisUnit{dim: q.D, scale: q.V, name: name, set: true}
	return nil
}

// attr reads a monitor attribute, with a clear error when it is missing.
func attr(fn string, v runtime.Value, name string) (runtime.Value, error) {
	x, err := runtime.GetAttr(v, name)
	if err != nil || !x.IsValid() {
		return runtime.Value{}, runtime.Errorf("%s(): %s has no attribute '%s'", fn, runtime.TypeName(v), name)
	}
	return x, nil
}

// callPlot calls ax.plot with positional arguments and extra keywords.
func callPlot(ax *Axes, th *runtime.Thread, args []runtime.Value, defaults []runtime.Kwarg, kwargs []runtime.Kwarg) (runtime.Value, error) {
	seen := map[string]bool{}
	for _, kw := range kwargs {
		seen[kw.Name] = true
		if a, ok := aliases[kw.Name]; ok {
			seen[a] = true
		}
	}
	all := append([]runtime.Kwarg(nil), kwargs...)
	for _, d := range defaults {
		if !seen[d.Name] {
			all = append(all, d)
		}
	}
	return axPlot(ax, th, args, all)
}

// plotRaster is plot_raster(spike_monitor) or plot_raster(indices,
// times), with time_unit=, axes= and plot() keywords (default: black
// dots): neuron index against spike time.
func plotRaster(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "plot_raster"
	own, rest := splitHelperKw(kwargs, "time_unit", "axes")
	own.fn = fn
	ax, err := helperAxes(fn, th, own)
	if err != nil {
		return runtime.Value{}, err
	}
	var idx, times runtime.Value
	switch len(args) {
	case 1:
		if idx, err = attr(fn, args[0], "i"); err != nil {
			return runtime.Value{}, err
		}
		if times, err = attr(fn, args[0], "t"); err != nil {
			return runtime.Value{}, err
		}
	case 2:
		idx, times = args[0], args[1]
	default:
		return runtime.Value{}, runtime.Errorf("%s() takes a SpikeMonitor or (spike_indices, spike_times)", fn)
	}
	if own.has("time_unit") {
		if err := forceUnit(fn, ax.x.unit, own.get("time_unit")); err != nil {
			return runtime.Value{}, err
		}
	}
	defaults := []runtime.Kwarg{{Name: "color", Value: runtime.MakeStr("k")}, {Name: "marker", Value: runtime.MakeStr(".")}, {Name: "linestyle", Value: runtime.MakeStr("none")}, {Name: "markersize", Value: runtime.MakeFloat(4)}}
	if _, err := callPlot(ax, th, []runtime.Value{times, idx}, defaults, rest); err != nil {
		return runtime.Value{}, err
	}
	if ax.x.label == "" && !ax.x.hideLabels {
		ax.x.label = "time"
	}
	if ax.y.label == "" {
		ax.y.label = "neuron index"
	}
	return runtime.MakeObj(ax), nil
}

// plotState is plot_state(state_monitor, 'v') or plot_state(times,
// values, var_name=), with time_unit=, var_unit=, axes= and plot()
// keywords: one line per recorded neuron.
func plotState(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "plot_state"
	own, rest := splitHelperKw(kwargs, "time_unit", "var_unit", "var_name", "axes")
	own.fn = fn
	ax, err := helperAxes(fn, th, own)
	if err != nil {
		return runtime.Value{}, err
	}
	if len(args) != 2 {
		return runtime.Value{}, runtime.Errorf("%s() takes (state_monitor, 'variable') or (times, values)", fn)
	}
	var times, values runtime.Value
	name := own.text("var_name")
	if v, ok := runtime.AsString(args[1]); ok {
		if times, err = attr(fn, args[0], "t"); err != nil {
			return runtime.Value{}, err
		}
		if values, err = attr(fn, args[0], v); err != nil {
			return runtime.Value{}, err
		}
		if name == "" {
			name = v
		}
		// the monitor holds (neurons, times); plot() wants columns
		if values, err = runtime.GetAttr(values, "T"); err != nil {
			return runtime.Value{}, err
		}
	} else {
		times, values = args[0], args[1]
	}
	if own.has("time_unit") {
		if err := forceUnit(fn, ax.x.unit, own.get("time_unit")); err != nil {
			return runtime.Value{}, err
		}
	}
	if own.has("var_unit") {
		if err := forceUnit(fn, ax.y.unit, own.get("var_unit")); err != nil {
			return runtime.Value{}, err
		}
	}
	if _, err := callPlot(ax, th, []runtime.Value{times, values}, nil, rest); err != nil {
		return runtime.Value{}, err
	}
	if ax.x.label == "" && !ax.x.hideLabels {
		ax.x.label = "time"
	}
	if ax.y.label == "" {
		ax.y.label = name
	}
	return runtime.MakeObj(ax), nil
}

// plotRate is plot_rate(rate_monitor) or plot_rate(times, rates), with
// smooth_width= (a Gaussian smoothing window for monitors), time_unit=,
// rate_unit=, axes= and plot() keywords.
func plotRate(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "plot_rate"
	own, rest := splitHelperKw(kwargs, "time_unit", "rate_unit", "smooth_width", "axes")
	own.fn = fn
	ax, err := helperAxes(fn, th, own)
	if err != nil {
		return runtime.Value{}, err
	}
	var times, rates runtime.Value
	switch len(args) {
	case 1:
		if times, err = attr(fn, args[0], "t"); err != nil {
			return runtime.Value{}, err
		}
		if own.has("smooth_width") {
			smooth, err := attr(fn, args[0], "smooth_rate")
			if err != nil {
				return runtime.Value{}, err
			}
			if rates, err = runtime.Call(th, smooth, nil, []runtime.Kwarg{{Name: "window", Value: runtime.MakeStr("gaussian")}, {Name: "width", Value: own.get("smooth_width")}}); err != nil {
				return runtime.Value{}, err
			}
		} else if rates, err = attr(fn, args[0], "rate"); err != nil {
			return runtime.Value{}, err
		}
	case 2:
		times, rates = args[0], args[1]
	default:
		return runtime.Value{}, runtime.Errorf("%s() takes a PopulationRateMonitor or (times, rates)", fn)
	}
	if own.has("time_unit") {
		if err := forceUnit(fn, ax.x.unit, own.get("time_unit")); err != nil {
			return runtime.Value{}, err
		}
	}
	if own.has("rate_unit") {
		if err := forceUnit(fn, ax.y.unit, own.get("rate_unit")); err != nil {
			return runtime.Value{}, err
		}
	}
	if _, err := callPlot(ax, th, []runtime.Value{times, rates}, nil, rest); err != nil {
		return runtime.Value{}, err
	}
	if ax.x.label == "" && !ax.x.hideLabels {
		ax.x.label = "time"
	}
	if ax.y.label == "" {
		ax.y.label = "rate"
	}
	return runtime.MakeObj(ax), nil
}

// brianPlot is brian_plot(monitor): the matching helper for a
// SpikeMonitor, StateMonitor (its first variable) or
// PopulationRateMonitor.
func brianPlot(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	if len(args) != 1 {
		return runtime.Value{}, runtime.Errorf("brian_plot() takes one monitor")
	}
	switch runtime.TypeName(args[0]) {
	case "SpikeMonitor", "EventMonitor":
		return plotRaster(th, args, kwargs)
	case "PopulationRateMonitor":
		return plotRate(th, args, kwargs)
	case "StateMonitor":
		names, ok := args[0].Obj().(runtime.HasAttrs)
		if ok {
			for _, n := range names.AttrNames() {
				switch n {
				case "t", "t_", "N", "record", "name":
					continue
				}
				if n[len(n)-1] != '_' {
					return plotState(th, []runtime.Value{args[0], runtime.MakeStr(n)}, kwargs)
				}
			}
		}
		return runtime.Value{}, runtime.Errorf("brian_plot(): the StateMonitor records no variable")
	}
	return runtime.Value{}, runtime.Errorf("brian_plot() plots SpikeMonitor, StateMonitor and PopulationRateMonitor objects, not %s", runtime.TypeName(args[0]))
}
