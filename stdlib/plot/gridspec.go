package plot

import (
	"fmt"

	"github.com/sim-lang/sim/runtime"
)

// GridSpec is matplotlib's GridSpec: a grid of nrows × ncols cells that
// is indexed (gs[0, :], gs[1], gs[:, 1]) to get a SubplotSpec for
// add_subplot or subplot. Spacing and ratio arguments are accepted;
// cells are always equal (sim lays axes out itself).
type GridSpec struct{ nrows, ncols int }

// SubplotSpec is a rectangle of cells of a GridSpec.
type SubplotSpec struct{ pos gridPos }

// gridspecKw are the keyword arguments GridSpec and add_gridspec accept.
var gridspecKw = []string{"nrows", "ncols", "figure", "left", "right", "top", "bottom", "wspace", "hspace", "width_ratios", "height_ratios"}

// newGridSpec reads GridSpec(nrows, ncols, ...) arguments.
func newGridSpec(fn string, args []runtime.Value, kwargs []runtime.Kwarg, defaults bool) (*GridSpec, error) {
	kw, err := parseKw(fn, kwargs, gridspecKw...)
	if err != nil {
		return nil, err
	}
	if err := bindArgs(fn, kw, args, "nrows", "ncols"); err != nil {
		return nil, err
	}
	if !defaults {
		if err := require(fn, kw, "nrows", "ncols"); err != nil {
			return nil, err
		}
	}
	var n [2]int
	for k, name := range []string{"nrows", "ncols"} {
		v, err := kw.float(name, 1)
		if err != nil {
			return nil, err
		}
		if v != float64(int(v)) || v < 1 || v > 50 {
			return nil, runtime.Errorf("%s(): %s must be a positive int, not %v", fn, name, runtime.Str(kw.get(name)))
		}
		n[k] = int(v)
	}
	return &GridSpec{nrows: n[0], ncols: n[1]}, nil
}

// figAddGridspec is fig.add_gridspec(nrows=1, ncols=1, ...).
func figAddGridspec(f *Figure, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	gs, err := newGridSpec("add_gridspec", args, kwargs, true)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(gs), nil
}

// pltGridSpec is GridSpec(nrows, ncols, figure=None, ...).
func pltGridSpec(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	gs, err := newGridSpec("GridSpec", args, kwargs, false)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(gs), nil
}

// gridspecModule is matplotlib.gridspec.
func gridspecModule() *runtime.Module {
	return &runtime.Module{Name: "matplotlib.gridspec", Members: map[string]runtime.Value{
		"GridSpec": runtime.NewBuiltin("GridSpec", pltGridSpec),
	}}
}

// Type implements runtime.Object.
func (g *GridSpec) Type() string { return "GridSpec" }

// String implements runtime.Object.
func (g *GridSpec) String() string { return fmt.Sprintf("GridSpec(%d, %d)", g.nrows, g.ncols) }

// Truth implements runtime.Object.
func (g *GridSpec) Truth() (bool, error) { return true, nil }

// specSpan resolves one index of a GridSpec along a dimension of n cells:
// the first and one-past-last cell it covers (a slice's bounding range).
func specSpan(key runtime.Value, n int) (lo, hi int, err error) {
	idx, _, err := indices(key, n)
	if err != nil {
		return 0, 0, err
	}
	if len(idx) == 0 {
		return 0, 0, runtime.Errorf("GridSpec slice would result in no space allocated for subplot")
	}
	lo, hi = idx[0], idx[0]
	for _, i := range idx {
		lo, hi = min(lo, i), max(hi, i)
	}
	return lo, hi + 1, nil
}

// Index implements runtime.Indexable: gs[row, col] with ints or slices,
// or gs[k] counting cells row by row.
func (g *GridSpec) Index(key runtime.Value) (runtime.Value, error) {
	if t, ok := key.Obj().(runtime.Tuple); ok {
		if len(t) != 2 {
			return runtime.Value{}, runtime.Errorf("GridSpec is indexed by [row, col] or one flat index, not %d indices", len(t))
		}
		r0, r1, err := specSpan(t[0], g.nrows)
		if err != nil {
			return runtime.Value{}, err
		}
		c0, c1, err := specSpan(t[1], g.ncols)
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.MakeObj(&SubplotSpec{gridPos{g.nrows, g.ncols, r0, r1, c0, c1}}), nil
	}
	size := g.nrows * g.ncols
	if i, ok := key.ToInt(); ok && (i < -int64(size) || i >= int64(size)) {
		return runtime.Value{}, runtime.Errorf("index %d is out of bounds for GridSpec with size %d", i, size)
	}
	lo, hi, err := specSpan(key, size)
	if err != nil {
		return runtime.Value{}, err
	}
	// the bounding box of the first and last cells, as matplotlib does
	p, q := cell(g.nrows, g.ncols, lo+1), cell(g.nrows, g.ncols, hi)
	return runtime.MakeObj(&SubplotSpec{gridPos{g.nrows, g.ncols, min(p.r0, q.r0), max(p.r1, q.r1), min(p.c0, q.c0), max(p.c1, q.c1)}}), nil
}

