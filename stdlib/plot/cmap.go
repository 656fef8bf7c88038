package plot

import (
	"image/color"
	"math"
	"sort"
	"strings"

	"github.com/sim-lang/sim/runtime"
)

// colormap maps [0, 1] to colours by linear interpolation between
// evenly spaced anchors (sampled from matplotlib's maps).
type colormap struct {
	name    string
	anchors []color.NRGBA
}

// hexes builds anchors from '#rrggbb' strings.
func hexes(hs ...string) []color.NRGBA {
	out := make([]color.NRGBA, len(hs))
	for k, h := range hs {
		out[k], _ = parseHex(strings.TrimPrefix(h, "#"))
	}
	return out
}

// colormaps are the maps known by name; a '_r' suffix reverses one.
var colormaps = map[string][]color.NRGBA{
	"viridis":  hexes("#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725"),
	"plasma":   hexes("#0d0887", "#46039f", "#7201a8", "#9c179e", "#bd3786", "#d8576b", "#ed7953", "#fb9f3a", "#fdca26", "#f0f921"),
	"inferno":  hexes("#000004", "#1b0c41", "#4a0c6b", "#781c6d", "#a52c60", "#cf4446", "#ed6925", "#fb9b06", "#f7d13d", "#fcffa4"),
	"magma":    hexes("#000004", "#180f3d", "#440f76", "#721f81", "#9e2f7f", "#cd4071", "#f1605d", "#fd9668", "#feca8d", "#fcfdbf"),
	"cividis":  hexes("#00224e", "#123570", "#3b496c", "#575d6d", "#707173", "#8a8779", "#a69d75", "#c4b56c", "#e4cf5b", "#fee838"),
	"gray":     hexes("#000000", "#ffffff"),
	"grey":     hexes("#000000", "#ffffff"),
	"Greys":    hexes("#ffffff", "#000000"),
	"binary":   hexes("#ffffff", "#000000"),
	"hot":      hexes("#0a0000", "#5e0000", "#b30000", "#ff0800", "#ff5d00", "#ffb200", "#ffff0a", "#ffff84", "#ffffff"),
	"cool":     hexes("#00ffff", "#ff00ff"),
	"jet":      hexes("#00007f", "#0000ff", "#007fff", "#00ffff", "#7fff7f", "#ffff00", "#ff7f00", "#ff0000", "#7f0000"),
	"coolwarm": hexes("#3b4cc0", "#6282ea", "#8db0fe", "#b8d0f9", "#dddcdc", "#f5c4ac", "#f49a7b", "#de604d", "#b40426"),
	"bwr":      hexes("#0000ff", "#ffffff", "#ff0000"),
	"seismic":  hexes("#00004c", "#0000ff", "#ffffff", "#ff0000", "#7f0000"),
	"RdBu":     hexes("#67001f", "#d6604d", "#f7f7f7", "#4393c3", "#053061"),
	"Blues":    hexes("#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"),
	"Reds":     hexes("#fff5f0", "#fcbba1", "#fb6a4a", "#cb181d", "#67000d"),
	"Greens":   hexes("#f7fcf5", "#c7e9c0", "#74c476", "#238b45", "#00441b"),
	"autumn":   hexes("#ff0000", "#ffff00"),
	"winter":   hexes("#0000ff", "#00ff80"),
	"summer":   hexes("#008066", "#ffff66"),
	"spring":   hexes("#ff00ff", "#ffff00"),
}

// cmapNames lists the known colour maps, sorted.
func cmapNames() []string {
	names := make([]string, 0, len(colormaps))
	for n := range colormaps {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// lookupCmap returns the colour map called name ('viridis', 'gray_r').
func lookupCmap(name string) (*colormap, bool) {
	base, rev := strings.CutSuffix(name, "_r")
	a, ok := colormaps[base]
	if !ok {
		return nil, false
	}
	if rev {
		r := make([]color.NRGBA, len(a))
		for k := range a {
			r[k] = a[len(a)-1-k]
		}
		a = r
	}
	return &colormap{name: name, anchors: a}, true
}

// at returns the colour at f in [0, 1] (clamped; NaN is transparent).
func (m *colormap) at(f float64) color.NRGBA {
	if math.IsNaN(f) {
		return transparent
	}
	f = math.Max(0, math.Min(1, f))
	n := len(m.anchors) - 1
	pos := f * float64(n)
	k := int(pos)
	if k >= n {
		return m.anchors[n]
	}
	t := pos - float64(k)
	a, b := m.anchors[k], m.anchors[k+1]
	mix := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t + 0.5) }
	return color.NRGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 255}
}

// Colormap is the script object of a colour map (plt.get_cmap('viridis'),
// plt.cm.viridis); calling it maps numbers in [0, 1] to RGBA tuples.
type Colormap struct{ m *colormap }

// Type implements runtime.Object.
func (c *Colormap) Type() string { return "Colormap" }

// String implements runtime.Object.
func (c *Colormap) String() string { return "<Colormap '" + c.m.name + "'>" }

// Truth implements runtime.Object.
func (c *Colormap) Truth() (bool, error) { return true, nil }

// Name implements runtime.Callable.
func (c *Colormap) Name() string { return c.m.name }

// Call implements runtime.Callable: cmap(0.3) is an (r, g, b, a) tuple.
func (c *Colormap) Call(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var x float64
	if err := runtime.UnpackArgs(c.m.name, args, kwargs, "x", &x); err != nil {
		return runtime.Value{}, err
	}
	col := c.m.at(x)
	f := func(u uint8) runtime.Value { return runtime.MakeFloat(float64(u) / 255) }
	return runtime.MakeTuple(f(col.R), f(col.G), f(col.B), f(col.A)), nil
}

// Attr implements runtime.HasAttrs.
func (c *Colormap) Attr(name string) (runtime.Value, error) {
	if name == "name" {
		return runtime.MakeStr(c.m.name), nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (c *Colormap) AttrNames() []string { return []string{"name"} }

// parseCmap reads a cmap= argument: a name or a Colormap.
func parseCmap(fn string, v runtime.Value) (*colormap, error) {
	if !v.IsValid() || v.IsNone() {
		m, _ := lookupCmap("viridis")
		return m, nil
	}
	if c, ok := v.Obj().(*Colormap); ok {
		return c.m, nil
	}
	s, ok := runtime.AsString(v)
	if !ok {
		return nil, runtime.Errorf("%s(): cmap must be a colour map name, not %s", fn, runtime.TypeName(v))
	}
	m, ok := lookupCmap(s)
	if !ok {
		return nil, runtime.Errorf("%s(): unknown colour map %q%s (known: %s)", fn, s, runtime.Suggest(s, cmapNames()), strings.Join(cmapNames(), ", "))
	}
	return m, nil
}

// cmModule builds plt.cm: every colour map as an attribute.
func cmModule() *runtime.Module {
	m := &runtime.Module{Name: "matplotlib.cm", Members: map[string]runtime.Value{}}
	for _, n := range cmapNames() {
		for _, name := range []string{n, n + "_r"} {
			c, _ := lookupCmap(name)
			m.Members[name] = runtime.MakeObj(&Colormap{m: c})
		}
	}
	m.Members["get_cmap"] = runtime.NewBuiltin("get_cmap", getCmap)
	return m
}

// getCmap is plt.get_cmap(name).
func getCmap(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var name runtime.Value
	if err := runtime.UnpackArgs("get_cmap", args, kwargs, "name?", &name); err != nil {
		return runtime.Value{}, err
	}
	m, err := parseCmap("get_cmap", name)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(&Colormap{m: m}), nil
}
