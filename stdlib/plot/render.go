package plot

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/sim-lang/sim/runtime"
)

// latex renders labels holding $...$ (matplotlib's mathtext).
var latex = mathText{tex: text.Latex{Fonts: font.DefaultCache}}

// withHandler picks the LaTeX handler for text with a $...$ part.
func withHandler(sty draw.TextStyle, s string) draw.TextStyle {
	if strings.Count(s, "$") >= 2 {
		sty.Handler = latex
	}
	return sty
}

// scalarMap maps values lo..hi through a colour map (imshow, scatter c=);
// colorbar() draws it.
type scalarMap struct {
	cmap   *colormap
	lo, hi float64
	unit   string
	scale  float64 // SI value of one display unit of the mapped values
}

// color returns the colour of v.
func (s *scalarMap) color(v float64) color.NRGBA {
	if s.hi == s.lo {
		return s.cmap.at(0.5)
	}
	return s.cmap.at((v - s.lo) / (s.hi - s.lo))
}

// limits returns the automatic limits of one axis from the artists'
// values: the data range plus matplotlib's 5% margins, except at sticky
// values, or the user's limits where set. Inverted limits (lo > hi) come
// back as given.
func autoLimits(a *axisState, vals, sticky []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		if okVal(v, a.log) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if lo > hi {
		lo, hi = 0, 1
		if a.log {
			lo, hi = 1, 10
		}
	} else {
		fwd := func(v float64) float64 { return v }
		inv := fwd
		if a.log {
			fwd, inv = math.Log10, func(v float64) float64 { return math.Pow(10, v) }
		}
		l, h := fwd(lo), fwd(hi)
		if l == h {
			d := 0.05 * math.Abs(l)
			if d == 0 {
				d = 0.05
			}
			l, h = l-d, h+d
		}
		m := 0.05 * (h - l)
		isSticky := func(v float64) bool {
			for _, s := range sticky {
				if s == v {
					return true
				}
			}
			return false
		}
		if !isSticky(lo) {
			l -= m
		}
		if !isSticky(hi) {
			h += m
		}
		lo, hi = inv(l), inv(h)
	}
	if a.loSet {
		lo = a.lo
	}
	if a.hiSet {
		hi = a.hi
	}
	return lo, hi
}

// dataOf collects the values of an axes' artists for both axes.
func (ax *Axes) dataOf() (xs, ys, sx, sy []float64) {
	for _, a := range ax.artists {
		x, y, stx, sty := a.bounds()
		xs, ys = append(xs, x...), append(ys, y...)
		sx, sy = append(sx, stx...), append(sy, sty...)
	}
	return xs, ys, sx, sy
}

// root returns the axes whose limits ax shares on one axis.
func root(ax *Axes, y bool) *Axes {
	for k := 0; k < 16; k++ {
		next := ax.shareX
		if y {
			next = ax.shareY
		}
		if next == nil {
			return ax
		}
		ax = next
	}
	return ax
}

// limits computes the limits of both axes of ax, taking axes that share
// an axis with it into account.
func (ax *Axes) limits() (xlo, xhi, ylo, yhi float64) {
	var xs, ys, sx, sy []float64
	rx, ry := root(ax, false), root(ax, true)
	for _, o := range ax.fig.axes {
		x, y, stx, sty := o.dataOf()
		if root(o, false) == rx {
			xs, sx = append(xs, x...), append(sx, stx...)
		}
		if root(o, true) == ry {
			ys, sy = append(ys, y...), append(sy, sty...)
		}
	}
	xa, ya := ax.x, ax.y
	xa.lo, xa.hi, xa.loSet, xa.hiSet = rx.x.lo, rx.x.hi, rx.x.loSet, rx.x.hiSet
	ya.lo, ya.hi, ya.loSet, ya.hiSet = ry.y.lo, ry.y.hi, ry.y.loSet, ry.y.hiSet
	xlo, xhi = autoLimits(&xa, xs, sx)
	ylo, yhi = autoLimits(&ya, ys, sy)
	return
}

// majorTicks places ticks like matplotlib's MaxNLocator: at most about
// seven, at multiples of 1, 2, 2.5 or 5 times a power of ten.
type majorTicks struct{}

