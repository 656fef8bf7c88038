package plot

import (
	"image"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// isLog reports whether a gonum axis scale is logarithmic.
func isLog(n plot.Normalizer) bool {
	switch s := n.(type) {
	case plot.LogScale:
		return true
	case plot.InvertedScale:
		return isLog(s.Normalizer)
	}
	return false
}

// mapper converts data coordinates to canvas points, rejecting values a
// scale cannot show (NaN, infinities, non-positive on a log axis).
type mapper struct {
	tx, ty     func(float64) vg.Length
	logX, logY bool
}

func newMapper(c *draw.Canvas, p *plot.Plot) mapper {
	tx, ty := p.Transforms(c)
	return mapper{tx: tx, ty: ty, logX: isLog(p.X.Scale), logY: isLog(p.Y.Scale)}
}

func okVal(v float64, log bool) bool {
	return !math.IsNaN(v) && !math.IsInf(v, 0) && (!log || v > 0)
}

// pt maps one point; ok is false when it cannot be shown.
func (m mapper) pt(x, y float64) (vg.Point, bool) {
	if !okVal(x, m.logX) || !okVal(y, m.logY) {
		return vg.Point{}, false
	}
	return vg.Point{X: m.tx(x), Y: m.ty(y)}, true
}

// thumb is a legend thumbnail drawn by a function.
type thumb func(c *draw.Canvas)

// Thumbnail implements plot.Thumbnailer.
func (t thumb) Thumbnail(c *draw.Canvas) { t(c) }

// line is what plot() draws: a polyline with optional markers.
type line struct {
	xs, ys    []float64
	color     color.NRGBA
	width     float64 // points
	style     string  // "-", "--", "-.", ":", "custom" or "" for no line
	custom    []float64
	marker    string
	ms        float64
	mfc, mec  color.NRGBA
	label     string
	stepWhere string // "", "pre", "post", "mid" (drawstyle steps)
}

func (l *line) lineStyle() draw.LineStyle {
	return draw.LineStyle{Color: l.color, Width: vg.Points(l.width), Dashes: dashes(l.style, l.custom, l.width)}
}

func (l *line) glyphStyle() draw.GlyphStyle {
	return draw.GlyphStyle{Color: l.mfc, Radius: markerRadius(l.marker, l.ms), Shape: glyph{kind: l.marker[0], edge: l.mec}}
}

// stepped returns the vertices of a step drawing.
func (l *line) stepped() (xs, ys []float64) {
	n := len(l.xs)
	if l.stepWhere == "" || n < 2 {
		return l.xs, l.ys
	}
	for k := 0; k < n; k++ {
		switch {
		case k == 0:
			xs, ys = append(xs, l.xs[0]), append(ys, l.ys[0])
			continue
		case l.stepWhere == "pre":
			xs, ys = append(xs, l.xs[k-1], l.xs[k]), append(ys, l.ys[k], l.ys[k])
		case l.stepWhere == "post":
			xs, ys = append(xs, l.xs[k], l.xs[k]), append(ys, l.ys[k-1], l.ys[k])
		default:
			m := (l.xs[k-1] + l.xs[k]) / 2
			xs, ys = append(xs, m, m, l.xs[k]), append(ys, l.ys[k-1], l.ys[k], l.ys[k])
		}
	}
	return xs, ys
}

// Plot implements plot.Plotter.
func (l *line) Plot(c draw.Canvas, p *plot.Plot) {
	m := newMapper(&c, p)
	if l.style != "" && l.width > 0 {
		xs, ys := l.stepped()
		var segs [][]vg.Point
		var cur []vg.Point
		for k := range xs {
			pt, ok := m.pt(xs[k], ys[k])
			if !ok {
				if len(cur) > 1 {
					segs = append(segs, cur)
				}
				cur = nil
				continue
			}
			cur = append(cur, pt)
		}
		if len(cur) > 1 {
			segs = append(segs, cur)
		}
		if len(segs) > 0 {
			c.StrokeLines(l.lineStyle(), c.ClipLinesXY(segs...)...)
		}
	}
	if l.marker != "" {
		gs := l.glyphStyle()
		for k := range l.xs {
			if pt, ok := m.pt(l.xs[k], l.ys[k]); ok {
				c.DrawGlyph(gs, pt)
			}
		}
	}
}

func (l *line) bounds() (xs, ys, sx, sy []float64) { return l.xs, l.ys, nil, nil }

func (l *line) legendEntry() (string, plot.Thumbnailer) {
	return l.label, thumb(func(c *draw.Canvas) {
		y := c.Center().Y
		if l.style != "" && l.width > 0 {
			c.StrokeLine2(l.lineStyle(), c.Min.X, y, c.Max.X, y)
		}
		if l.marker != "" {
			c.DrawGlyph(l.glyphStyle(), c.Center())
		}
	})
}

// points is what scatter() draws: markers with their own sizes and
// colours.
type points struct {
	xs, ys  []float64
	radii   []vg.Length // one, or one per point
	colors  []color.NRGBA
	marker  string
	edge    color.NRGBA
	label   string
	mapping *scalarMap // colours from values, for colorbar()
}

func (s *points) style(k int) draw.GlyphStyle {
	r, col := vg.Points(defaultMS/2), cycle[0]
	switch {
	case len(s.radii) > k:
		r = s.radii[k]
	case len(s.radii) > 0:
		r = s.radii[0]
	}
	switch {
	case len(s.colors) > k:
		col = s.colors[k]
	case len(s.colors) > 0:
		col = s.colors[0]
	}
	return draw.GlyphStyle{Color: col, Radius: r, Shape: glyph{kind: s.marker[0], edge: s.edge}}
}

// Plot implements plot.Plotter.
func (s *points) Plot(c draw.Canvas, p *plot.Plot) {
	m := newMapper(&c, p)
	for k := range s.xs {
		if pt, ok := m.pt(s.xs[k], s.ys[k]); ok {
			c.DrawGlyph(s.style(k), pt)
		}
	}
}

func (s *points) bounds() (xs, ys, sx, sy []float64) { return s.xs, s.ys, nil, nil }

func (s *points) legendEntry() (string, plot.Thumbnailer) {
	return s.label, thumb(func(c *draw.Canvas) {
		sty := s.style(0)
		if sty.Radius > vg.Points(4) {
			sty.Radius = vg.Points(4)
		}
		c.DrawGlyph(sty, c.Center())
	})
}

// rects is what bar() and hist() draw: rectangles x0..x1 × y0..y1.
type rects struct {
	r         [][4]float64
	fill      color.NRGBA
	edge      color.NRGBA
	edgeWidth float64
	label     string
	horiz     bool // barh: sticky x instead of y
}

// Plot implements plot.Plotter.
func (b *rects) Plot(c draw.Canvas, p *plot.Plot) {
	m := newMapper(&c, p)
	for _, r := range b.r {
		lo, ok1 := m.pt(r[0], r[2])
		hi, ok2 := m.pt(r[1], r[3])
		if !ok1 || !ok2 {
			if !m.logY || r[3] <= 0 {
				continue
			}
			// a bar from 0 on a log axis starts at the axis bottom
			lo.Y = c.Min.Y
			var ok bool
			if hi, ok = m.pt(r[1], r[3]); !ok {
				continue
			}
			lo.X = m.tx(r[0])
		}
		poly := []vg.Point{lo, {X: hi.X, Y: lo.Y}, hi, {X: lo.X, Y: hi.Y}}
		if b.fill.A != 0 {
			c.FillPolygon(b.fill, c.ClipPolygonXY(poly))
		}
		if b.edge.A != 0 && b.edgeWidth > 0 {
			c.StrokeLines(draw.LineStyle{Color: b.edge, Width: vg.Points(b.edgeWidth)}, c.ClipLinesXY(append(poly, poly[0]))...)
		}
	}
}

func (b *rects) bounds() (xs, ys, sx, sy []float64) {
	for _, r := range b.r {
		xs = append(xs, r[0], r[1])
		ys = append(ys, r[2], r[3])
		if b.horiz {
			sx = append(sx, r[0])
		} else {
			sy = append(sy, r[2])
		}
	}
	return xs, ys, sx, sy
}

func (b *rects) legendEntry() (string, plot.Thumbnailer) {
	return b.label, thumb(func(c *draw.Canvas) {
		poly := []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}}
		if b.fill.A != 0 {
			c.FillPolygon(b.fill, poly)
		}
		if b.edge.A != 0 && b.edgeWidth > 0 {
			c.StrokeLines(draw.LineStyle{Color: b.edge, Width: vg.Points(b.edgeWidth)}, append(poly, poly[0]))
		}
	})
}

