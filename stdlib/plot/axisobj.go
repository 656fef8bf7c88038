package plot

import (
	"fmt"
	"strings"

	"gonum.org/v1/plot"

	"github.com/sim-lang/sim/runtime"
)

// AxisObj is ax.xaxis or ax.yaxis: the axis's locator and formatter
// (set_major_locator, set_major_formatter) and the side calls
// (tick_right, set_label_position) scripts make. sim draws minor ticks
// never and ticks on the left and bottom always; those calls are
// checked and accepted.
type AxisObj struct {
	ax *Axes
	y  bool
}

// axisMethod is the Go signature of an AxisObj method.
type axisMethod func(o *AxisObj, fn string, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error)

// sideNames are the valid positions of set_ticks_position and
// set_label_position per axis (false: x).
var sideNames = map[bool][]string{false: {"top", "bottom", "both", "default", "none"}, true: {"left", "right", "both", "default", "none"}}

// axisMethods are the methods of AxisObj.
var axisMethods = map[string]axisMethod{
	"set_major_locator": func(o *AxisObj, fn string, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var v runtime.Value
		if err := runtime.UnpackArgs(fn, args, kwargs, "locator", &v); err != nil {
			return runtime.Value{}, err
		}
		l, ok := v.Obj().(*Locator)
		if !ok {
			return runtime.Value{}, runtime.Errorf("%s(): locator must be a matplotlib.ticker locator, not %s", fn, runtime.TypeName(v))
		}
		a := o.ax.axisOf(o.y)
		a.locator, a.ticksSet = l, false
		return runtime.None, nil
	},
	"set_major_formatter": func(o *AxisObj, fn string, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var v runtime.Value
		if err := runtime.UnpackArgs(fn, args, kwargs, "formatter", &v); err != nil {
			return runtime.Value{}, err
		}
		f, err := asFormatter(fn, v)
		if err != nil {
			return runtime.Value{}, err
		}
		o.ax.axisOf(o.y).formatter = f
		return runtime.None, nil
	},
	"set_minor_locator": func(o *AxisObj, fn string, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var v runtime.Value
		if err := runtime.UnpackArgs(fn, args, kwargs, "locator", &v); err != nil {
			return runtime.Value{}, err
		}
		if _, ok := v.Obj().(*Locator); !ok {
			return runtime.Value{}, runtime.Errorf("%s(): locator must be a matplotlib.ticker locator, not %s", fn, runtime.TypeName(v))
		}
		return runtime.None, nil
	},
	"set_minor_formatter": func(o *AxisObj, fn string, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var v runtime.Value
		if err := runtime.UnpackArgs(fn, args, kwargs, "formatter", &v); err != nil {
			return runtime.Value{}, err
		}
		_, err := asFormatter(fn, v)
		return runtime.None, err
	},
	"tick_left":          axisSide("left"),
	"tick_right":         axisSide("right"),
	"tick_top":           axisSide("top"),
	"tick_bottom":        axisSide("bottom"),
	"set_ticks_position": axisPosition,
	"set_label_position": axisPosition,
	"set_visible":        axisVisible,
	"get_major_locator": func(o *AxisObj, fn string, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		if l := o.ax.axisOf(o.y).locator; l != nil {
			return runtime.MakeObj(l), runtime.UnpackArgs(fn, args, kwargs)
		}
		return runtime.MakeObj(&Locator{kind: "AutoLocator"}), runtime.UnpackArgs(fn, args, kwargs)
	},
}

// asFormatter reads a formatter: a ticker formatter, a format string
// ('{x:.1f}' as StrMethodFormatter) or a function (as FuncFormatter),
// as matplotlib 3.3+ accepts.
func asFormatter(fn string, v runtime.Value) (*Formatter, error) {
	if f, ok := v.Obj().(*Formatter); ok {
		return f, nil
	}
	if s, ok := runtime.AsString(v); ok {
		return &Formatter{kind: "StrMethodFormatter", fmt: s}, nil
	}
	return nil, runtime.Errorf("%s(): formatter must be a matplotlib.ticker formatter or a str, not %s", fn, runtime.TypeName(v))
}

