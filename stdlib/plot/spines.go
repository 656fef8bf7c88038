package plot

import (
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/sim-lang/sim/runtime"
)

// spineSides are the four spines of an axes, in matplotlib's order.
var spineSides = []string{"left", "right", "bottom", "top"}

// Spine is one of the four lines framing an axes (ax.spines['top']):
// visible or not, with a colour, a width and a position ('outward' moves
// it away from the data area; 'axes', 'data', 'center' and 'zero' place
// the line inside it). Tick marks and labels stay at the frame.
type Spine struct {
	side    string
	hidden  bool
	color   color.NRGBA
	width   float64 // points
	posKind string  // "" (at the edge), "outward", "axes" or "data"
	posVal  float64
}

// newSpines returns an axes' four default spines (axes.edgecolor and
// axes.linewidth).
func newSpines() map[string]*Spine {
	m := make(map[string]*Spine, 4)
	for _, s := range spineSides {
		m[s] = &Spine{side: s, color: color.NRGBA{0, 0, 0, 255}, width: 0.8}
	}
	return m
}

// spine returns side's spine of ax, creating the set on first use.
func (ax *Axes) spine(side string) *Spine {
	if ax.spines == nil {
		ax.spines = newSpines()
	}
	return ax.spines[side]
}

// Spines is ax.spines: the spines by side, indexed like a dict
// (spines['top']), or by a list of sides for a group whose setters apply
// to each (spines[['top', 'right']].set_visible(False)).
type Spines struct{ ax *Axes }

// Type implements runtime.Object.
func (s *Spines) Type() string { return "Spines" }

// String implements runtime.Object.
func (s *Spines) String() string { return "<Spines: left, right, bottom, top>" }

// Truth implements runtime.Object.
func (s *Spines) Truth() (bool, error) { return true, nil }

// Len implements runtime.Sequence.
func (s *Spines) Len() int { return len(spineSides) }

// Iterate implements runtime.Iterable: the side names, as a dict.
func (s *Spines) Iterate() runtime.Iterator {
	it, _ := runtime.Iterate(s.keys())
	return it
}

func (s *Spines) keys() runtime.Value {
	out := make([]runtime.Value, len(spineSides))
	for k, side := range spineSides {
		out[k] = runtime.MakeStr(side)
	}
	return runtime.NewList(out)
}

// lookup returns one spine by name.
func (s *Spines) lookup(key runtime.Value) (*Spine, error) {
	name, ok := runtime.AsString(key)
	if !ok {
		return nil, runtime.Errorf("spines are indexed by 'left', 'right', 'bottom' or 'top', not %s", runtime.TypeName(key))
	}
	for _, side := range spineSides {
		if side == name {
			return s.ax.spine(side), nil
		}
	}
	return nil, runtime.Errorf("KeyError: '%s' (the spines are 'left', 'right', 'bottom' and 'top')", name)
}

// Index implements runtime.Indexable.
func (s *Spines) Index(key runtime.Value) (runtime.Value, error) {
	if _, ok := runtime.AsString(key); ok {
		sp, err := s.lookup(key)
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.MakeObj(sp), nil
	}
	if key.Obj() != nil {
		if _, isSlice := key.Obj().(*runtime.Slice); isSlice {
			return runtime.MakeObj(&spineGroup{spines: []*Spine{s.ax.spine("left"), s.ax.spine("right"), s.ax.spine("bottom"), s.ax.spine("top")}}), nil
		}
	}
	names, err := runtime.ToSlice(key)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("spines are indexed by a side name or a list of them, not %s", runtime.TypeName(key))
	}
	g := &spineGroup{}
	for _, n := range names {
		sp, err := s.lookup(n)
		if err != nil {
			return runtime.Value{}, err
		}
		g.spines = append(g.spines, sp)
	}
	return runtime.MakeObj(g), nil
}