// polys is what fill_between() draws: filled polygons.
type polys struct {
	p [][][2]float64
	// bx, by are the values for the automatic limits (all of x, y1 and
	// y2, as matplotlib, also where where= hides them)
	bx, by []float64
	fill   color.NRGBA
	edge   color.NRGBA
	label  string
}

// Plot implements plot.Plotter.
func (f *polys) Plot(c draw.Canvas, p *plot.Plot) {
	m := newMapper(&c, p)
	for _, poly := range f.p {
		var pts []vg.Point
		for _, q := range poly {
			if pt, ok := m.pt(q[0], q[1]); ok {
				pts = append(pts, pt)
			}
		}
		if len(pts) < 3 {
			continue
		}
		c.FillPolygon(f.fill, c.ClipPolygonXY(pts))
		if f.edge.A != 0 {
			c.StrokeLines(draw.LineStyle{Color: f.edge, Width: vg.Points(1)}, c.ClipLinesXY(append(pts, pts[0]))...)
		}
	}
}

func (f *polys) bounds() (xs, ys, sx, sy []float64) {
	if f.bx != nil {
		return f.bx, f.by, nil, nil
	}
	for _, poly := range f.p {
		for _, q := range poly {
			xs, ys = append(xs, q[0]), append(ys, q[1])
		}
	}
	return xs, ys, nil, nil
}

