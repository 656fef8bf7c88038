package plot

import (
	"image/color"
	"strconv"
	"strings"

	"golang.org/x/image/colornames"

	"github.com/sim-lang/sim/runtime"
)

// cycle is matplotlib's default colour cycle (tab10), 'C0'..'C9'.
var cycle = []color.NRGBA{
	{0x1f, 0x77, 0xb4, 0xff}, {0xff, 0x7f, 0x0e, 0xff}, {0x2c, 0xa0, 0x2c, 0xff},
	{0xd6, 0x27, 0x28, 0xff}, {0x94, 0x67, 0xbd, 0xff}, {0x8c, 0x56, 0x4b, 0xff},
	{0xe3, 0x77, 0xc2, 0xff}, {0x7f, 0x7f, 0x7f, 0xff}, {0xbc, 0xbd, 0x22, 0xff},
	{0x17, 0xbe, 0xcf, 0xff},
}

// tabNames are the names of the tab10 colours ('tab:blue', ...).
var tabNames = []string{"blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan"}

// baseColors are matplotlib's one-letter colours.
var baseColors = map[byte]color.NRGBA{
	'b': {0, 0, 255, 255},
	'g': {0, 128, 0, 255},
	'r': {255, 0, 0, 255},
	'c': {0, 191, 191, 255},
	'm': {191, 0, 191, 255},
	'y': {191, 191, 0, 255},
	'k': {0, 0, 0, 255},
	'w': {255, 255, 255, 255},
}

// transparent is the colour 'none'.
var transparent = color.NRGBA{}

// parseColorString reads a matplotlib colour string: a one-letter base
// colour, 'C0'..'C9', 'tab:blue', a CSS name, '#rgb', '#rrggbb',
// '#rrggbbaa', a grey level such as '0.5', or 'none'.
func parseColorString(s string) (color.NRGBA, bool) {
	t := strings.ToLower(strings.TrimSpace(s))
	if len(t) == 1 {
		c, ok := baseColors[t[0]]
		return c, ok
	}
	if len(t) == 2 && t[0] == 'c' && t[1] >= '0' && t[1] <= '9' {
		return cycle[t[1]-'0'], true
	}
	if t == "none" {
		return transparent, true
	}
	if name, ok := strings.CutPrefix(t, "tab:"); ok {
		for k, n := range tabNames {
			if n == name || (name == "grey" && n == "gray") {
				return cycle[k], true
			}
		}
		return color.NRGBA{}, false
	}
	if strings.HasPrefix(t, "#") {
		return parseHex(t[1:])
	}
	if f, err := strconv.ParseFloat(t, 64); err == nil {
		if f < 0 || f > 1 {
			return color.NRGBA{}, false
		}
		g := uint8(f*255 + 0.5)
		return color.NRGBA{g, g, g, 255}, true
	}
	t = strings.ReplaceAll(t, " ", "")
	if c, ok := colornames.Map[t]; ok {
		return color.NRGBA{c.R, c.G, c.B, c.A}, true
	}
	return color.NRGBA{}, false
}

// parseHex reads rgb, rgba, rrggbb or rrggbbaa hex digits.
func parseHex(h string) (color.NRGBA, bool) {
	if len(h) == 3 || len(h) == 4 {
		var b strings.Builder
		for _, r := range h {
			b.WriteRune(r)
			b.WriteRune(r)
		}
		h = b.String()
	}
	if len(h) != 6 && len(h) != 8 {
		return color.NRGBA{}, false
	}
	if len(h) == 6 {
		h += "ff"
	}
	n, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return color.NRGBA{}, false
	}
	return color.NRGBA{uint8(n >> 24), uint8(n >> 16), uint8(n >> 8), uint8(n)}, true
}

// parseColor reads a colour argument: a string (see parseColorString) or
// a tuple of three or four numbers between 0 and 1.
func parseColor(fn string, v runtime.Value) (color.NRGBA, error) {
	if s, ok := runtime.AsString(v); ok {
		if c, ok := parseColorString(s); ok {
			return c, nil
		}
		return color.NRGBA{}, runtime.Errorf("%s(): %q is not a colour (use a name like 'red' or 'C1', '#1f77b4', a grey level '0.5' or an (r, g, b) tuple)", fn, s)
	}
	elems, err := runtime.ToSlice(v)
	if err == nil && (len(elems) == 3 || len(elems) == 4) {
		var c [4]float64
		c[3] = 1
		for k, e := range elems {
			f, ok := e.ToFloat()
			if !ok || f < 0 || f > 1 {
				return color.NRGBA{}, runtime.Errorf("%s(): colour tuples hold numbers between 0 and 1", fn)
			}
			c[k] = f
		}
		return color.NRGBA{u8(c[0]), u8(c[1]), u8(c[2]), u8(c[3])}, nil
	}
	return color.NRGBA{}, runtime.Errorf("%s(): a colour must be a string or an (r, g, b) tuple, not %s", fn, runtime.TypeName(v))
}

// u8 converts a fraction in [0, 1] to a byte.
func u8(f float64) uint8 {
	switch {
	case f <= 0:
		return 0
	case f >= 1:
		return 255
	}
	return uint8(f*255 + 0.5)
}

// withAlpha returns c with its opacity multiplied by alpha.
func withAlpha(c color.NRGBA, alpha float64) color.NRGBA {
	c.A = u8(float64(c.A) / 255 * alpha)
	return c
}

// isColorString reports whether s names a colour (used to tell a format
// string like 'red' from one like 'r--').
func isColorString(s string) bool {
	_, ok := parseColorString(s)
	return ok
}
