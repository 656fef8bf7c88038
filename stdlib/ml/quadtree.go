package ml

import (
	"cmp"
	"math"
	"slices"
)

// tnode is what a force traversal reads of a quadtree cell: the centre of
// mass, point count, squared cell width (-1 for a leaf) and children (-1
// when absent).
type tnode struct {
	mx, my, cnt, w2 float64
	child           [4]int32
}

// bnode is what building needs: the cell centre and half-width, and the
// single point of a leaf (-1 otherwise).
type bnode struct {
	cx, cy, half float64
	point        int32
}

// quadTree is a Barnes-Hut quadtree over 2-d points, nodes in flat slices.
type quadTree struct {
	t     []tnode
	b     []bnode
	ys    []float64
	order []int
	keys  []mkey
}

type mkey struct {
	code uint32
	i    int32
}

const maxDepth = 50

// reset rebuilds the tree over the points Y (n of them, x/y interleaved),
// reusing its storage, and orders the points along a Morton curve so that
// successive traversals touch the same cells.
func (q *quadTree) reset(Y []float64, n int) {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for i := 0; i < n; i++ {
		minX, maxX = math.Min(minX, Y[2*i]), math.Max(maxX, Y[2*i])
		minY, maxY = math.Min(minY, Y[2*i+1]), math.Max(maxY, Y[2*i+1])
	}
	q.ys = Y
	q.t, q.b = q.t[:0], q.b[:0]
	h := math.Max(maxX-minX, maxY-minY)/2*(1+1e-3) + 1e-12
	q.node((minX+maxX)/2, (minY+maxY)/2, h)
	if cap(q.keys) < n {
		q.keys = make([]mkey, n)
		q.order = make([]int, n)
	}
	q.keys = q.keys[:n]
	q.order = q.order[:n]
	sx, sy := 65535/math.Max(maxX-minX, 1e-300), 65535/math.Max(maxY-minY, 1e-300)
	for i := 0; i < n; i++ {
		q.insert(i)
		q.keys[i] = mkey{interleave(uint32((Y[2*i]-minX)*sx), uint32((Y[2*i+1]-minY)*sy)), int32(i)}
	}
	slices.SortFunc(q.keys, func(a, b mkey) int { return cmp.Compare(a.code, b.code) })
	for k, m := range q.keys {
		q.order[k] = int(m.i)
	}
}

// interleave makes a Morton code of two 16-bit coordinates.
func interleave(x, y uint32) uint32 {
	spread := func(v uint32) uint32 {
		v &= 0xffff
		v = (v | v<<8) & 0x00ff00ff
		v = (v | v<<4) & 0x0f0f0f0f
		v = (v | v<<2) & 0x33333333
		v = (v | v<<1) & 0x55555555
		return v
	}
	return spread(x) | spread(y)<<1
}

func (q *quadTree) node(cx, cy, h float64) int32 {
	q.t = append(q.t, tnode{w2: -1, child: [4]int32{-1, -1, -1, -1}})
	q.b = append(q.b, bnode{cx: cx, cy: cy, half: h, point: -1})
	return int32(len(q.t) - 1)
}

func (q *quadTree) child(nd int32, x, y float64) int32 {
	b := q.b[nd]
	k := 0
	if x > b.cx {
		k |= 1
	}
	if y > b.cy {
		k |= 2
	}
	if c := q.t[nd].child[k]; c >= 0 {
		return c
	}
	h := b.half / 2
	cx, cy := b.cx-h, b.cy-h
	if k&1 != 0 {
		cx = b.cx + h
	}
	if k&2 != 0 {
		cy = b.cy + h
	}
	c := q.node(cx, cy, h)
	q.t[nd].child[k] = c
	q.t[nd].w2 = 4 * b.half * b.half
	return c
}

func (q *quadTree) insert(i int) {
	x, y := q.ys[2*i], q.ys[2*i+1]
	nd := int32(0)
	for depth := 0; ; depth++ {
		n := &q.t[nd]
		c := n.cnt
		n.mx = (n.mx*c + x) / (c + 1)
		n.my = (n.my*c + y) / (c + 1)
		n.cnt = c + 1
		if c == 0 {
			q.b[nd].point = int32(i)
			return
		}
		if depth >= maxDepth {
			return // coincident points stay together in one leaf
		}
		if p := q.b[nd].point; p >= 0 {
			// split the leaf: push its point down one level
			q.b[nd].point = -1
			px, py := q.ys[2*p], q.ys[2*p+1]
			ch := q.child(nd, px, py)
			cn := &q.t[ch]
			cn.mx, cn.my, cn.cnt = px, py, 1
			q.b[ch].point = p
		}
		nd = q.child(nd, x, y)
	}
}

// repulse returns the unnormalised repulsive force on (x, y) and its
// contribution to the normalisation sum Z, approximating far cells by
// their centre of mass (cell width / distance < angle).
func (q *quadTree) repulse(x, y, angle float64) (fx, fy, z float64) {
	var stack [4*maxDepth + 8]int32
	sp := 1
	a2 := angle * angle
	nodes := q.t
	for sp > 0 {
		sp--
		n := &nodes[stack[sp]]
		dx, dy := x-n.mx, y-n.my
		d2 := dx*dx + dy*dy
		if n.w2 < a2*d2 || n.w2 < 0 {
			if d2 == 0 {
				continue // the point itself (or exact duplicates)
			}
			w := 1 / (1 + d2)
			z += n.cnt * w
			w2 := n.cnt * w * w
			fx += w2 * dx
			fy += w2 * dy
			continue
		}
		for _, c := range n.child {
			if c >= 0 {
				stack[sp] = c
				sp++
			}
		}
	}
	return
}