func (f *polys) legendEntry() (string, plot.Thumbnailer) {
	return f.label, thumb(func(c *draw.Canvas) {
		c.FillPolygon(f.fill, []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}})
	})
}

// span is axhline/axvline: a line at a data value across a fraction of
// the axes.
type span struct {
	horiz  bool
	v      float64
	f0, f1 float64
	ln     line
}

// Plot implements plot.Plotter.
func (s *span) Plot(c draw.Canvas, p *plot.Plot) {
	m := newMapper(&c, p)
	ls := s.ln.lineStyle()
	if s.horiz {
		if !okVal(s.v, m.logY) {
			return
		}
		y := m.ty(s.v)
		w := c.Max.X - c.Min.X
		if c.ContainsY(y) {
			c.StrokeLine2(ls, c.Min.X+w*vg.Length(s.f0), y, c.Min.X+w*vg.Length(s.f1), y)
		}
		return
	}
	if !okVal(s.v, m.logX) {
		return
	}
	x := m.tx(s.v)
	h := c.Max.Y - c.Min.Y
	if c.ContainsX(x) {
		c.StrokeLine2(ls, x, c.Min.Y+h*vg.Length(s.f0), x, c.Min.Y+h*vg.Length(s.f1))
	}
}

func (s *span) bounds() (xs, ys, sx, sy []float64) {
	if s.horiz {
		return nil, []float64{s.v}, nil, nil
	}
	return []float64{s.v}, nil, nil, nil
}

func (s *span) legendEntry() (string, plot.Thumbnailer) { return s.ln.legendEntry() }

// label is text() placed in data or axes coordinates.
type label struct {
	x, y       float64
	axesCoords bool
	text       string
	size       float64
	color      color.NRGBA
	ha, va     string
	rotation   float64 // degrees
	// background fills the text's box when bgSet (backgroundcolor=)
	background color.NRGBA
	bgSet      bool
}

// sansFont is the typeface of all text (matplotlib's default is sans).
var sansFont = font.Font{Typeface: "Liberation", Variant: "Sans"}

// sans returns the sans typeface at a size in points.
func sans(size float64) font.Font { return font.From(sansFont, vg.Points(size)) }

// textStyle returns a gonum text style for text of a size and colour.
func textStyle(size float64, col color.Color) draw.TextStyle {
	return draw.TextStyle{
		Color:   col,
		Font:    sans(size),
		XAlign:  draw.XLeft,
		YAlign:  draw.YBottom,
		Handler: plot.DefaultTextHandler,
	}
}

// Plot implements plot.Plotter.
func (t *label) Plot(c draw.Canvas, p *plot.Plot) {
	var pt vg.Point
	if t.axesCoords {
		pt = vg.Point{X: c.Min.X + (c.Max.X-c.Min.X)*vg.Length(t.x), Y: c.Min.Y + (c.Max.Y-c.Min.Y)*vg.Length(t.y)}
	} else {
		var ok bool
		if pt, ok = newMapper(&c, p).pt(t.x, t.y); !ok {
			return
		}
	}
	sty := withHandler(textStyle(t.size, t.color), t.text)
	switch t.ha {
	case "center":
		sty.XAlign = draw.XCenter
	case "right":
		sty.XAlign = draw.XRight
	}
	switch t.va {
	case "center":
		sty.YAlign = draw.YCenter
	case "top":
		sty.YAlign = draw.YTop
	}
	sty.Rotation = t.rotation * math.Pi / 180
	if t.bgSet && t.rotation == 0 {
		r := sty.Rectangle(t.text)
		c.SetColor(t.background)
		c.Fill(r.Add(pt).Path())
	}
	c.FillText(sty, pt, t.text)
}

func (t *label) bounds() (xs, ys, sx, sy []float64) { return nil, nil, nil, nil }