// Ticks implements plot.Ticker.
func (majorTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || math.IsInf(hi-lo, 0) {
		return nil
	}
	raw := (hi - lo) / 7
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	decimals := max(0, -int(math.Floor(math.Log10(step)+1e-9)))
	if math.Abs(step/math.Pow(10, math.Floor(math.Log10(step)+1e-9))-2.5) < 1e-9 {
		decimals++
	}
	var out []plot.Tick
	for k := math.Ceil(lo/step - 1e-9); k*step <= hi+step*1e-9; k++ {
		v := k * step
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		out = append(out, plot.Tick{Value: v, Label: tickLabel(v, decimals)})
	}
	return out
}

// tickLabel formats a tick value with a number of decimals, switching to
// exponent form for very large or small values.
func tickLabel(v float64, decimals int) string {
	a := math.Abs(v)
	if a != 0 && (a >= 1e6 || a < 1e-4) {
		return strconv.FormatFloat(v, 'g', 4, 64)
	}
	return strconv.FormatFloat(v, 'f', decimals, 64)
}

// blankTicks keeps tick marks but drops their labels (inner shared axes).
type blankTicks struct{ plot.Ticker }

// Ticks implements plot.Ticker.
func (b blankTicks) Ticks(lo, hi float64) []plot.Tick {
	t := b.Ticker.Ticks(lo, hi)
	for k := range t {
		t[k].Label = ""
	}
	return t
}

// setupAxis configures one gonum axis from the axes' state.
func setupAxis(pa *plot.Axis, a *axisState, lo, hi float64, fs float64, vertical bool) {
	inverted := lo > hi
	if inverted {
		lo, hi = hi, lo
	}
	if a.log && lo <= 0 {
		lo = hi / 1e3
		if hi <= 0 {
			lo, hi = 1, 10
		}
	}
	pa.Min, pa.Max = lo, hi
	pa.Padding = 0
	pa.Label.Text = a.unit.label(a.label)
	if a.hideLabels && a.label == "" {
		// inner axes of shared subplots: no unit-only label
		pa.Label.Text = ""
	}
	pa.Label.TextStyle = withHandler(pa.Label.TextStyle, pa.Label.Text)
	pa.Label.TextStyle.Font = sans(orDefault(a.labelSize, fs))
	a.styleLabel(pa, vertical)
	pa.Tick.Label.Font = sans(orDefault(a.tickSize, fs))
	var scale plot.Normalizer = plot.LinearScale{}
	var ticker plot.Ticker = majorTicks{}
	if a.log {
		scale, ticker = plot.LogScale{}, plot.LogTicks{Prec: -1}
	}
	if inverted {
		scale = plot.InvertedScale{Normalizer: scale}
	}
	if a.ticksSet {
		ts := make(plot.ConstantTicks, len(a.ticks))
		for k, v := range a.ticks {
			ts[k] = plot.Tick{Value: v, Label: trimNum(v)}
			if k < len(a.tickLabels) {
				ts[k].Label = a.tickLabels[k]
			}
		}
		ticker = ts
	}
	if (a.locator != nil || a.formatter != nil) && !a.ticksSet {
		ticker = locatedTicks{Ticker: ticker, a: a}
	}
	if a.sciStyle != "" && !a.log && !a.ticksSet {
		ticker = sciTicks{Ticker: ticker, a: a}
	}
	if a.hideLabels {
		ticker = blankTicks{ticker}
	}
	pa.Scale, pa.Tick.Marker = scale, ticker
}

// orDefault returns v, or def when v is zero.
func orDefault(v, def float64) float64 {
	if v == 0 {
		return def
	}
	return v
}

// trimNum formats a tick value compactly.
func trimNum(v float64) string { return fmt.Sprintf("%.6g", v) }

// gonumPlot builds the gonum plot of an axes (artists, labels, limits).
func (ax *Axes) gonumPlot() *plot.Plot {
	p := plot.New()
	p.Title.Text = ax.title
	p.Title.TextStyle = withHandler(p.Title.TextStyle, ax.title)
	fs := ax.fig.style.fontSize
	p.Title.TextStyle.Font = sans(orDefault(ax.titleSize, fs*1.2))
	p.Title.Padding = vg.Points(6)
	p.BackgroundColor = nil
	xlo, xhi, ylo, yhi := ax.limits()
	setupAxis(&p.X, &ax.x, xlo, xhi, fs, false)
	setupAxis(&p.Y, &ax.y, ylo, yhi, fs, true)
	if ax.grid {
		p.Add(gridLines{axis: ax.gridAxis})
	}
	for _, a := range ax.artists {
		p.Add(a)
	}
	ax.hideAxisLines(p)
	if ax.off {
		p.HideAxes()
	}
	return p
}

