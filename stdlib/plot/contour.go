package plot

import "math"

// The contouring works on a grid of nx × ny points (x, y, z), each cell
// split into four triangles around its centre (the mean of its corners).
// z is linear on each triangle, so a level line crosses a triangle in at
// most one straight segment and the part of a triangle between two
// levels is a convex polygon: marching squares whose saddle cells are
// decided by the centre value. Lines and filled bands come from the same
// triangles, so contour() drawn over contourf() follows its edges.

// grid is the data of contour() and contourf(): x, y and z in row-major
// order, ny rows of nx points. NaN z values mask the cells around them.
type grid struct {
	nx, ny  int
	x, y, z []float64
}

// vertex is a triangle corner: a position, its value and an id shared by
// the triangles that meet there (grid points 0..nx·ny-1, centres after).
type vertex struct {
	x, y, z float64
	id      int
}

// triangles calls f for each triangle of the grid's unmasked cells, the
// four of a cell in turn.
func (g *grid) triangles(f func(a, b, c vertex)) {
	at := func(i, j int) vertex {
		k := j*g.nx + i
		return vertex{g.x[k], g.y[k], g.z[k], k}
	}
	for j := 0; j+1 < g.ny; j++ {
		for i := 0; i+1 < g.nx; i++ {
			p := [4]vertex{at(i, j), at(i+1, j), at(i+1, j+1), at(i, j+1)}
			ok := true
			var c vertex
			for _, v := range p {
				if math.IsNaN(v.z) || math.IsInf(v.z, 0) || math.IsNaN(v.x) || math.IsNaN(v.y) {
					ok = false
				}
				c.x, c.y, c.z = c.x+v.x/4, c.y+v.y/4, c.z+v.z/4
			}
			if !ok {
				continue
			}
			c.id = g.nx*g.ny + j*(g.nx-1) + i
			for k := 0; k < 4; k++ {
				f(p[k], p[(k+1)%4], c)
			}
		}
	}
}

// zRange returns the smallest and largest finite z.
func (g *grid) zRange() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range g.z {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	return lo, hi
}

// edgeKey names the point where a level crosses the edge between two
// vertices, the same from both triangles sharing the edge.
type edgeKey struct{ a, b int }

func keyOf(u, v vertex) edgeKey {
	if u.id > v.id {
		u, v = v, u
	}
	return edgeKey{u.id, v.id}
}

// cross returns where level crosses the edge u–v.
func cross(u, v vertex, level float64) [2]float64 {
	t := (level - u.z) / (v.z - u.z)
	return [2]float64{u.x + t*(v.x-u.x), u.y + t*(v.y-u.y)}
}

// contourLines returns the polylines of z = level, joined across
// triangles into paths (closed ones end at their start point). A vertex
// counts as above the level when z > level; a line along z = level
// exactly is drawn where the data rise through it.
func (g *grid) contourLines(level float64) [][][2]float64 {
	type seg struct {
		k    [2]edgeKey
		p    [2][2]float64
		used bool
	}
	var segs []seg
	at := map[edgeKey][]int{}
	g.triangles(func(a, b, c vertex) {
		vs := [3]vertex{a, b, c}
		var ks []edgeKey
		var ps [][2]float64
		for e := 0; e < 3; e++ {
			u, v := vs[e], vs[(e+1)%3]
			if (u.z > level) != (v.z > level) {
				ks = append(ks, keyOf(u, v))
				ps = append(ps, cross(u, v, level))
			}
		}
		if len(ks) != 2 {
			return
		}
		n := len(segs)
		segs = append(segs, seg{k: [2]edgeKey{ks[0], ks[1]}, p: [2][2]float64{ps[0], ps[1]}})
		at[ks[0]] = append(at[ks[0]], n)
		at[ks[1]] = append(at[ks[1]], n)
	})
	// follow walks from segment s, entering at end `from`, and returns
	// the points visited.
	follow := func(s, from int) [][2]float64 {
		path := [][2]float64{segs[s].p[from]}
		for {
			segs[s].used = true
			to := 1 - from
			path = append(path, segs[s].p[to])
			k := segs[s].k[to]
			next := -1
			for _, o := range at[k] {
				if !segs[o].used {
					next = o
					break
				}
			}
			if next < 0 {
				return path
			}
			s = next
			from = 0
			if segs[s].k[1] == k {
				from = 1
			}
		}
	}
	var paths [][][2]float64
	// open paths start at an end that only one segment reaches
	for s := range segs {
		for end := 0; end < 2 && !segs[s].used; end++ {
			if len(at[segs[s].k[end]]) == 1 {
				paths = append(paths, follow(s, end))
			}
		}
	}
	for s := range segs {
		if !segs[s].used {
			paths = append(paths, follow(s, 0))
		}
	}
	return paths
}

