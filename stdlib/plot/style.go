package plot

import (
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/sim-lang/sim/runtime"
)

// fmtSpec is a parsed matplotlib format string such as 'r--' or 'ko'.
type fmtSpec struct {
	color    color.NRGBA
	hasColor bool
	marker   string // "" for none
	line     string // "-", "--", "-.", ":" or "" when not given
	hasLine  bool
}

// lineStyles maps matplotlib line-style names to their short forms.
var lineStyles = map[string]string{
	"-": "-", "solid": "-",
	"--": "--", "dashed": "--",
	"-.": "-.", "dashdot": "-.",
	":": ":", "dotted": ":",
	"None": "", "none": "", "": "", " ": "",
}

// dashPatterns are matplotlib's dash patterns, in multiples of the line
// width (lines.dashed_pattern etc.).
var dashPatterns = map[string][]float64{
	"--": {3.7, 1.6},
	"-.": {6.4, 1.6, 1, 1.6},
	":":  {1, 1.65},
}

// markers are the marker characters sim draws.
const markers = ".,ov^<>spP*hH8+xXDd|_"

// parseFmt parses a format string: optional colour, marker and line
// style in any order ('r--', 'o', 'k.', 'C2-.'), or a colour name alone.
func parseFmt(s string) (fmtSpec, error) {
	var f fmtSpec
	if s == "" {
		return f, nil
	}
	if len(s) > 1 && !strings.ContainsAny(s[:1], "-:") && isColorString(s) && !(len(s) == 2 && strings.IndexByte(markers, s[0]) >= 0 && s[0] != 'C') {
		f.color, _ = parseColorString(s)
		f.hasColor = true
		return f, nil
	}
	for i := 0; i < len(s); {
		rest := s[i:]
		switch {
		case strings.HasPrefix(rest, "--") || strings.HasPrefix(rest, "-."):
			if f.hasLine {
				return f, runtime.Errorf("format string %q has two line styles", s)
			}
			f.line, f.hasLine = rest[:2], true
			i += 2
		case rest[0] == '-' || rest[0] == ':':
			if f.hasLine {
				return f, runtime.Errorf("format string %q has two line styles", s)
			}
			f.line, f.hasLine = rest[:1], true
			i++
		case rest[0] == 'C' && len(rest) > 1 && rest[1] >= '0' && rest[1] <= '9':
			if f.hasColor {
				return f, runtime.Errorf("format string %q has two colours", s)
			}
			f.color, f.hasColor = cycle[rest[1]-'0'], true
			i += 2
		case baseColors[rest[0]] != (color.NRGBA{}) || rest[0] == 'k':
			if f.hasColor {
				return f, runtime.Errorf("format string %q has two colours", s)
			}
			f.color, f.hasColor = baseColors[rest[0]], true
			i++
		case strings.IndexByte(markers, rest[0]) >= 0:
			if f.marker != "" {
				return f, runtime.Errorf("format string %q has two markers", s)
			}
			f.marker = rest[:1]
			i++
		default:
			return f, runtime.Errorf("unrecognised character %q in format string %q", rest[0], s)
		}
	}
	return f, nil
}

// parseLineStyle reads a linestyle= argument: a name or short form, or a
// dash tuple (offset, (on, off, ...)) in multiples of the line width.
func parseLineStyle(fn string, v runtime.Value) (string, []float64, error) {
	if s, ok := runtime.AsString(v); ok {
		if ls, ok := lineStyles[s]; ok {
			return ls, nil, nil
		}
		return "", nil, runtime.Errorf("%s(): unknown line style %q (use '-', '--', '-.', ':' or 'solid', 'dashed', 'dashdot', 'dotted', 'none')", fn, s)
	}
	if v.IsNone() {
		return "", nil, nil
	}
	elems, err := runtime.ToSlice(v)
	if err == nil && len(elems) == 2 {
		seq, err := runtime.ToSlice(elems[1])
		if err == nil && len(seq) > 0 {
			out := make([]float64, len(seq))
			for k, e := range seq {
				f, ok := e.ToFloat()
				if !ok || f < 0 {
					return "", nil, runtime.Errorf("%s(): dash lengths must be non-negative numbers", fn)
				}
				out[k] = f
			}
			return "custom", out, nil
		}
	}
	return "", nil, runtime.Errorf("%s(): a line style must be a string or (offset, (on, off, ...)), not %s", fn, runtime.TypeName(v))
}

// dashes returns the dash pattern of a line style at a line width.
func dashes(style string, custom []float64, width float64) []vg.Length {
	pat := dashPatterns[style]
	if style == "custom" {
		pat = custom
	}
	if pat == nil {
		return nil
	}
	if width < 1 {
		width = 1
	}
	out := make([]vg.Length, len(pat))
	for k, p := range pat {
		out[k] = vg.Points(p * width)
	}
	return out
}

// glyph draws a matplotlib marker. Radius is half the marker size.
type glyph struct {
	kind byte
	// edge is the outline colour of filled markers (zero: none).
	edge color.NRGBA
}