// Attr implements runtime.HasAttrs.
func (g *GridSpec) Attr(name string) (runtime.Value, error) {
	switch name {
	case "nrows":
		return runtime.MakeInt(int64(g.nrows)), nil
	case "ncols":
		return runtime.MakeInt(int64(g.ncols)), nil
	case "get_geometry":
		return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return runtime.MakeTuple(runtime.MakeInt(int64(g.nrows)), runtime.MakeInt(int64(g.ncols))), runtime.UnpackArgs(name, args, kwargs)
		}), nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (g *GridSpec) AttrNames() []string { return []string{"get_geometry", "ncols", "nrows"} }

// Type implements runtime.Object.
func (s *SubplotSpec) Type() string { return "SubplotSpec" }

// String implements runtime.Object.
func (s *SubplotSpec) String() string {
	p := s.pos
	return fmt.Sprintf("GridSpec(%d, %d)[%d:%d, %d:%d]", p.nrows, p.ncols, p.r0, p.r1, p.c0, p.c1)
}

// Truth implements runtime.Object.
func (s *SubplotSpec) Truth() (bool, error) { return true, nil }

// Attr implements runtime.HasAttrs: rowspan and colspan (as ranges) and
// get_gridspec().
func (s *SubplotSpec) Attr(name string) (runtime.Value, error) {
	p := s.pos
	switch name {
	case "rowspan", "colspan":
		lo, hi := p.r0, p.r1
		if name == "colspan" {
			lo, hi = p.c0, p.c1
		}
		r, err := runtime.NewRange(int64(lo), int64(hi), 1)
		return runtime.MakeObj(r), err
	case "get_gridspec":
		return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return runtime.MakeObj(&GridSpec{p.nrows, p.ncols}), runtime.UnpackArgs(name, args, kwargs)
		}), nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (s *SubplotSpec) AttrNames() []string { return []string{"colspan", "get_gridspec", "rowspan"} }

// pltSubplot2grid is subplot2grid(shape, loc, rowspan=1, colspan=1,
// fig=None, **kwargs): a new axes over a block of a grid, in the current
// figure (or fig).
func pltSubplot2grid(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "subplot2grid"
	var own, rest []runtime.Kwarg
	for _, k := range kwargs {
		switch k.Name {
		case "shape", "loc", "rowspan", "colspan", "fig":
			own = append(own, k)
		default:
			rest = append(rest, k)
		}
	}
	kw, err := parseKw(fn, own, "shape", "loc", "rowspan", "colspan", "fig")
	if err != nil {
		return runtime.Value{}, err
	}
	if err := bindArgs(fn, kw, args, "shape", "loc", "rowspan", "colspan", "fig"); err != nil {
		return runtime.Value{}, err
	}
	if err := require(fn, kw, "shape", "loc"); err != nil {
		return runtime.Value{}, err
	}
	pair := func(name string) (a, b int, err error) {
		s, err := runtime.ToSlice(kw.get(name))
		if err == nil && len(s) == 2 {
			x, ok1 := s[0].ToInt()
			y, ok2 := s[1].ToInt()
			if ok1 && ok2 {
				return int(x), int(y), nil
			}
		}
		return 0, 0, runtime.Errorf("%s(): %s must be a pair of ints, not %s", fn, name, runtime.Str(kw.get(name)))
	}
	nr, nc, err := pair("shape")
	if err != nil {
		return runtime.Value{}, err
	}
	if nr < 1 || nc < 1 || nr > 50 || nc > 50 {
		return runtime.Value{}, runtime.Errorf("%s(): shape must be two positive ints", fn)
	}
	r, c, err := pair("loc")
	if err != nil {
		return runtime.Value{}, err
	}
	rs, err := kw.float("rowspan", 1)
	if err != nil {
		return runtime.Value{}, err
	}
	cs, err := kw.float("colspan", 1)
	if err != nil {
		return runtime.Value{}, err
	}
	// matplotlib slices gs[r:r+rowspan, c:c+colspan]: spans past the edge
	// are cut, an empty block is an error
	r1, c1 := min(r+int(rs), nr), min(c+int(cs), nc)
	if r < 0 || c < 0 || r >= r1 || c >= c1 {
		return runtime.Value{}, runtime.Errorf("GridSpec slice would result in no space allocated for subplot")
	}
	f := stateOf(th).gcf()
	if kw.has("fig") {
		var ok bool
		if f, ok = kw.get("fig").Obj().(*Figure); !ok {
			return runtime.Value{}, runtime.Errorf("%s(): fig must be a Figure", fn)
		}
	}
	ax := f.addAxes(gridPos{nr, nc, r, r1, c, c1})
	if err := shareArgs(fn, ax, rest); err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(ax), nil
}