// clipAbove keeps the part of a convex polygon where z ≥ level (above)
// or z ≤ level (!above), z varying linearly along its edges.
func clipAbove(poly []vertex, level float64, above bool) []vertex {
	in := func(v vertex) bool {
		if above {
			return v.z >= level
		}
		return v.z <= level
	}
	var out []vertex
	for k, v := range poly {
		u := poly[(k+len(poly)-1)%len(poly)]
		if in(v) != in(u) {
			t := (level - u.z) / (v.z - u.z)
			out = append(out, vertex{x: u.x + t*(v.x-u.x), y: u.y + t*(v.y-u.y), z: level})
		}
		if in(v) {
			out = append(out, v)
		}
	}
	return out
}

// contourBands returns, for each band levels[k]..levels[k+1], the
// polygons covering the part of the grid where the data lie in it. The
// first band includes its lower level, as matplotlib's. Cells whose four
// corners all lie in one band give one quadrilateral instead of four
// triangles.
func (g *grid) contourBands(levels []float64) [][][][2]float64 {
	nb := len(levels) - 1
	out := make([][][][2]float64, max(nb, 0))
	if nb <= 0 {
		return out
	}
	band := func(z float64) int {
		for k := 0; k < nb; k++ {
			if z <= levels[k+1] && (z > levels[k] || (k == 0 && z == levels[0])) {
				return k
			}
		}
		return -1
	}
	at := func(i, j int) vertex {
		k := j*g.nx + i
		return vertex{x: g.x[k], y: g.y[k], z: g.z[k]}
	}
	var cellTri []vertex
	for j := 0; j+1 < g.ny; j++ {
		for i := 0; i+1 < g.nx; i++ {
			p := [4]vertex{at(i, j), at(i+1, j), at(i+1, j+1), at(i, j+1)}
			b := band(p[0].z)
			same := b >= 0
			var c vertex
			ok := true
			for _, v := range p {
				if band(v.z) != b {
					same = false
				}
				if math.IsNaN(v.z) || math.IsInf(v.z, 0) {
					ok = false
				}
				c.x, c.y, c.z = c.x+v.x/4, c.y+v.y/4, c.z+v.z/4
			}
			if !ok {
				continue
			}
			if same {
				out[b] = append(out[b], [][2]float64{{p[0].x, p[0].y}, {p[1].x, p[1].y}, {p[2].x, p[2].y}, {p[3].x, p[3].y}})
				continue
			}
			for t := 0; t < 4; t++ {
				cellTri = append(cellTri[:0], p[t], p[(t+1)%4], c)
				lo, hi := math.Inf(1), math.Inf(-1)
				for _, v := range cellTri {
					lo, hi = math.Min(lo, v.z), math.Max(hi, v.z)
				}
				for k := 0; k < nb; k++ {
					if hi < levels[k] || lo > levels[k+1] {
						continue
					}
					poly := clipAbove(clipAbove(cellTri, levels[k], true), levels[k+1], false)
					if len(poly) < 3 {
						continue
					}
					pts := make([][2]float64, len(poly))
					for m, v := range poly {
						pts[m] = [2]float64{v.x, v.y}
					}
					out[k] = append(out[k], pts)
				}
			}
		}
	}
	return out
}
