package plot

import (
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

func init() {
	axesMethods["contour"] = axContour(false)
	axesMethods["contourf"] = axContour(true)
}

// contourKw are the keywords of contour() and contourf().
var contourKw = []string{"levels", "colors", "cmap", "vmin", "vmax", "linewidths", "linestyles",
	"alpha", "extend", "origin", "extent", "corner_mask", "antialiased", "zorder", "norm", "nchunk", "hatches", "algorithm"}

// contourSet is what contour() (lines) and contourf() (filled bands)
// draw: per level a set of polylines, or per band a set of polygons.
type contourSet struct {
	filled bool
	levels []float64 // display units of z
	lines  [][][][2]float64
	fills  [][][][2]float64
	colors []color.NRGBA // per level (lines) or band (fills)
	widths []float64
	styles []string
	xr, yr [2]float64 // data range, sticky
	sm     *scalarMap
	zunit  *axisUnit
	// extLo, extHi: contourf(extend=) added a band below or above
	extLo, extHi bool
}

// Plot implements plot.Plotter.
func (cs *contourSet) Plot(c draw.Canvas, p *plot.Plot) {
	m := newMapper(&c, p)
	toPts := func(path [][2]float64) []vg.Point {
		pts := make([]vg.Point, 0, len(path))
		for _, q := range path {
			if pt, ok := m.pt(q[0], q[1]); ok {
				pts = append(pts, pt)
			}
		}
		return pts
	}
	if cs.filled {
		// each band is filled as one path of all its polygons (which
		// share orientation), so that no seams show between neighbours
		for k, band := range cs.fills {
			var path vg.Path
			for _, poly := range band {
				pts := toPts(poly)
				if len(pts) < 3 {
					continue
				}
				pts = c.ClipPolygonXY(pts)
				if len(pts) < 3 {
					continue
				}
				path.Move(pts[0])
				for _, pt := range pts[1:] {
					path.Line(pt)
				}
				path.Close()
			}
			if len(path) > 0 {
				c.SetColor(cs.colors[k])
				c.Fill(path)
			}
		}
		return
	}
	for k, paths := range cs.lines {
		ls := draw.LineStyle{Color: cs.colors[k], Width: vg.Points(cs.widths[k]), Dashes: dashes(cs.styles[k], nil, cs.widths[k])}
		for _, path := range paths {
			if pts := toPts(path); len(pts) > 1 {
				c.StrokeLines(ls, c.ClipLinesXY(pts)...)
			}
		}
	}
}

func (cs *contourSet) bounds() (xs, ys, sx, sy []float64) {
	xs, ys = cs.xr[:], cs.yr[:]
	return xs, ys, xs, ys
}

func (cs *contourSet) legendEntry() (string, plot.Thumbnailer) { return "", nil }

// contourArgs splits contour([X, Y,] Z, [levels]) into its parts.
func contourArgs(fn string, args []runtime.Value, kw kwset) (x, y, z runtime.Value, err error) {
	switch len(args) {
	case 1, 2:
		z = args[0]
	case 3, 4:
		x, y, z = args[0], args[1], args[2]
	case 0:
		return x, y, z, runtime.Errorf("%s() needs Z, or X, Y and Z", fn)
	default:
		return x, y, z, runtime.Errorf("%s() takes at most 4 positional arguments ([X, Y,] Z, [levels]), not %d", fn, len(args))
	}
	if len(args) == 2 || len(args) == 4 {
		if kw.has("levels") {
			return x, y, z, runtime.Errorf("%s() got multiple values for argument 'levels'", fn)
		}
		kw.set("levels", args[len(args)-1])
	}
	return x, y, z, nil
}

// contourGrid reads X, Y and Z (converted on the axes' units) into a
// grid, with matplotlib's checks and messages.
func (ax *Axes) contourGrid(fn string, xv, yv, zv runtime.Value, zu *axisUnit) (*grid, error) {
	za, err := array.From(zv)
	if err != nil {
		return nil, runtime.Errorf("%s(): Z must be a 2-d array of numbers: %v", fn, err)
	}
	if za.NDim() != 2 {
		return nil, runtime.Errorf("%s(): Input z must be 2D, not %dD", fn, za.NDim())
	}
	ny, nx := za.Shape()[0], za.Shape()[1]
	if ny < 2 || nx < 2 {
		return nil, runtime.Errorf("%s(): Input z must be at least a (2, 2) shaped array, but has shape %s", fn, array.ShapeString(za.Shape()))
	}
	zd, err := zu.convert(fn, "z", zv)
	if err != nil {
		return nil, err
	}
	g := &grid{nx: nx, ny: ny, z: zd.vals, x: make([]float64, nx*ny), y: make([]float64, nx*ny)}
	if !xv.IsValid() {
		for j := 0; j < ny; j++ {
			for i := 0; i < nx; i++ {
				g.x[j*nx+i], g.y[j*nx+i] = float64(i), float64(j)
			}
		}
		return g, nil
	}
	xd, err := ax.x.unit.convert(fn, "x", xv)
	if err != nil {
		return nil, err
	}
	yd, err := ax.y.unit.convert(fn, "y", yv)
	if err != nil {
		return nil, err
	}
	if len(xd.shape) != len(yd.shape) {
		return nil, runtime.Errorf("%s(): Number of dimensions of x (%d) and y (%d) do not match", fn, len(xd.shape), len(yd.shape))
	}
	switch len(xd.shape) {
	case 1:
		if xd.shape[0] != nx {
			return nil, runtime.Errorf("%s(): Length of x (%d) must match number of columns in z (%d)", fn, xd.shape[0], nx)
		}
		if yd.shape[0] != ny {
			return nil, runtime.Errorf("%s(): Length of y (%d) must match number of rows in z (%d)", fn, yd.shape[0], ny)
		}
		for j := 0; j < ny; j++ {
			for i := 0; i < nx; i++ {
				g.x[j*nx+i], g.y[j*nx+i] = xd.vals[i], yd.vals[j]
			}
		}
	case 2:
		same := func(s []int) bool { return s[0] == ny && s[1] == nx }
		if !same(xd.shape) {
			return nil, runtime.Errorf("%s(): Shapes of x %s and z %s do not match", fn, array.ShapeString(xd.shape), array.ShapeString(za.Shape()))
		}
		if !same(yd.shape) {
			return nil, runtime.Errorf("%s(): Shapes of y %s and z %s do not match", fn, array.ShapeString(yd.shape), array.ShapeString(za.Shape()))
		}
		copy(g.x, xd.vals)
		copy(g.y, yd.vals)
	default:
		return nil, runtime.Errorf("%s(): Inputs x and y must be 1D or 2D, not %dD", fn, len(xd.shape))
	}
	return g, nil
}

// contourLevels reads levels= (a count or the values, in z's unit) and
// returns the levels as matplotlib chooses them.
func contourLevels(fn string, kw kwset, zu *axisUnit, zmin, zmax float64, filled bool) ([]float64, error) {
	lv := kw.get("levels")
	var levels []float64
	if !kw.has("levels") || lv.Kind() == runtime.IntKind {
		n := 7
		if kw.has("levels") {
			n = int(lv.AsInt())
		}
		if n < 1 || n > 1000 {
			return nil, runtime.Errorf("%s(): the number of levels must be between 1 and 1000, not %d", fn, n)
		}
		levels = autoLevels(zmin, zmax, n)
	} else {
		a, err := array.From(lv)
		if err != nil || a.NDim() > 1 {
			return nil, runtime.Errorf("%s(): levels must be an int or a 1-d sequence of numbers", fn)
		}
		levels = append([]float64(nil), a.Float64s()...)
		if d := a.Dim(); !d.IsDimensionless() {
			if !zu.set || d != zu.dim {
				return nil, runtime.Errorf("%s(): levels have units but z is in %s", fn, orPlain(zu))
			}
			for k := range levels {
				levels[k] /= zu.scale
			}
		}
	}
	if !filled {
		inside := false
		for _, v := range levels {
			if v > zmin && v < zmax {
				inside = true
			}
		}
		if !inside {
			levels = []float64{zmin}
		}
	}
	if filled && len(levels) < 2 {
		return nil, runtime.Errorf("%s(): Filled contours require at least 2 levels.", fn)
	}
	for k := 1; k < len(levels); k++ {
		if !(levels[k] > levels[k-1]) {
			return nil, runtime.Errorf("%s(): Contour levels must be increasing", fn)
		}
	}
	return levels, nil
}

// orPlain names an axis unit for messages.
func orPlain(u *axisUnit) string {
	if u.set {
		return u.name
	}
	return "plain numbers"
}

// perLevel reads a keyword holding one value or one per level (n of
// them), applying conv to each.
func perLevel[T any](fn, name string, v runtime.Value, n int, conv func(runtime.Value) (T, error)) ([]T, error) {
	one, err := conv(v)
	if err == nil {
		out := make([]T, n)
		for k := range out {
			out[k] = one
		}
		return out, nil
	}
	elems, err2 := runtime.ToSlice(v)
	if err2 != nil {
		return nil, err
	}
	if len(elems) == 0 {
		return nil, runtime.Errorf("%s(): %s is empty", fn, name)
	}
	out := make([]T, n)
	for k := range out {
		// matplotlib cycles a short list over the levels
		if out[k], err = conv(elems[k%len(elems)]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// axContour returns Axes.contour([X, Y,] Z, [levels], colors=, cmap=,
// vmin=, vmax=, linewidths=, linestyles=, alpha=) or, filled,
// contourf(..., extend=): level lines or the bands between levels, with
// matplotlib's automatic levels (levels=7 by default). It returns a
// ContourSet, which colorbar() takes.
func axContour(filled bool) method {
	fn := "contour"
	if filled {
		fn = "contourf"
	}
	return func(ax *Axes, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		kw, err := parseKw(fn, kwargs, contourKw...)
		if err != nil {
			return runtime.Value{}, err
		}
		xv, yv, zv, err := contourArgs(fn, args, kw)
		if err != nil {
			return runtime.Value{}, err
		}
		zu := &axisUnit{}
		g, err := ax.contourGrid(fn, xv, yv, zv, zu)
		if err != nil {
			return runtime.Value{}, err
		}
		zmin, zmax := g.zRange()
		if zmin > zmax {
			return runtime.Value{}, runtime.Errorf("%s(): z has no finite values", fn)
		}
		levels, err := contourLevels(fn, kw, zu, zmin, zmax, filled)
		if err != nil {
			return runtime.Value{}, err
		}
		extend, err := kw.str("extend", "neither")
		if err != nil {
			return runtime.Value{}, err
		}
		if extend != "neither" && extend != "min" && extend != "max" && extend != "both" {
			return runtime.Value{}, runtime.Errorf("%s(): extend must be 'neither', 'min', 'max' or 'both', not %q", fn, extend)
		}
		cs := &contourSet{filled: filled, levels: levels, zunit: zu,
			extLo: filled && (extend == "min" || extend == "both"), extHi: filled && (extend == "max" || extend == "both")}
		cs.xr, cs.yr = [2]float64{math.Inf(1), math.Inf(-1)}, [2]float64{math.Inf(1), math.Inf(-1)}
		for k := range g.x {
			if okVal(g.x[k], false) && okVal(g.y[k], false) {
				cs.xr = [2]float64{math.Min(cs.xr[0], g.x[k]), math.Max(cs.xr[1], g.x[k])}
				cs.yr = [2]float64{math.Min(cs.yr[0], g.y[k]), math.Max(cs.yr[1], g.y[k])}
			}
		}
		// the colour of each level (lines) or band (fills): the colour map
		// over levels[0]..levels[-1] at the level or the band's middle
		cm, err := parseCmap(fn, kw.get("cmap"))
		if err != nil {
			return runtime.Value{}, err
		}
		sm := &scalarMap{cmap: cm, lo: levels[0], hi: levels[len(levels)-1], unit: zu.name, scale: 1}
		if zu.set {
			sm.scale = zu.scale
		}
		for _, b := range []struct {
			name string
			dst  *float64
		}{{"vmin", &sm.lo}, {"vmax", &sm.hi}} {
			if kw.has(b.name) {
				if *b.dst, err = zu.scalar(fn, "z", kw.get(b.name)); err != nil {
					return runtime.Value{}, err
				}
			}
		}
		cs.sm = sm
		var values []float64 // what each drawn item is coloured by
		bandLevels := levels
		if filled {
			if cs.extLo {
				bandLevels = append([]float64{math.Inf(-1)}, bandLevels...)
			}
			if cs.extHi {
				bandLevels = append(append([]float64(nil), bandLevels...), math.Inf(1))
			}
			for k := 0; k+1 < len(bandLevels); k++ {
				lo, hi := bandLevels[k], bandLevels[k+1]
				switch {
				case math.IsInf(lo, -1):
					values = append(values, math.Inf(-1))
				case math.IsInf(hi, 1):
					values = append(values, math.Inf(1))
				default:
					values = append(values, (lo+hi)/2)
				}
			}
		} else {
			values = levels
		}
		alpha, err := kw.float("alpha", 1)
		if err != nil {
			return runtime.Value{}, err
		}
		monochrome := false
		if kw.has("colors") {
			cols, err := perLevel(fn, "colors", kw.get("colors"), len(values), func(v runtime.Value) (color.NRGBA, error) { return parseColor(fn, v) })
			if err != nil {
				return runtime.Value{}, err
			}
			_, single := parseColor(fn, kw.get("colors"))
			monochrome = single == nil
			cs.colors = cols
		} else {
			for _, v := range values {
				cs.colors = append(cs.colors, sm.color(math.Max(math.Min(v, math.MaxFloat64), -math.MaxFloat64)))
			}
		}
		for k := range cs.colors {
			cs.colors[k] = withAlpha(cs.colors[k], alpha)
		}
		if filled {
			cs.fills = g.contourBands(bandLevels)
		} else {
			lw := rc.float("lines.linewidth")
			if kw.has("linewidths") {
				if cs.widths, err = perLevel(fn, "linewidths", kw.get("linewidths"), len(levels), func(v runtime.Value) (float64, error) {
					f, ok := v.ToFloat()
					if !ok || f < 0 {
						return 0, runtime.Errorf("%s(): linewidths must be non-negative numbers", fn)
					}
					return f, nil
				}); err != nil {
					return runtime.Value{}, err
				}
			} else {
				cs.widths = make([]float64, len(levels))
				for k := range cs.widths {
					cs.widths[k] = lw
				}
			}
			cs.styles = make([]string, len(levels))
			for k, v := range levels {
				cs.styles[k] = "-"
				if monochrome && v < 0 {
					cs.styles[k] = "--" // matplotlib's negative_linestyles
				}
			}
			if kw.has("linestyles") {
				if cs.styles, err = perLevel(fn, "linestyles", kw.get("linestyles"), len(levels), func(v runtime.Value) (string, error) {
					s, _, err := parseLineStyle(fn, v)
					return s, err
				}); err != nil {
					return runtime.Value{}, err
				}
			}
			for _, v := range levels {
				cs.lines = append(cs.lines, g.contourLines(v))
			}
		}
		ax.add(cs)
		return runtime.MakeObj(&mappable{sm: sm, ax: ax, kind: "QuadContourSet", contour: cs}), nil
	}
}

// contourAttr returns the attributes of a ContourSet: levels (in z's
// unit), layers (what each line or band is coloured by), filled, and
// allsegs (per level, the polylines as (n, 2) arrays; for contourf the
// polygons of each band).
func (cs *contourSet) attr(name string) (runtime.Value, bool) {
	switch name {
	case "levels":
		return seriesValue(cs.levels, cs.zunit), true
	case "layers":
		if !cs.filled {
			return seriesValue(cs.levels, cs.zunit), true
		}
		mid := make([]float64, len(cs.levels)-1)
		for k := range mid {
			mid[k] = (cs.levels[k] + cs.levels[k+1]) / 2
		}
		return seriesValue(mid, cs.zunit), true
	case "filled":
		return runtime.MakeBool(cs.filled), true
	case "allsegs":
		src := cs.lines
		if cs.filled {
			src = cs.fills
		}
		out := make([]runtime.Value, len(src))
		for k, paths := range src {
			segs := make([]runtime.Value, len(paths))
			for m, path := range paths {
				flat := make([]float64, 0, 2*len(path))
				for _, q := range path {
					flat = append(flat, q[0], q[1])
				}
				segs[m] = array.Value(array.FromFloats(flat, len(path), 2))
			}
			out[k] = runtime.NewList(segs)
		}
		return runtime.NewList(out), true
	}
	return runtime.Value{}, false
}

// contourAttrNames are the attribute names of a ContourSet.
var contourAttrNames = []string{"allsegs", "filled", "layers", "levels"}

// contourColorbar sets a colour bar up for a contour set: the bands of a
// contourf, or the level lines of a contour, ticks at the levels.
func contourColorbar(cb *colorbar, cs *contourSet) {
	cb.bounds = cs.levels
	cb.lo, cb.hi = cs.levels[0], cs.levels[len(cs.levels)-1]
	if cs.filled {
		// the extension bands are not drawn in the bar
		cols := cs.colors
		if cs.extLo {
			cols = cols[1:]
		}
		if cs.extHi {
			cols = cols[:len(cols)-1]
		}
		cb.bandColors = cols
		return
	}
	cb.lineColors = cs.colors
}

// levelTicks returns up to about ten of the levels as colour bar ticks,
// as matplotlib's FixedLocator(levels, nbins=10) thins them.
func levelTicks(levels []float64) []plot.Tick {
	step := 1
	for (len(levels)+step-1)/step > 11 {
		step++
	}
	var ts []plot.Tick
	for k := 0; k < len(levels); k += step {
		ts = append(ts, plot.Tick{Value: levels[k], Label: strings.TrimSuffix(trimNum(levels[k]), ".0")})
	}
	return ts
}
