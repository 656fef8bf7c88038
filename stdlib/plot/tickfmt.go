package plot

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/sim-lang/sim/runtime"
)

func init() {
	for name, m := range map[string]method{
		"sharex":           axShare(false),
		"sharey":           axShare(true),
		"tick_params":      axTickParams,
		"ticklabel_format": axTicklabelFormat,
	} {
		axesMethods[name] = m
	}
	pyplotAxes["tick_params"] = "tick_params"
	pyplotAxes["ticklabel_format"] = "ticklabel_format"
}

// axShare returns sharex(other) / sharey(other): this axes takes its
// limits (and unit) from other's.
func axShare(y bool) method {
	fn := "share" + axisName(y)
	return func(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var v runtime.Value
		if err := runtime.UnpackArgs(fn, args, kwargs, "other", &v); err != nil {
			return runtime.Value{}, err
		}
		o, ok := v.Obj().(*Axes)
		if !ok {
			return runtime.Value{}, runtime.Errorf("%s(): other must be an Axes, not %s", fn, runtime.TypeName(v))
		}
		if (y && ax.shareY != nil) || (!y && ax.shareX != nil) {
			return runtime.Value{}, runtime.Errorf("ValueError: %s-axis is already shared", axisName(y))
		}
		for r := o; r != nil; r = map[bool]*Axes{false: r.shareX, true: r.shareY}[y] {
			if r == ax {
				return runtime.Value{}, runtime.Errorf("%s(): an axes cannot share its %s-axis with itself", fn, axisName(y))
			}
		}
		if y {
			ax.shareY, ax.y.unit = o, root(o, true).y.unit
		} else {
			ax.shareX, ax.x.unit = o, root(o, false).x.unit
		}
		return runtime.None, nil
	}
}

// tickParamsKw are the tick_params keywords sim draws; tickParamsOnly
// are accepted and drawn the same as the defaults.
var (
	tickParamsKw   = []string{"axis", "which", "reset", "labelbottom", "labelleft", "labelsize"}
	tickParamsOnly = []string{"direction", "length", "width", "color", "pad", "labelcolor", "colors", "zorder",
		"bottom", "top", "left", "right", "labeltop", "labelright", "labelrotation", "grid_color", "grid_alpha",
		"grid_linewidth", "grid_linestyle", "size", "tickdir", "gridOn", "tick1On", "tick2On", "label1On", "label2On"}
)

// axTickParams is tick_params(axis='both', which='major', ...):
// labelbottom=/labelleft= show or hide the tick labels, labelsize= sets
// their font size.
func axTickParams(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "tick_params"
	kw, err := parseKw(fn, kwargs, append(append([]string{}, tickParamsKw...), tickParamsOnly...)...)
	if err != nil {
		return runtime.Value{}, err
	}
	if err := bindArgs(fn, kw, args, "axis"); err != nil {
		return runtime.Value{}, err
	}
	which, err := axesChoice(kw)
	if err != nil {
		return runtime.Value{}, err
	}
	for _, y := range which {
		a := ax.axisOf(y)
		show := "labelbottom"
		if y {
			show = "labelleft"
		}
		if kw.has(show) {
			b, err := kw.bool(show, true)
			if err != nil {
				return runtime.Value{}, err
			}
			a.hideLabels = !b
		}
		if kw.has("labelsize") {
			if a.tickSize, err = fontSize(kwset{fn: fn, m: map[string]runtime.Value{"size": kw.get("labelsize")}}, ax.fig.style.fontSize); err != nil {
				return runtime.Value{}, err
			}
		}
	}
	return runtime.None, nil
}

// axesChoice reads axis='x'|'y'|'both' as the axes it names (false: x).
func axesChoice(kw kwset) ([]bool, error) {
	s, err := kw.str("axis", "both")
	if err != nil {
		return nil, err
	}
	switch s {
	case "x":
		return []bool{false}, nil
	case "y":
		return []bool{true}, nil
	case "both":
		return []bool{false, true}, nil
	}
	return nil, runtime.Errorf("ValueError: '%s' is not a valid value for axis; supported values are 'x', 'y', 'both'", s)
}