// regular returns the vertices of a regular polygon of n sides around
// pt, starting at angle a0 (radians, 0 = right).
func regular(pt vg.Point, r vg.Length, n int, a0 float64) []vg.Point {
	pts := make([]vg.Point, n)
	for k := range pts {
		a := a0 + 2*math.Pi*float64(k)/float64(n)
		pts[k] = vg.Point{X: pt.X + r*vg.Length(math.Cos(a)), Y: pt.Y + r*vg.Length(math.Sin(a))}
	}
	return pts
}

// star returns the vertices of a five-pointed star.
func star(pt vg.Point, r vg.Length) []vg.Point {
	pts := make([]vg.Point, 10)
	for k := range pts {
		rr := r
		if k%2 == 1 {
			rr = r * 0.38
		}
		a := math.Pi/2 + math.Pi*float64(k)/5
		pts[k] = vg.Point{X: pt.X + rr*vg.Length(math.Cos(a)), Y: pt.Y + rr*vg.Length(math.Sin(a))}
	}
	return pts
}

// DrawGlyph implements draw.GlyphDrawer.
func (g glyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	r := sty.Radius
	var poly []vg.Point
	switch g.kind {
	case 'o', '.', ',':
		draw.CircleGlyph{}.DrawGlyph(c, sty, pt)
		if g.edge.A != 0 {
			draw.RingGlyph{}.DrawGlyph(c, draw.GlyphStyle{Color: g.edge, Radius: r, Shape: draw.RingGlyph{}}, pt)
		}
		return
	case 's':
		poly = regular(pt, r*1.2, 4, math.Pi/4)
	case 'D':
		poly = regular(pt, r*1.1, 4, 0)
	case 'd':
		poly = []vg.Point{{X: pt.X, Y: pt.Y + r}, {X: pt.X + r*0.6, Y: pt.Y}, {X: pt.X, Y: pt.Y - r}, {X: pt.X - r*0.6, Y: pt.Y}}
	case '^':
		poly = regular(pt, r*1.1, 3, math.Pi/2)
	case 'v':
		poly = regular(pt, r*1.1, 3, -math.Pi/2)
	case '<':
		poly = regular(pt, r*1.1, 3, math.Pi)
	case '>':
		poly = regular(pt, r*1.1, 3, 0)
	case 'p':
		poly = regular(pt, r*1.1, 5, math.Pi/2)
	case 'h':
		poly = regular(pt, r*1.1, 6, math.Pi/2)
	case 'H':
		poly = regular(pt, r*1.1, 6, 0)
	case '8':
		poly = regular(pt, r*1.1, 8, math.Pi/8)
	case '*':
		poly = star(pt, r*1.3)
	case '+', 'x', 'P', 'X', '|', '_':
		g.stroke(c, sty, pt)
		return
	default:
		draw.CircleGlyph{}.DrawGlyph(c, sty, pt)
		return
	}
	c.FillPolygon(sty.Color, poly)
	if g.edge.A != 0 {
		c.StrokeLines(draw.LineStyle{Color: g.edge, Width: vg.Points(1)}, append(poly, poly[0]))
	}
}

// stroke draws the line markers (+ x | _ and their thick forms P X).
func (g glyph) stroke(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	r := sty.Radius
	w := vg.Points(1)
	if g.kind == 'P' || g.kind == 'X' {
		w = r * 0.6
	}
	ls := draw.LineStyle{Color: sty.Color, Width: w}
	h := func(dx, dy vg.Length) []vg.Point {
		return []vg.Point{{X: pt.X - dx, Y: pt.Y - dy}, {X: pt.X + dx, Y: pt.Y + dy}}
	}
	switch g.kind {
	case '+', 'P':
		c.StrokeLines(ls, h(r, 0), h(0, r))
	case 'x', 'X':
		d := r * 0.75
		c.StrokeLines(ls, h(d, d), []vg.Point{{X: pt.X - d, Y: pt.Y + d}, {X: pt.X + d, Y: pt.Y - d}})
	case '|':
		c.StrokeLines(ls, h(0, r))
	case '_':
		c.StrokeLines(ls, h(r, 0))
	}
}

// markerRadius returns the glyph radius of a marker of size ms points
// (matplotlib draws '.' at half size and ',' as a pixel).
func markerRadius(kind string, ms float64) vg.Length {
	switch kind {
	case ".":
		return vg.Points(ms / 4)
	case ",":
		return vg.Points(0.5)
	}
	return vg.Points(ms / 2)
}

// parseMarker checks a marker= argument.
func parseMarker(fn string, v runtime.Value) (string, error) {
	if v.IsNone() {
		return "", nil
	}
	s, ok := runtime.AsString(v)
	if !ok {
		return "", runtime.Errorf("%s(): marker must be a string, not %s", fn, runtime.TypeName(v))
	}
	if s == "" || s == "None" || s == "none" || s == " " {
		return "", nil
	}
	if len(s) != 1 || strings.IndexByte(markers, s[0]) < 0 {
		return "", runtime.Errorf("%s(): unknown marker %q (known: %s)", fn, s, strings.Join(strings.Split(markers, ""), " "))
	}
	return s, nil
}