// gridLines draws grid lines at the major ticks, behind the data.
type gridLines struct{ axis string }

// Plot implements plot.Plotter.
func (g gridLines) Plot(c draw.Canvas, p *plot.Plot) {
	ls := draw.LineStyle{Color: color.NRGBA{0xb0, 0xb0, 0xb0, 0xff}, Width: vg.Points(0.8)}
	tx, ty := p.Transforms(&c)
	if g.axis != "y" {
		for _, t := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
			if t.IsMinor() || t.Value < p.X.Min || t.Value > p.X.Max {
				continue
			}
			x := tx(t.Value)
			c.StrokeLine2(ls, x, c.Min.Y, x, c.Max.Y)
		}
	}
	if g.axis != "x" {
		for _, t := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
			if t.IsMinor() || t.Value < p.Y.Min || t.Value > p.Y.Max {
				continue
			}
			y := ty(t.Value)
			c.StrokeLine2(ls, c.Min.X, y, c.Max.X, y)
		}
	}
}

// drawAxes draws one axes (and its colour bar) into a tile.
func (ax *Axes) drawAxes(p *plot.Plot, tile draw.Canvas) {
	// twins need room for their axes: at the right (twinx), at the top
	// (twiny, with the title moved above it)
	var twinPlots []*plot.Plot
	var right, top vg.Length
	for _, t := range ax.twins {
		tp := t.gonumPlot()
		twinPlots = append(twinPlots, tp)
		if t.twinY {
			right = max(right, t.twinRoom(tp))
		} else {
			top = max(top, t.twinRoom(tp))
		}
	}
	full := tile
	title := p.Title.Text
	if top > 0 && title != "" {
		p.Title.Text = ""
		top += p.Title.TextStyle.Rectangle(title).Size().Y + p.Title.Padding
	}
	tile = draw.Crop(tile, 0, -right, 0, -top)
	var cbTile draw.Canvas
	if ax.cbar != nil {
		w := tile.Max.X - tile.Min.X
		cw := min(ax.cbar.width(ax.fig.style.fontSize), w/2)
		cbTile = draw.Crop(tile, w-cw, 0, 0, 0)
		tile = draw.Crop(tile, 0, -cw, 0, 0)
	}
	if ax.aspect > 0 && !ax.off {
		tile = ax.fitAspect(p, tile)
	}
	if ax.cbar != nil {
		ax.cbar.draw(cbTile, p.DataCanvas(tile), ax.fig.style.fontSize)
	}
	p.Draw(tile)
	if ax.off {
		return
	}
	dc := p.DataCanvas(tile)
	for k, t := range ax.twins {
		t.drawTwin(twinPlots[k], dc)
	}
	if top > 0 && title != "" {
		sty := p.Title.TextStyle
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
		full.FillText(sty, vg.Point{X: (dc.Min.X + dc.Max.X) / 2, Y: full.Max.Y}, title)
		p.Title.Text = title
	}
	ax.drawSpines(p, dc)
	drawOffsetText(p, dc)
	if ax.legend {
		ax.drawLegend(p, dc)
	}
}

// fitAspect shrinks a tile so that one x unit and ax.aspect y units have
// the same length on screen (imshow's aspect='equal').
func (ax *Axes) fitAspect(p *plot.Plot, tile draw.Canvas) draw.Canvas {
	dc := p.DataCanvas(tile)
	w, h := float64(dc.Max.X-dc.Min.X), float64(dc.Max.Y-dc.Min.Y)
	dx, dy := math.Abs(p.X.Max-p.X.Min), math.Abs(p.Y.Max-p.Y.Min)
	if isLog(p.X.Scale) || isLog(p.Y.Scale) || dx == 0 || dy == 0 || w <= 0 || h <= 0 {
		return tile
	}
	want := dy * ax.aspect / dx // height / width of the data area
	if h/w > want {
		cut := vg.Length((h - w*want) / 2)
		return draw.Crop(tile, 0, 0, cut, -cut)
	}
	cut := vg.Length((w - h/want) / 2)
	return draw.Crop(tile, cut, -cut, 0, 0)
}

