package ml

import "math"

// quadTree is a Barnes-Hut quadtree over 2-d points stored in flat slices:
// each node has a centre of mass, a point count, a cell half-width and four
// children (-1 when absent).
type quadTree struct {
	cx, cy, half []float64 // cell centre and half-width
	mx, my       []float64 // centre of mass
	cnt          []float64
	child        [][4]int32
	point        []int32 // the single point of a leaf (-1 for inner nodes)
	ys           []float64
}

const maxDepth = 50

func buildQuadTree(Y []float64, n int) *quadTree {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for i := 0; i < n; i++ {
		minX, maxX = math.Min(minX, Y[2*i]), math.Max(maxX, Y[2*i])
		minY, maxY = math.Min(minY, Y[2*i+1]), math.Max(maxY, Y[2*i+1])
	}
	t := &quadTree{ys: Y}
	h := math.Max(maxX-minX, maxY-minY)/2*(1+1e-3) + 1e-12
	t.node((minX+maxX)/2, (minY+maxY)/2, h)
	for i := 0; i < n; i++ {
		t.insert(0, i, 0)
	}
	return t
}

func (t *quadTree) node(cx, cy, h float64) int {
	t.cx = append(t.cx, cx)
	t.cy = append(t.cy, cy)
	t.half = append(t.half, h)
	t.mx = append(t.mx, 0)
	t.my = append(t.my, 0)
	t.cnt = append(t.cnt, 0)
	t.child = append(t.child, [4]int32{-1, -1, -1, -1})
	t.point = append(t.point, -1)
	return len(t.cx) - 1
}

func (t *quadTree) quadrant(nd int, x, y float64) int {
	q := 0
	if x > t.cx[nd] {
		q |= 1
	}
	if y > t.cy[nd] {
		q |= 2
	}
	return q
}

func (t *quadTree) insert(nd, i, depth int) {
	x, y := t.ys[2*i], t.ys[2*i+1]
	for {
		c := t.cnt[nd]
		t.mx[nd] = (t.mx[nd]*c + x) / (c + 1)
		t.my[nd] = (t.my[nd]*c + y) / (c + 1)
		t.cnt[nd] = c + 1
		if c == 0 {
			t.point[nd] = int32(i)
			return
		}
		if depth >= maxDepth {
			return // coincident points stay together in one leaf
		}
		if p := t.point[nd]; p >= 0 {
			// split the leaf: push its point down
			t.point[nd] = -1
			t.pushDown(nd, int(p), depth)
		}
		q := t.quadrant(nd, x, y)
		ch := int(t.child[nd][q])
		if ch < 0 {
			ch = t.makeChild(nd, q)
		}
		nd = ch
		depth++
	}
}

func (t *quadTree) makeChild(nd, q int) int {
	h := t.half[nd] / 2
	cx, cy := t.cx[nd]-h, t.cy[nd]-h
	if q&1 != 0 {
		cx = t.cx[nd] + h
	}
	if q&2 != 0 {
		cy = t.cy[nd] + h
	}
	ch := t.node(cx, cy, h)
	t.child[nd][q] = int32(ch)
	return ch
}

// pushDown moves point p of node nd into the right child (counts and
// centres of mass of nd already include it).
func (t *quadTree) pushDown(nd, p, depth int) {
	x, y := t.ys[2*p], t.ys[2*p+1]
	q := t.quadrant(nd, x, y)
	ch := t.makeChild(nd, q)
	t.mx[ch], t.my[ch], t.cnt[ch] = x, y, 1
	t.point[ch] = int32(p)
}

// repulse returns the unnormalised repulsive force on (x, y) and its
// contribution to the normalisation sum Z, approximating far cells by
// their centre of mass (cell width / distance < angle).
func (t *quadTree) repulse(x, y, angle float64) (fx, fy, z float64) {
	var stack [4 * maxDepth * 2]int32
	sp := 0
	stack[sp] = 0
	sp++
	a2 := angle * angle
	for sp > 0 {
		sp--
		nd := stack[sp]
		c := t.cnt[nd]
		if c == 0 {
			continue
		}
		dx, dy := x-t.mx[nd], y-t.my[nd]
		d2 := dx*dx + dy*dy
		w := 2 * t.half[nd]
		leaf := t.child[nd] == [4]int32{-1, -1, -1, -1}
		if leaf || w*w < a2*d2 {
			if d2 == 0 {
				continue // the point itself (or exact duplicates)
			}
			q := 1 / (1 + d2)
			z += c * q
			q2 := c * q * q
			fx += q2 * dx
			fy += q2 * dy
			continue
		}
		for _, ch := range t.child[nd] {
			if ch >= 0 {
				stack[sp] = ch
				sp++
			}
		}
	}
	return
}