// axTicklabelFormat is ticklabel_format(axis='both', style=”,
// scilimits=None, useOffset=None, useLocale=None, useMathText=None):
// style='sci' writes tick labels as multiples of a power of ten shown at
// the end of the axis when the values' order of magnitude is outside
// scilimits (matplotlib's axes.formatter.limits, (-5, 6)); 'plain' never
// does. sim never subtracts an offset, so useOffset is accepted as is.
func axTicklabelFormat(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "ticklabel_format"
	kw, err := parseKw(fn, kwargs, "axis", "style", "scilimits", "useOffset", "useLocale", "useMathText")
	if err != nil {
		return runtime.Value{}, err
	}
	if len(args) > 0 {
		return runtime.Value{}, runtime.Errorf("%s() takes keyword arguments only", fn)
	}
	which, err := axesChoice(kw)
	if err != nil {
		return runtime.Value{}, err
	}
	style, err := kw.str("style", "")
	if err != nil {
		return runtime.Value{}, err
	}
	switch style {
	case "scientific":
		style = "sci"
	case "sci", "plain", "":
	default:
		return runtime.Value{}, runtime.Errorf("ValueError: '%s' is not a valid value for style; supported values are 'sci', 'scientific', 'plain', ''", style)
	}
	var lims [2]int
	if kw.has("scilimits") {
		s, err := runtime.ToSlice(kw.get("scilimits"))
		ok := err == nil && len(s) == 2
		for k := 0; ok && k < 2; k++ {
			var n int64
			n, ok = s[k].ToInt()
			lims[k] = int(n)
		}
		if !ok {
			return runtime.Value{}, runtime.Errorf("ValueError: scilimits must be a sequence of 2 integers")
		}
	}
	for _, y := range which {
		a := ax.axisOf(y)
		if style != "" {
			a.sciStyle = style
		}
		if kw.has("scilimits") {
			a.sciLimits, a.sciLimitsSet = lims, true
		}
	}
	return runtime.None, nil
}

// sciTicks relabels the ticks of another ticker in matplotlib's
// scientific style: when the largest tick's order of magnitude k is
// outside the limits, labels show value/10^k and the axis shows 1e{k}.
type sciTicks struct {
	plot.Ticker
	a *axisState
}

// scale returns the power of ten sciTicks divides by (0: none).
func (s sciTicks) scale(ts []plot.Tick) int {
	var big float64
	for _, t := range ts {
		big = math.Max(big, math.Abs(t.Value))
	}
	if big == 0 || s.a.sciStyle == "plain" {
		return 0
	}
	oom := int(math.Floor(math.Log10(big)))
	lo, hi := -5, 6 // axes.formatter.limits
	if s.a.sciLimitsSet {
		lo, hi = s.a.sciLimits[0], s.a.sciLimits[1]
	}
	if s.a.sciStyle != "sci" {
		// the default style: sim's own labels already switch to
		// exponents for very large and small values
		return 0
	}
	if (lo == 0 && hi == 0) || oom <= lo || oom >= hi {
		return oom
	}
	return 0
}

// Ticks implements plot.Ticker.
func (s sciTicks) Ticks(lo, hi float64) []plot.Tick {
	ts := s.Ticker.Ticks(lo, hi)
	k := s.scale(ts)
	if k == 0 && s.a.sciStyle != "plain" {
		return ts
	}
	f := math.Pow(10, float64(-k))
	var vals []float64
	for _, t := range ts {
		if !t.IsMinor() {
			vals = append(vals, t.Value*f)
		}
	}
	dec := decimalsFor(vals)
	for i := range ts {
		if !ts[i].IsMinor() {
			ts[i].Label = strconv.FormatFloat(ts[i].Value*f, 'f', dec, 64)
		}
	}
	return ts
}

// decimalsFor returns the fewest decimals (up to 10) that tell evenly
// spaced values apart exactly.
func decimalsFor(vals []float64) int {
	for d := 0; d < 10; d++ {
		p := math.Pow(10, float64(d))
		ok := true
		for _, v := range vals {
			if math.Abs(v*p-math.Round(v*p)) > 1e-6*math.Max(1, math.Abs(v*p)) {
				ok = false
				break
			}
		}
		if ok {
			return d
		}
	}
	return 10
}

// offsetText returns the power-of-ten note an axis shows ("1e-3"), or "".
func (s sciTicks) offsetText(lo, hi float64) string {
	if k := s.scale(s.Ticker.Ticks(lo, hi)); k != 0 {
		return "1e" + strconv.Itoa(k)
	}
	return ""
}

// drawOffsetText writes the power of ten of scientific tick labels at the
// top of the y axis and in the bottom right corner of the data area.
func drawOffsetText(p *plot.Plot, dc draw.Canvas) {
	if s, ok := p.Y.Tick.Marker.(sciTicks); ok {
		if txt := s.offsetText(p.Y.Min, p.Y.Max); txt != "" {
			sty := p.Y.Tick.Label
			sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
			dc.FillText(sty, vg.Point{X: dc.Min.X, Y: dc.Max.Y + vg.Points(2)}, txt)
		}
	}
	if s, ok := p.X.Tick.Marker.(sciTicks); ok {
		if txt := s.offsetText(p.X.Min, p.X.Max); txt != "" {
			sty := p.X.Tick.Label
			// inside the corner: sim's layout keeps no room under the
			// tick labels
			sty.XAlign, sty.YAlign = draw.XRight, draw.YBottom
			dc.FillText(sty, vg.Point{X: dc.Max.X - vg.Points(2), Y: dc.Min.Y + vg.Points(2)}, txt)
		}
	}
}