// legendLocs maps matplotlib's legend locations to the box's place:
// horizontal and vertical position in the axes, 0 (left/bottom), 0.5
// (centre) or 1 (right/top). "best" picks the corner hiding least data.
var legendLocs = map[string][2]float64{
	"best": {-1, -1}, "": {-1, -1}, "upper right": {1, 1}, "upper left": {0, 1},
	"lower left": {0, 0}, "lower right": {1, 0}, "right": {1, 0.5},
	"center left": {0, 0.5}, "center right": {1, 0.5}, "lower center": {0.5, 0},
	"upper center": {0.5, 1}, "center": {0.5, 0.5},
}

// legendEntry is one row of a legend.
type legendEntry struct {
	name  string
	thumb plot.Thumbnailer
}

// drawLegend draws the labelled artists' entries in a framed box: a
// thumbnail, then the label, one row each.
func (ax *Axes) drawLegend(p *plot.Plot, dc draw.Canvas) {
	var entries []legendEntry
	for _, a := range ax.artists {
		name, th := a.legendEntry()
		if name == "" || strings.HasPrefix(name, "_") || th == nil {
			continue
		}
		entries = append(entries, legendEntry{name, th})
	}
	if len(entries) == 0 {
		return
	}
	fs := ax.legendFS
	if fs == 0 {
		fs = ax.fig.style.fontSize
	}
	sty := textStyle(fs, color.Black)
	sty.YAlign = draw.YCenter
	rowH := vg.Points(fs * 1.4)
	thumbW, gap, pad, inset := vg.Points(22), vg.Points(6), vg.Points(5), vg.Points(6)
	var textW vg.Length
	for _, e := range entries {
		textW = max(textW, withHandler(sty, e.name).Width(e.name))
	}
	w := pad + thumbW + gap + textW + pad
	h := 2*pad + rowH*vg.Length(len(entries))
	place := func(fx, fy float64) vg.Rectangle {
		x := dc.Min.X + inset + (dc.Max.X-dc.Min.X-2*inset-w)*vg.Length(fx)
		y := dc.Min.Y + inset + (dc.Max.Y-dc.Min.Y-2*inset-h)*vg.Length(fy)
		return vg.Rectangle{Min: vg.Point{X: x, Y: y}, Max: vg.Point{X: x + w, Y: y + h}}
	}
	loc := legendLocs[ax.legendLoc]
	var r vg.Rectangle
	if loc[0] < 0 {
		r = ax.bestLegendPlace(p, dc, place)
	} else {
		r = place(loc[0], loc[1])
	}
	box := []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}}
	dc.FillPolygon(color.NRGBA{255, 255, 255, 220}, box)
	dc.StrokeLines(draw.LineStyle{Color: color.NRGBA{0xcc, 0xcc, 0xcc, 0xff}, Width: vg.Points(0.8)}, append(box, box[0]))
	for k, e := range entries {
		top := r.Max.Y - pad - rowH*vg.Length(k)
		mid := top - rowH/2
		icon := draw.Canvas{Canvas: dc.Canvas, Rectangle: vg.Rectangle{
			Min: vg.Point{X: r.Min.X + pad, Y: mid - vg.Points(fs*0.35)},
			Max: vg.Point{X: r.Min.X + pad + thumbW, Y: mid + vg.Points(fs*0.35)},
		}}
		e.thumb.Thumbnail(&icon)
		dc.FillText(withHandler(sty, e.name), vg.Point{X: r.Min.X + pad + thumbW + gap, Y: mid}, e.name)
	}
}

// bestLegendPlace picks, like matplotlib's loc='best', the candidate
// place of the legend box that covers the fewest data points.
func (ax *Axes) bestLegendPlace(p *plot.Plot, dc draw.Canvas, place func(fx, fy float64) vg.Rectangle) vg.Rectangle {
	m := newMapper(&dc, p)
	var pts []vg.Point
	for _, a := range ax.artists {
		xs, ys, _, _ := a.bounds()
		if len(xs) != len(ys) {
			continue
		}
		step := max(len(xs)/2000, 1)
		for k := 0; k < len(xs); k += step {
			if pt, ok := m.pt(xs[k], ys[k]); ok {
				pts = append(pts, pt)
			}
		}
	}
	cands := [][2]float64{{1, 1}, {0, 1}, {0, 0}, {1, 0}, {1, 0.5}, {0, 0.5}, {0.5, 0}, {0.5, 1}, {0.5, 0.5}}
	best, bestN := place(1, 1), -1
	for _, c := range cands {
		r := place(c[0], c[1])
		n := 0
		for _, pt := range pts {
			if pt.X >= r.Min.X && pt.X <= r.Max.X && pt.Y >= r.Min.Y && pt.Y <= r.Max.Y {
				n++
			}
		}
		if bestN < 0 || n < bestN {
			best, bestN = r, n
		}
	}
	return best
}