// axisSide returns tick_left() etc.
func axisSide(side string) axisMethod {
	return func(o *AxisObj, fn string, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.UnpackArgs(fn, args, kwargs); err != nil {
			return runtime.Value{}, err
		}
		for _, s := range sideNames[o.y] {
			if s == side {
				return runtime.None, nil
			}
		}
		return runtime.Value{}, runtime.Errorf("'%s' object has no attribute '%s'", map[bool]string{false: "XAxis", true: "YAxis"}[o.y], fn)
	}
}

// axisPosition is set_ticks_position(pos) / set_label_position(pos).
func axisPosition(o *AxisObj, fn string, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var pos string
	if err := runtime.UnpackArgs(fn, args, kwargs, "position", &pos); err != nil {
		return runtime.Value{}, err
	}
	valid := sideNames[o.y]
	if fn == "set_label_position" {
		valid = valid[:2]
	}
	for _, s := range valid {
		if s == pos {
			return runtime.None, nil
		}
	}
	return runtime.Value{}, runtime.Errorf("ValueError: '%s' is not a valid value for position; supported values are '%s'", pos, strings.Join(valid, "', '"))
}

// axisVisible is set_visible(b): hides the tick labels and the label.
func axisVisible(o *AxisObj, fn string, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var b runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "b", &b); err != nil {
		return runtime.Value{}, err
	}
	v, err := runtime.Truth(b)
	a := o.ax.axisOf(o.y)
	a.hideLabels = !v
	if !v {
		a.label = ""
	}
	return runtime.None, err
}

// Type implements runtime.Object.
func (o *AxisObj) Type() string { return map[bool]string{false: "XAxis", true: "YAxis"}[o.y] }

// String implements runtime.Object.
func (o *AxisObj) String() string { return fmt.Sprintf("%s(%s)", o.Type(), o.ax.String()) }

// Truth implements runtime.Object.
func (o *AxisObj) Truth() (bool, error) { return true, nil }

// Attr implements runtime.HasAttrs.
func (o *AxisObj) Attr(name string) (runtime.Value, error) {
	m, ok := axisMethods[name]
	if !ok {
		return runtime.Value{}, nil
	}
	return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return m(o, name, args, kwargs)
	}), nil
}

// AttrNames implements runtime.HasAttrs.
func (o *AxisObj) AttrNames() []string { return sortedKeys(axisMethods) }

// locatedTicks places ticks with a script's locator and labels them with
// its formatter (either may be nil: the default ticks or labels). The
// first formatter error is kept in a.fmtErr for the figure to report.
type locatedTicks struct {
	plot.Ticker
	a *axisState
}

// Ticks implements plot.Ticker.
func (t locatedTicks) Ticks(lo, hi float64) []plot.Tick {
	ts := t.Ticker.Ticks(lo, hi)
	if t.a.locator != nil {
		if vs, ok := t.a.locator.locs(lo, hi); ok {
			ts = make([]plot.Tick, len(vs))
			dec := decimalsFor(vs)
			for k, v := range vs {
				ts[k] = plot.Tick{Value: v, Label: tickLabel(v, dec)}
			}
		}
	}
	if f := t.a.formatter; f != nil && f.kind != "ScalarFormatter" {
		pos := 0
		for k := range ts {
			if ts[k].IsMinor() {
				continue
			}
			s, err := f.label(ts[k].Value, pos)
			if err != nil && t.a.fmtErr == nil {
				t.a.fmtErr = err
			}
			ts[k].Label = s
			pos++
		}
	}
	return ts
}

// formatterError returns (and clears) the first error a tick formatter
// gave while the figure was drawn.
func (f *Figure) formatterError() error {
	for _, ax := range f.axes {
		for _, a := range []*axisState{&ax.x, &ax.y} {
			if err := a.fmtErr; err != nil {
				a.fmtErr = nil
				return err
			}
		}
	}
	return nil
}
