package plot

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/sim-lang/sim/runtime"
)

// textOnly are matplotlib Text properties that labels, titles and text
// accept but sim draws the same either way (one font family and weight).
var textOnly = []string{"fontweight", "weight", "family", "fontfamily", "fontname", "style", "fontstyle",
	"fontstretch", "fontvariant", "backgroundcolor", "bbox", "usetex", "wrap", "alpha", "zorder",
	"visible", "clip_on", "linespacing", "multialignment", "ma", "fontproperties"}

// withText returns names followed by textOnly, for parseKw.
func withText(names ...string) []string { return append(names, textOnly...) }

// rotationOf reads rotation=: degrees, 'horizontal' (0) or 'vertical'
// (90); def when absent.
func rotationOf(kw kwset, def float64) (float64, error) {
	if !kw.has("rotation") {
		return def, nil
	}
	if s, ok := runtime.AsString(kw.get("rotation")); ok {
		switch s {
		case "horizontal":
			return 0, nil
		case "vertical":
			return 90, nil
		}
		return 0, runtime.Errorf("%s(): rotation must be a number of degrees, 'horizontal' or 'vertical', not %q", kw.fn, s)
	}
	return kw.float("rotation", def)
}

// styleLabel applies set_xlabel/set_ylabel's rotation=, labelpad= and
// color= to a gonum axis label (gonum turns a vertical axis's label by 90
// degrees itself).
func (a *axisState) styleLabel(pa *plot.Axis, vertical bool) {
	if a.labelRotSet {
		rot := a.labelRot
		if vertical {
			rot -= 90
		}
		pa.Label.TextStyle.Rotation = rot * math.Pi / 180
	}
	if a.labelPadSet {
		pa.Label.Padding = vg.Points(a.labelPad)
	}
	if a.labelColorSet {
		pa.Label.TextStyle.Color = a.labelColor
	}
}