// ticks returns the colour bar's ticks inside its range.
func (cb *colorbar) ticks() (lo, hi float64, ts []plot.Tick) {
	lo, hi = cb.lo, cb.hi
	if lo == hi {
		hi = lo + 1
	}
	if cb.bounds != nil {
		return lo, hi, levelTicks(cb.bounds)
	}
	for _, t := range (majorTicks{}).Ticks(lo, hi) {
		if t.Value >= lo && t.Value <= hi {
			ts = append(ts, t)
		}
	}
	return lo, hi, ts
}

// frac returns where v sits along the bar, 0 at the bottom, 1 at the
// top: linear in lo..hi, or for contour sets matplotlib's uniform
// spacing, each interval between levels the same length.
func (cb *colorbar) frac(v, lo, hi float64) float64 {
	n := len(cb.bounds)
	if n < 2 {
		return (v - lo) / (hi - lo)
	}
	for k := 0; k+1 < n; k++ {
		a, b := cb.bounds[k], cb.bounds[k+1]
		if v <= b || k+2 == n {
			return (float64(k) + (v-a)/(b-a)) / float64(n-1)
		}
	}
	return 1
}

// text returns the colour bar's label with its unit.
func (cb *colorbar) text() string {
	if cb.unitName != "" {
		return (&axisUnit{set: true, name: cb.unitName}).label(cb.label)
	}
	return cb.label
}

// width is the room a colour bar takes: gap, bar, tick labels, label.
func (cb *colorbar) width(fs float64) vg.Length {
	sty := textStyle(fs, color.Black)
	var widest vg.Length
	_, _, ts := cb.ticks()
	for _, t := range ts {
		widest = max(widest, sty.Width(t.Label))
	}
	w := vg.Points(10+14+5+6) + widest
	if txt := cb.text(); txt != "" {
		w += withHandler(sty, txt).Height(txt) + vg.Points(4)
	}
	return w
}

// draw draws a colour bar at the left of the tile c, as tall as the
// main data area md, with its ticks and label on the right as in
// matplotlib.
func (cb *colorbar) draw(c draw.Canvas, md draw.Canvas, fs float64) {
	lo, hi, ts := cb.ticks()
	x0 := c.Min.X + vg.Points(10)
	bar := vg.Rectangle{Min: vg.Point{X: x0, Y: md.Min.Y}, Max: vg.Point{X: x0 + vg.Points(14), Y: md.Max.Y}}
	ypos := func(v float64) vg.Length { return bar.Min.Y + (bar.Max.Y-bar.Min.Y)*vg.Length(cb.frac(v, lo, hi)) }
	switch {
	case cb.bandColors != nil:
		for k, col := range cb.bandColors {
			if k+1 >= len(cb.bounds) {
				break
			}
			y0, y1 := ypos(cb.bounds[k]), ypos(cb.bounds[k+1])
			c.FillPolygon(col, []vg.Point{{X: bar.Min.X, Y: y0}, {X: bar.Max.X, Y: y0}, {X: bar.Max.X, Y: y1}, {X: bar.Min.X, Y: y1}})
		}
	case cb.lineColors != nil:
		for k, col := range cb.lineColors {
			if k < len(cb.bounds) {
				y := ypos(cb.bounds[k])
				c.StrokeLine2(draw.LineStyle{Color: col, Width: vg.Points(1.5)}, bar.Min.X, y, bar.Max.X, y)
			}
		}
	default:
		img := image.NewNRGBA(image.Rect(0, 0, 1, 256))
		for k := 0; k < 256; k++ {
			img.SetNRGBA(0, 255-k, cb.cmap.at(float64(k)/255))
		}
		c.DrawImage(bar, img)
	}
	frame := []vg.Point{bar.Min, {X: bar.Max.X, Y: bar.Min.Y}, bar.Max, {X: bar.Min.X, Y: bar.Max.Y}, bar.Min}
	c.StrokeLines(draw.LineStyle{Color: color.Black, Width: vg.Points(0.8)}, frame)
	sty := textStyle(fs, color.Black)
	sty.YAlign = draw.YCenter
	tick := draw.LineStyle{Color: color.Black, Width: vg.Points(0.5)}
	var widest vg.Length
	for _, t := range ts {
		y := ypos(t.Value)
		c.StrokeLine2(tick, bar.Max.X, y, bar.Max.X+vg.Points(3.5), y)
		c.FillText(sty, vg.Point{X: bar.Max.X + vg.Points(5), Y: y}, t.Label)
		widest = max(widest, sty.Width(t.Label))
	}
	if text := cb.text(); text != "" {
		ls := withHandler(textStyle(fs, color.Black), text)
		ls.Rotation = math.Pi / 2
		ls.XAlign, ls.YAlign = draw.XCenter, draw.YBottom
		x := bar.Max.X + vg.Points(9) + widest + ls.Height(text)
		c.FillText(ls, vg.Point{X: x, Y: (bar.Min.Y + bar.Max.Y) / 2}, text)
	}
}