func (t *label) legendEntry() (string, plot.Thumbnailer) { return "", nil }

// picture is imshow(): an image stretched over an extent.
type picture struct {
	img     *image.NRGBA
	extent  [4]float64 // left, right, bottom, top
	upper   bool       // row 0 at the top value of the extent
	mapping *scalarMap
}

// Plot implements plot.Plotter.
func (im *picture) Plot(c draw.Canvas, p *plot.Plot) {
	m := newMapper(&c, p)
	x0, x1 := m.tx(im.extent[0]), m.tx(im.extent[1])
	yb, yt := m.ty(im.extent[2]), m.ty(im.extent[3])
	img := image.Image(im.img)
	// row 0 sits at extent top (upper) or bottom (lower); the canvas draws
	// row 0 at the top of the rectangle.
	row0 := yb
	if im.upper {
		row0 = yt
	}
	other := yt
	if im.upper {
		other = yb
	}
	if row0 < other {
		img = flipV(im.img)
	}
	flipX := x0 > x1
	if flipX {
		img = flipH(img)
		x0, x1 = x1, x0
	}
	lo, hi := math.Min(float64(yb), float64(yt)), math.Max(float64(yb), float64(yt))
	c.DrawImage(vg.Rectangle{Min: vg.Point{X: x0, Y: vg.Length(lo)}, Max: vg.Point{X: x1, Y: vg.Length(hi)}}, img)
}

// flipV mirrors an image top to bottom.
func flipV(src image.Image) *image.NRGBA {
	b := src.Bounds()
	out := image.NewNRGBA(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			out.Set(x, b.Max.Y-1-(y-b.Min.Y), src.At(x, y))
		}
	}
	return out
}

// flipH mirrors an image left to right.
func flipH(src image.Image) *image.NRGBA {
	b := src.Bounds()
	out := image.NewNRGBA(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			out.Set(b.Max.X-1-(x-b.Min.X), y, src.At(x, y))
		}
	}
	return out
}

func (im *picture) bounds() (xs, ys, sx, sy []float64) {
	xs = []float64{im.extent[0], im.extent[1]}
	ys = []float64{im.extent[2], im.extent[3]}
	return xs, ys, xs, ys
}

func (im *picture) legendEntry() (string, plot.Thumbnailer) { return "", nil }

// errbars are the bars of errorbar(): vertical and horizontal segments
// with caps.
type errbars struct {
	xs, ys           []float64
	ylo, yhi         []float64 // absolute ends, nil when no yerr
	xlo, xhi         []float64
	color            color.NRGBA
	width, capsize   float64
	hasLine, hasMark bool
}

// Plot implements plot.Plotter.
func (e *errbars) Plot(c draw.Canvas, p *plot.Plot) {
	m := newMapper(&c, p)
	ls := draw.LineStyle{Color: e.color, Width: vg.Points(e.width)}
	cap := vg.Points(e.capsize)
	for k := range e.xs {
		if e.ylo != nil {
			a, ok1 := m.pt(e.xs[k], e.ylo[k])
			b, ok2 := m.pt(e.xs[k], e.yhi[k])
			if ok1 && ok2 {
				c.StrokeLines(ls, c.ClipLinesXY([]vg.Point{a, b})...)
				if cap > 0 {
					c.StrokeLines(ls, c.ClipLinesXY([]vg.Point{{X: a.X - cap, Y: a.Y}, {X: a.X + cap, Y: a.Y}}, []vg.Point{{X: b.X - cap, Y: b.Y}, {X: b.X + cap, Y: b.Y}})...)
				}
			}
		}
		if e.xlo != nil {
			a, ok1 := m.pt(e.xlo[k], e.ys[k])
			b, ok2 := m.pt(e.xhi[k], e.ys[k])
			if ok1 && ok2 {
				c.StrokeLines(ls, c.ClipLinesXY([]vg.Point{a, b})...)
				if cap > 0 {
					c.StrokeLines(ls, c.ClipLinesXY([]vg.Point{{X: a.X, Y: a.Y - cap}, {X: a.X, Y: a.Y + cap}}, []vg.Point{{X: b.X, Y: b.Y - cap}, {X: b.X, Y: b.Y + cap}})...)
				}
			}
		}
	}
}

func (e *errbars) bounds() (xs, ys, sx, sy []float64) {
	xs = append(append(append([]float64{}, e.xs...), e.xlo...), e.xhi...)
	ys = append(append(append([]float64{}, e.ys...), e.ylo...), e.yhi...)
	return xs, ys, nil, nil
}

func (e *errbars) legendEntry() (string, plot.Thumbnailer) { return "", nil }
