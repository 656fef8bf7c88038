package plot

import (
	"fmt"
	"math"
	"strings"

	"github.com/sim-lang/sim/runtime"
)

// Series is one curve of a text plot: points (X[k], Y[k]) joined by
// lines, or dots only when Dots is set.
type Series struct {
	X, Y []float64
	Dots bool
}

// Preview is the size of the terminal previews that show() prints after
// writing a figure, stored in a thread under TextPreviewKey by the REPL.
type Preview struct{ Width, Height int }

// TextPreviewKey is the thread-local key of a Preview.
const TextPreviewKey = "plot.preview"

// braille dot bits by (column, row) inside a 2×4 cell.
var brailleBits = [2][4]rune{{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}}

// TextPlot draws series with Unicode braille characters in a plot area
// of width × height character cells (2 × 4 dots each), with the y range
// on the left and the x range below; xunit and yunit name the units.
func TextPlot(series []Series, width, height int, title, xunit, yunit string) string {
	width, height = max(width, 8), max(height, 2)
	xlo, xhi, ylo, yhi := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
	for _, s := range series {
		for k := range s.Y {
			if k < len(s.X) && finite(s.X[k]) && finite(s.Y[k]) {
				xlo, xhi = math.Min(xlo, s.X[k]), math.Max(xhi, s.X[k])
				ylo, yhi = math.Min(ylo, s.Y[k]), math.Max(yhi, s.Y[k])
			}
		}
	}
	if xlo > xhi {
		return "(nothing to plot)\n"
	}
	if xlo == xhi {
		xlo, xhi = xlo-1, xhi+1
	}
	if ylo == yhi {
		ylo, yhi = ylo-1, yhi+1
	}
	W, H := 2*width, 4*height
	grid := make([][]rune, height)
	for r := range grid {
		grid[r] = make([]rune, width)
	}
	col := func(x float64) int { return int(math.Round((x - xlo) / (xhi - xlo) * float64(W-1))) }
	row := func(y float64) int { return int(math.Round((yhi - y) / (yhi - ylo) * float64(H-1))) }
	set := func(c, r int) {
		if c >= 0 && c < W && r >= 0 && r < H {
			grid[r/4][c/2] |= brailleBits[c%2][r%4]
		}
	}
	for _, s := range series {
		pc, pr, have := 0, 0, false
		for k := range s.Y {
			if k >= len(s.X) || !finite(s.X[k]) || !finite(s.Y[k]) {
				have = false
				continue
			}
			c, r := col(s.X[k]), row(s.Y[k])
			if have && !s.Dots {
				bresenham(pc, pr, c, r, set)
			} else {
				set(c, r)
			}
			pc, pr, have = c, r, true
		}
	}
	labels := map[int]string{0: num(yhi), height - 1: num(ylo)}
	if height >= 5 {
		labels[height/2] = num(yhi - (yhi-ylo)*(float64(height/2)*4+1.5)/float64(H-1))
	}
	margin := 0
	for _, l := range labels {
		margin = max(margin, len(l))
	}
	var b strings.Builder
	if title != "" {
		b.WriteString(strings.Repeat(" ", margin+2) + title + "\n")
	}
	if yunit != "" {
		b.WriteString(strings.Repeat(" ", max(margin-len(yunit), 0)) + yunit + "\n")
	}
	for r := 0; r < height; r++ {
		if l, ok := labels[r]; ok {
			fmt.Fprintf(&b, "%*s ┤", margin, l)
		} else {
			fmt.Fprintf(&b, "%*s │", margin, "")
		}
		for _, ch := range grid[r] {
			b.WriteRune(0x2800 + ch)
		}
		b.WriteByte('\n')
	}
	b.WriteString(strings.Repeat(" ", margin+1) + "└" + strings.Repeat("─", width) + "\n")
	lo, hi := num(xlo), num(xhi)
	if xunit != "" {
		hi += " " + xunit
	}
	gap := max(width+1-len(lo)-len(hi), 1)
	b.WriteString(strings.Repeat(" ", margin+1) + lo + strings.Repeat(" ", gap) + hi + "\n")
	return b.String()
}

// num formats an axis value compactly.
func num(v float64) string {
	s := fmt.Sprintf("%.4g", v)
	if s == "-0" {
		s = "0"
	}
	return s
}