// hosts returns the axes that are not twins (each draws its twins).
func (f *Figure) hosts() []*Axes {
	var out []*Axes
	for _, ax := range f.axes {
		if ax.twinOf == nil {
			out = append(out, ax)
		}
	}
	return out
}

// uniformGrid reports whether every axes fills one cell of the same grid
// (then gonum's Align lines their data areas up), returning the grid.
func uniformGrid(axes []*Axes) (rows, cols int, ok bool) {
	if len(axes) == 0 {
		return 0, 0, false
	}
	rows, cols = axes[0].pos.nrows, axes[0].pos.ncols
	seen := map[[2]int]bool{}
	for _, ax := range axes {
		p := ax.pos
		if p.nrows != rows || p.ncols != cols || p.r1-p.r0 != 1 || p.c1-p.c0 != 1 || seen[[2]int{p.r0, p.c0}] {
			return 0, 0, false
		}
		seen[[2]int{p.r0, p.c0}] = true
	}
	return rows, cols, true
}

// draw renders the figure onto a canvas. A panic inside gonum/plot comes
// back as an error.
func (f *Figure) draw(c draw.Canvas) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = runtime.Errorf("cannot draw the figure: %v", r)
		}
	}()
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	pad := vg.Points(8)
	c = draw.Crop(c, pad, -pad, pad, -pad)
	if f.suptitle != "" {
		sty := withHandler(textStyle(f.style.fontSize*1.4, color.Black), f.suptitle)
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
		c.FillText(sty, vg.Point{X: c.Center().X, Y: c.Max.Y}, f.suptitle)
		c = draw.Crop(c, 0, 0, 0, -sty.Rectangle(f.suptitle).Size().Y-vg.Points(6))
	}
	hosts := f.hosts()
	plots := make([]*plot.Plot, len(hosts))
	for k, ax := range hosts {
		plots[k] = ax.gonumPlot()
	}
	gap := vg.Points(14)
	if rows, cols, ok := uniformGrid(hosts); ok {
		grid := make([][]*plot.Plot, rows)
		for r := range grid {
			grid[r] = make([]*plot.Plot, cols)
		}
		for k, ax := range hosts {
			grid[ax.pos.r0][ax.pos.c0] = plots[k]
		}
		tiles := plot.Align(grid, draw.Tiles{Rows: rows, Cols: cols, PadX: gap, PadY: gap}, c)
		for k, ax := range hosts {
			ax.drawAxes(plots[k], tiles[ax.pos.r0][ax.pos.c0])
		}
		return f.formatterError()
	}
	W, H := c.Max.X-c.Min.X, c.Max.Y-c.Min.Y
	for k, ax := range hosts {
		p := ax.pos
		cw, ch := W/vg.Length(p.ncols), H/vg.Length(p.nrows)
		tile := c
		tile.Min.X = c.Min.X + cw*vg.Length(p.c0) + gap/2
		tile.Max.X = c.Min.X + cw*vg.Length(p.c1) - gap/2
		tile.Max.Y = c.Max.Y - ch*vg.Length(p.r0) - gap/2
		tile.Min.Y = c.Max.Y - ch*vg.Length(p.r1) + gap/2
		ax.drawAxes(plots[k], tile)
	}
	return f.formatterError()
}