// Attr implements runtime.HasAttrs: spines.top etc., keys(), values(),
// items().
func (s *Spines) Attr(name string) (runtime.Value, error) {
	for _, side := range spineSides {
		if side == name {
			return runtime.MakeObj(s.ax.spine(side)), nil
		}
	}
	values := func() []runtime.Value {
		out := make([]runtime.Value, len(spineSides))
		for k, side := range spineSides {
			out[k] = runtime.MakeObj(s.ax.spine(side))
		}
		return out
	}
	var get func() runtime.Value
	switch name {
	case "keys":
		get = s.keys
	case "values":
		get = func() runtime.Value { return runtime.NewList(values()) }
	case "items":
		get = func() runtime.Value {
			vs := values()
			out := make([]runtime.Value, len(vs))
			for k, v := range vs {
				out[k] = runtime.MakeTuple(runtime.MakeStr(spineSides[k]), v)
			}
			return runtime.NewList(out)
		}
	default:
		return runtime.Value{}, nil
	}
	return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return get(), runtime.UnpackArgs(name, args, kwargs)
	}), nil
}

// AttrNames implements runtime.HasAttrs.
func (s *Spines) AttrNames() []string {
	return []string{"bottom", "items", "keys", "left", "right", "top", "values"}
}

// spineMethod is the Go signature of a Spine setter.
type spineMethod func(sp *Spine, fn string, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error)

// spineMethods are the methods of a Spine (and of a group of spines).
var spineMethods = map[string]spineMethod{
	"set_visible": func(sp *Spine, fn string, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var b runtime.Value
		if err := runtime.UnpackArgs(fn, args, kwargs, "b", &b); err != nil {
			return runtime.Value{}, err
		}
		v, err := runtime.Truth(b)
		sp.hidden = !v
		return runtime.None, err
	},
	"get_visible": func(sp *Spine, fn string, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return runtime.MakeBool(!sp.hidden), runtime.UnpackArgs(fn, args, kwargs)
	},
	"set_color":     spineSetColor,
	"set_edgecolor": spineSetColor,
	"set_linewidth": func(sp *Spine, fn string, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var w float64
		if err := runtime.UnpackArgs(fn, args, kwargs, "w", &w); err != nil {
			return runtime.Value{}, err
		}
		if w < 0 || w > 100 {
			return runtime.Value{}, runtime.Errorf("%s(): the width must be between 0 and 100 points", fn)
		}
		sp.width = w
		return runtime.None, nil
	},
	"get_linewidth": func(sp *Spine, fn string, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return runtime.MakeFloat(sp.width), runtime.UnpackArgs(fn, args, kwargs)
	},
	"set_position": spineSetPosition,
}

func init() {
	spineMethods["set_lw"] = spineMethods["set_linewidth"]
}

// spineSetColor is set_color(c).
func spineSetColor(sp *Spine, fn string, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var c runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "c", &c); err != nil {
		return runtime.Value{}, err
	}
	col, err := parseColor(fn, c)
	if err != nil {
		return runtime.Value{}, err
	}
	sp.color = col
	return runtime.None, nil
}

// spineSetPosition is set_position(('outward', points)), (('axes',
// fraction)), (('data', value)), 'center' or 'zero'.
func spineSetPosition(sp *Spine, fn string, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var pos runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "position", &pos); err != nil {
		return runtime.Value{}, err
	}
	if s, ok := runtime.AsString(pos); ok {
		switch s {
		case "center":
			sp.posKind, sp.posVal = "axes", 0.5
		case "zero":
			sp.posKind, sp.posVal = "data", 0
		default:
			return runtime.Value{}, runtime.Errorf("%s(): position must be 'center', 'zero' or a (type, amount) pair, not %q", fn, s)
		}
		return runtime.None, nil
	}
	pair, err := runtime.ToSlice(pos)
	if err == nil && len(pair) == 2 {
		kind, ok1 := runtime.AsString(pair[0])
		v, ok2 := pair[1].ToFloat()
		if ok1 && ok2 && (kind == "outward" || kind == "axes" || kind == "data") {
			sp.posKind, sp.posVal = kind, v
			if kind == "outward" && v == 0 {
				sp.posKind = ""
			}
			return runtime.None, nil
		}
	}
	return runtime.Value{}, runtime.Errorf("%s(): position must be ('outward'|'axes'|'data', amount), 'center' or 'zero'", fn)
}

// Type implements runtime.Object.
func (sp *Spine) Type() string { return "Spine" }

// String implements runtime.Object.
func (sp *Spine) String() string { return fmt.Sprintf("Spine(%s)", sp.side) }

// Truth implements runtime.Object.
func (sp *Spine) Truth() (bool, error) { return true, nil }