// bresenham calls set for every dot of the segment (c0, r0)-(c1, r1)
// (Bresenham's algorithm).
func bresenham(c0, r0, c1, r1 int, set func(c, r int)) {
	dc, dr := abs(c1-c0), -abs(r1-r0)
	sc, sr := 1, 1
	if c0 > c1 {
		sc = -1
	}
	if r0 > r1 {
		sr = -1
	}
	e := dc + dr
	for {
		set(c0, r0)
		if c0 == c1 && r0 == r1 {
			return
		}
		e2 := 2 * e
		if e2 >= dr {
			e += dr
			c0 += sc
		}
		if e2 <= dc {
			e += dc
			r0 += sr
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// TextPreview draws the line and scatter data of every axes of the
// figure as text plots, each width × height cells.
func (f *Figure) TextPreview(width, height int) string {
	var b strings.Builder
	for _, ax := range f.axes {
		var ss []Series
		for _, a := range ax.artists {
			switch t := a.(type) {
			case *line:
				ss = append(ss, Series{X: t.xs, Y: t.ys, Dots: t.style == ""})
			case *points:
				ss = append(ss, Series{X: t.xs, Y: t.ys, Dots: true})
			case *rects:
				var s Series
				for _, r := range t.r {
					s.X = append(s.X, r[0], r[0], r[1], r[1])
					s.Y = append(s.Y, r[2], r[3], r[3], r[2])
				}
				ss = append(ss, s)
			}
		}
		if len(ss) == 0 {
			continue
		}
		title := ax.title
		if title == "" {
			title = ax.y.label
		}
		b.WriteString(TextPlot(ss, width, height, title, ax.x.unit.label(ax.x.label), yUnitText(ax)))
	}
	return b.String()
}

// yUnitText is the y axis text of a preview: its label and unit.
func yUnitText(ax *Axes) string {
	if ax.title == "" && !ax.y.unit.set {
		return ""
	}
	return ax.y.unit.label(ax.y.label)
}

// textplot is textplot(y), textplot(x, y), textplot(x1, y1, x2, y2, ...)
// with width=, height=, title=: a quick plot printed in the terminal;
// with no data it previews the current figure.
func textplot(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "textplot"
	kw, err := parseKw(fn, kwargs, "width", "height", "title", "dots")
	if err != nil {
		return runtime.Value{}, err
	}
	width, height := 60, 12
	if p, ok := th.Local(TextPreviewKey).(Preview); ok {
		width, height = p.Width, p.Height
	}
	w, err := kw.float("width", float64(width))
	if err != nil {
		return runtime.Value{}, err
	}
	h, err := kw.float("height", float64(height))
	if err != nil {
		return runtime.Value{}, err
	}
	if w < 8 || h < 2 || w > 1000 || h > 500 {
		return runtime.Value{}, runtime.Errorf("%s(): width must be 8..1000 and height 2..500", fn)
	}
	dots, err := kw.bool("dots", false)
	if err != nil {
		return runtime.Value{}, err
	}
	if len(args) == 0 {
		st := stateOf(th)
		if st.cur == nil {
			return runtime.Value{}, runtime.Errorf("%s(): nothing to plot (give data, or draw a figure first)", fn)
		}
		fmt.Fprint(th.Stdout, st.cur.TextPreview(int(w), int(h)))
		return runtime.None, nil
	}
	for _, a := range args {
		if _, ok := runtime.AsString(a); ok {
			return runtime.Value{}, runtime.Errorf("%s() takes data only (no format strings)", fn)
		}
	}
	groups, err := splitGroups(fn, args)
	if err != nil {
		return runtime.Value{}, err
	}
	// a scratch axes converts units exactly as plot() does
	ax := &Axes{}
	ax.x.unit, ax.y.unit = &axisUnit{}, &axisUnit{}
	var ss []Series
	for _, g := range groups {
		yd, err := ax.y.unit.convert(fn, "y", g.y)
		if err != nil {
			return runtime.Value{}, err
		}
		for _, ys := range columns(yd) {
			xs := make([]float64, len(ys))
			for k := range xs {
				xs[k] = float64(k)
			}
			if g.x.IsValid() {
				xd, err := ax.x.unit.convert(fn, "x", g.x)
				if err != nil {
					return runtime.Value{}, err
				}
				if len(xd.vals) != len(ys) {
					return runtime.Value{}, runtime.Errorf("%s(): x and y must have the same length (%d and %d)", fn, len(xd.vals), len(ys))
				}
				xs = xd.vals
			}
			ss = append(ss, Series{X: xs, Y: ys, Dots: dots})
		}
	}
	yunit := ""
	if ax.y.unit.set {
		yunit = ax.y.unit.name
	}
	xunit := ""
	if ax.x.unit.set {
		xunit = ax.x.unit.name
	}
	fmt.Fprint(th.Stdout, TextPlot(ss, int(w), int(h), kw.text("title"), xunit, yunit))
	return runtime.None, nil
}
