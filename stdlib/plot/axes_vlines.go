package plot

import (
	"github.com/sim-lang/sim/runtime"
)

func init() {
	axesMethods["vlines"] = axLines(true)
	axesMethods["hlines"] = axLines(false)
	pyplotAxes["vlines"] = "vlines"
	pyplotAxes["hlines"] = "hlines"
}

// axLines returns Axes.vlines(x, ymin, ymax, colors=, linestyles=,
// linewidths=, label=, alpha=) or hlines(y, xmin, xmax, ...): one segment
// per position, the ends broadcast like matplotlib's; colors and styles
// may be one value or one per segment; the label goes to the first.
func axLines(vertical bool) method {
	fn, at, lo, hi := "hlines", "y", "xmin", "xmax"
	if vertical {
		fn, at, lo, hi = "vlines", "x", "ymin", "ymax"
	}
	return func(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		kw, err := parseKw(fn, kwargs, at, lo, hi, "colors", "color", "linestyles", "linestyle", "linewidths", "linewidth", "label", "alpha", "zorder", "clip_on")
		if err != nil {
			return runtime.Value{}, err
		}
		if err := bindArgs(fn, kw, args, at, lo, hi); err != nil {
			return runtime.Value{}, err
		}
		if err := require(fn, kw, at, lo, hi); err != nil {
			return runtime.Value{}, err
		}
		posUnit, endUnit := ax.y.unit, ax.x.unit
		if vertical {
			posUnit, endUnit = ax.x.unit, ax.y.unit
		}
		pos, err := posUnit.convert(fn, at, kw.get(at))
		if err != nil {
			return runtime.Value{}, err
		}
		los, err := endUnit.convert(fn, lo, kw.get(lo))
		if err != nil {
			return runtime.Value{}, err
		}
		his, err := endUnit.convert(fn, hi, kw.get(hi))
		if err != nil {
			return runtime.Value{}, err
		}
		n := len(pos.vals)
		l0, err := broadcast(fn, lo, los.vals, n)
		if err != nil {
			return runtime.Value{}, err
		}
		h0, err := broadcast(fn, hi, his.vals, n)
		if err != nil {
			return runtime.Value{}, err
		}
		perSegment := func(name string) []runtime.Value {
			if !kw.has(name) {
				return nil
			}
			v := kw.get(name)
			if _, isStr := runtime.AsString(v); !isStr {
				if elems, err := runtime.ToSlice(v); err == nil && len(elems) > 0 {
					return elems
				}
			}
			return []runtime.Value{v}
		}
		colors := perSegment("colors")
		if colors == nil {
			colors = perSegment("color")
		}
		styles := perSegment("linestyles")
		if styles == nil {
			styles = perSegment("linestyle")
		}
		widths := perSegment("linewidths")
		if widths == nil {
			widths = perSegment("linewidth")
		}
		for i := 0; i < n; i++ {
			lk, _ := parseKw(fn, nil)
			if colors != nil {
				lk.set("color", colors[i%len(colors)])
			} else {
				lk.set("color", runtime.MakeStr("C0"))
			}
			if styles != nil {
				lk.set("linestyle", styles[i%len(styles)])
			}
			if widths != nil {
				lk.set("linewidth", widths[i%len(widths)])
			}
			if kw.has("alpha") {
				lk.set("alpha", kw.get("alpha"))
			}
			if i == 0 && kw.has("label") {
				lk.set("label", kw.get("label"))
			}
			l, err := ax.lineFrom(fn, "", lk)
			if err != nil {
				return runtime.Value{}, err
			}
			if vertical {
				l.xs, l.ys = []float64{pos.vals[i], pos.vals[i]}, []float64{l0[i], h0[i]}
			} else {
				l.xs, l.ys = []float64{l0[i], h0[i]}, []float64{pos.vals[i], pos.vals[i]}
			}
			ax.add(l)
		}
		return runtime.None, nil
	}
}