// Attr implements runtime.HasAttrs.
func (sp *Spine) Attr(name string) (runtime.Value, error) {
	m, ok := spineMethods[name]
	if !ok {
		return runtime.Value{}, nil
	}
	return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return m(sp, name, args, kwargs)
	}), nil
}

// AttrNames implements runtime.HasAttrs.
func (sp *Spine) AttrNames() []string { return sortedKeys(spineMethods) }

// spineGroup is spines[['top', 'right']]: setters apply to each.
type spineGroup struct{ spines []*Spine }

// Type implements runtime.Object.
func (g *spineGroup) Type() string { return "SpinesProxy" }

// String implements runtime.Object.
func (g *spineGroup) String() string { return fmt.Sprintf("<SpinesProxy of %d spines>", len(g.spines)) }

// Truth implements runtime.Object.
func (g *spineGroup) Truth() (bool, error) { return true, nil }

// Attr implements runtime.HasAttrs: the set_* methods of Spine.
func (g *spineGroup) Attr(name string) (runtime.Value, error) {
	m, ok := spineMethods[name]
	if !ok || len(name) < 4 || name[:4] != "set_" {
		return runtime.Value{}, nil
	}
	return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		for _, sp := range g.spines {
			if _, err := m(sp, name, args, kwargs); err != nil {
				return runtime.Value{}, err
			}
		}
		return runtime.None, nil
	}), nil
}

// AttrNames implements runtime.HasAttrs.
func (g *spineGroup) AttrNames() []string {
	var out []string
	for _, n := range sortedKeys(spineMethods) {
		if n[:4] == "set_" {
			out = append(out, n)
		}
	}
	return out
}

// drawSpines draws the frame of an axes around its data area dc: each
// visible spine with its colour and width, at its position.
func (ax *Axes) drawSpines(p *plot.Plot, dc draw.Canvas) {
	if ax.spines == nil {
		frame := []vg.Point{dc.Min, {X: dc.Max.X, Y: dc.Min.Y}, dc.Max, {X: dc.Min.X, Y: dc.Max.Y}, dc.Min}
		dc.StrokeLines(draw.LineStyle{Color: color.Black, Width: vg.Points(0.8)}, frame)
		return
	}
	tx, ty := p.Transforms(&dc)
	for _, side := range spineSides {
		sp := ax.spines[side]
		if sp.hidden || sp.width == 0 {
			continue
		}
		vertical := side == "left" || side == "right"
		// at is the spine's coordinate across it (x for left/right)
		var at vg.Length
		lo, hi := dc.Min.X, dc.Max.X
		if vertical {
			lo, hi = dc.Min.Y, dc.Max.Y
		}
		edge := map[string]vg.Length{"left": dc.Min.X, "right": dc.Max.X, "bottom": dc.Min.Y, "top": dc.Max.Y}[side]
		out := vg.Length(1)
		if side == "left" || side == "bottom" {
			out = -1
		}
		switch sp.posKind {
		case "outward":
			at = edge + out*vg.Points(sp.posVal)
		case "axes":
			if vertical {
				at = dc.Min.X + (dc.Max.X-dc.Min.X)*vg.Length(sp.posVal)
			} else {
				at = dc.Min.Y + (dc.Max.Y-dc.Min.Y)*vg.Length(sp.posVal)
			}
		case "data":
			if vertical {
				at = tx(sp.posVal)
			} else {
				at = ty(sp.posVal)
			}
		default:
			at = edge
		}
		ls := draw.LineStyle{Color: sp.color, Width: vg.Points(sp.width)}
		if vertical {
			dc.StrokeLine2(ls, at, lo, at, hi)
		} else {
			dc.StrokeLine2(ls, lo, at, hi, at)
		}
	}
}

// hideAxisLines drops gonum's own axis lines under hidden or moved left
// and bottom spines (the spines draw the frame).
func (ax *Axes) hideAxisLines(p *plot.Plot) {
	if ax.spines == nil {
		return
	}
	if sp := ax.spines["left"]; sp.hidden || sp.posKind != "" {
		p.Y.LineStyle.Width = 0
	}
	if sp := ax.spines["bottom"]; sp.hidden || sp.posKind != "" {
		p.X.LineStyle.Width = 0
	}
}
