package plot

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/sim-lang/sim/runtime"
)

func init() {
	axesMethods["twinx"] = axTwin(true)
	axesMethods["twiny"] = axTwin(false)
}

// twin returns a new axes over the same area as ax, sharing one axis and
// showing its other axis on the opposite side; it becomes current.
func (ax *Axes) twin(yAxis bool) *Axes {
	f := ax.fig
	host := ax
	if host.twinOf != nil {
		host = host.twinOf
	}
	t := &Axes{fig: f, pos: host.pos, twinOf: host, twinY: yAxis}
	t.grid, t.gridAxis = false, "both"
	t.x.unit, t.y.unit = &axisUnit{}, &axisUnit{}
	if yAxis {
		t.shareX = ax
		t.x.unit = root(ax, false).x.unit
	} else {
		t.shareY = ax
		t.y.unit = root(ax, true).y.unit
	}
	host.twins = append(host.twins, t)
	f.axes = append(f.axes, t)
	f.cur = t
	return t
}

// axTwin returns twinx() / twiny().
func axTwin(yAxis bool) method {
	name := "twinx"
	if !yAxis {
		name = "twiny"
	}
	return func(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.UnpackArgs(name, args, kwargs); err != nil {
			return runtime.Value{}, err
		}
		return runtime.MakeObj(ax.twin(yAxis)), nil
	}
}

// pltTwin returns pyplot's twinx(ax=None) / twiny(ax=None).
func pltTwin(yAxis bool) runtime.BuiltinFunc {
	name := "twinx"
	if !yAxis {
		name = "twiny"
	}
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var v runtime.Value
		if err := runtime.UnpackArgs(name, args, kwargs, "ax?", &v); err != nil {
			return runtime.Value{}, err
		}
		ax := stateOf(th).gcf().gca()
		if v.IsValid() && !v.IsNone() {
			a, ok := v.Obj().(*Axes)
			if !ok {
				return runtime.Value{}, runtime.Errorf("%s(): ax must be an Axes, not %s", name, runtime.TypeName(v))
			}
			ax = a
		}
		return runtime.MakeObj(ax.twin(yAxis)), nil
	}
}

// twinRoom is the room a twin's axis needs beside the data area: tick
// marks, tick labels and the axis label.
func (t *Axes) twinRoom(p *plot.Plot) vg.Length {
	a := &p.Y
	if !t.twinY {
		a = &p.X
	}
	var widest vg.Length
	for _, tk := range a.Tick.Marker.Ticks(a.Min, a.Max) {
		if tk.IsMinor() {
			continue
		}
		r := a.Tick.Label.Rectangle(tk.Label)
		size := r.Size().X
		if !t.twinY {
			size = r.Size().Y
		}
		widest = max(widest, size)
	}
	room := a.Tick.Length + vg.Points(3.5) + widest
	if a.Label.Text != "" {
		room += a.Label.TextStyle.Height(a.Label.Text) + vg.Points(4)
	}
	return room
}

// drawTwin draws a twin axes into its host's data area dc: its artists
// through its own scales, then its axis on the right (twinx) or at the
// top (twiny).
func (t *Axes) drawTwin(p *plot.Plot, dc draw.Canvas) {
	if t.grid {
		gridLines{axis: t.gridAxis}.Plot(dc, p)
	}
	for _, a := range t.artists {
		a.Plot(dc, p)
	}
	tx, ty := p.Transforms(&dc)
	tick := draw.LineStyle{Color: color.Black, Width: vg.Points(0.8)}
	a := &p.Y
	if !t.twinY {
		a = &p.X
	}
	lo, hi := math.Min(a.Min, a.Max), math.Max(a.Min, a.Max)
	sty := a.Tick.Label
	var extent vg.Length
	for _, tk := range a.Tick.Marker.Ticks(a.Min, a.Max) {
		if tk.IsMinor() || tk.Value < lo || tk.Value > hi {
			continue
		}
		if t.twinY {
			y := ty(tk.Value)
			dc.StrokeLine2(tick, dc.Max.X, y, dc.Max.X+a.Tick.Length, y)
			sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
			pt := vg.Point{X: dc.Max.X + a.Tick.Length + vg.Points(3.5), Y: y}
			dc.FillText(sty, pt, tk.Label)
			extent = max(extent, sty.Rectangle(tk.Label).Size().X)
		} else {
			x := tx(tk.Value)
			dc.StrokeLine2(tick, x, dc.Max.Y, x, dc.Max.Y+a.Tick.Length)
			sty.XAlign, sty.YAlign = draw.XCenter, draw.YBottom
			pt := vg.Point{X: x, Y: dc.Max.Y + a.Tick.Length + vg.Points(3.5)}
			dc.FillText(sty, pt, tk.Label)
			extent = max(extent, sty.Rectangle(tk.Label).Size().Y)
		}
	}
	if text := a.Label.Text; text != "" {
		ls := a.Label.TextStyle
		off := a.Tick.Length + vg.Points(3.5) + extent + vg.Points(4)
		if t.twinY {
			ls.Rotation = math.Pi / 2
			ls.XAlign, ls.YAlign = draw.XCenter, draw.YTop
			dc.FillText(ls, vg.Point{X: dc.Max.X + off, Y: (dc.Min.Y + dc.Max.Y) / 2}, text)
		} else {
			ls.XAlign, ls.YAlign = draw.XCenter, draw.YBottom
			dc.FillText(ls, vg.Point{X: (dc.Min.X + dc.Max.X) / 2, Y: dc.Max.Y + off}, text)
		}
	}
	if t.legend {
		t.drawLegend(p, dc)
	}
}
