package array

import "github.com/sim-lang/sim/runtime"

// broadcastShapes applies numpy's three broadcasting rules to shapes and
// returns the result shape, or numpy's error.
func broadcastShapes(shapes ...[]int) ([]int, error) {
	nd := 0
	for _, s := range shapes {
		nd = max(nd, len(s))
	}
	out := make([]int, nd)
	for k := range out {
		out[k] = 1
	}
	for _, s := range shapes {
		pad := nd - len(s)
		for k, n := range s {
			switch {
			case out[pad+k] == n || n == 1:
			case out[pad+k] == 1:
				out[pad+k] = n
			default:
				return nil, broadcastError(shapes)
			}
		}
	}
	return out, nil
}

func broadcastError(shapes [][]int) error {
	msg := "operands could not be broadcast together with shapes"
	for _, s := range shapes {
		msg += " " + shapeTight(s)
	}
	return runtime.Errorf("%s", msg)
}

// broadcastTo returns a view of a with shape (strides 0 on broadcast
// axes); shape must be a valid broadcast target.
func (a *Array) broadcastTo(shape []int) *Array {
	if equalInts(a.shape, shape) {
		return a
	}
	c := *a
	c.shape = append([]int(nil), shape...)
	c.strides = make([]int, len(shape))
	pad := len(shape) - len(a.shape)
	for k := range a.shape {
		if a.shape[k] != 1 {
			c.strides[pad+k] = a.strides[k]
		}
	}
	return &c
}

// BroadcastTo returns a read-only-by-convention view of a with the given
// shape, or numpy's error when a cannot be broadcast to it.
func (a *Array) BroadcastTo(shape []int) (*Array, error) {
	out, err := broadcastShapes(a.shape, shape)
	if err != nil || !equalInts(out, shape) {
		return nil, runtime.Errorf("operands could not be broadcast together with remapped shapes [original->remapped]: %s  and requested shape %s", shapeTight(a.shape), shapeTight(shape))
	}
	return a.broadcastTo(shape), nil
}

// rows calls f for every row along the last axis of shape, giving the
// starting offsets of each operand (strides in st, offsets in off); n is
// the row length. For 0-d shapes f is called once with n = 1.
func rows(shape []int, st [][]int, off []int, f func(offs []int, n int)) {
	nd := len(shape)
	if prod(shape) == 0 {
		return
	}
	cur := append([]int(nil), off...)
	if nd == 0 {
		f(cur, 1)
		return
	}
	idx := make([]int, nd)
	last := nd - 1
	n := shape[last]
	for {
		f(cur, n)
		d := last - 1
		for ; d >= 0; d-- {
			idx[d]++
			for j := range cur {
				cur[j] += st[j][d]
			}
			if idx[d] < shape[d] {
				break
			}
			for j := range cur {
				cur[j] -= st[j][d] * shape[d]
			}
			idx[d] = 0
		}
		if d < 0 {
			return
		}
	}
}

// lastStride returns the stride of the last axis (0 for 0-d).
func lastStride(st []int) int {
	if len(st) == 0 {
		return 0
	}
	return st[len(st)-1]
}
