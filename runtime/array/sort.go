package array

import (
	"math"
	"sort"

	rt "github.com/sim-lang/sim/runtime"
)

// lessF orders floats as numpy's sort does: NaN last.
func lessF(x, y float64) bool {
	if math.IsNaN(y) {
		return !math.IsNaN(x)
	}
	return x < y
}

// alongAxis moves axis ax (None: the flattened array) last and returns a
// contiguous copy with the lane length, plus a function that moves the
// axis of a result of the same layout back.
func alongAxis(a *Array, axis rt.Value) (*Array, int, func(*Array) *Array, error) {
	if !axis.IsValid() || axis.IsNone() {
		c := a.Copy().reshapeView([]int{a.Size()})
		return c, a.Size(), func(r *Array) *Array { return r }, nil
	}
	i, ok := axis.ToInt()
	if !ok {
		return nil, 0, nil, rt.Errorf("axis must be an integer")
	}
	nd := len(a.shape)
	if nd == 0 {
		return nil, 0, nil, rt.Errorf("axis %d is out of bounds for array of dimension 0", i)
	}
	ax, err := NormAxis(int(i), nd)
	if err != nil {
		return nil, 0, nil, err
	}
	perm := make([]int, 0, nd)
	for k := 0; k < nd; k++ {
		if k != ax {
			perm = append(perm, k)
		}
	}
	perm = append(perm, ax)
	inv := make([]int, nd)
	for k, p := range perm {
		inv[p] = k
	}
	c := a.permute(perm).Copy()
	back := func(r *Array) *Array { return r.permute(inv).Copy() }
	return c, a.shape[ax], back, nil
}

// Argsort returns the indices that sort a along axis (stable; NaN last).
func Argsort(a *Array, axis rt.Value) (*Array, error) {
	c, n, back, err := alongAxis(a, axis)
	if err != nil {
		return nil, err
	}
	out := make([]int64, c.Size())
	cf := c.AsTypeView(Float)
	for lo := 0; lo < len(out); lo += n {
		idx := out[lo : lo+n]
		for k := range idx {
			idx[k] = int64(k)
		}
		lane := cf.f[lo : lo+n]
		if c.dtype == Int {
			li := c.i[lo : lo+n]
			sort.SliceStable(idx, func(p, q int) bool { return li[idx[p]] < li[idx[q]] })
		} else {
			sort.SliceStable(idx, func(p, q int) bool { return lessF(lane[idx[p]], lane[idx[q]]) })
		}
	}
	return back(FromInts(out, c.shape...)), nil
}

// Sort returns a sorted copy of a along axis (NaN last).
func Sort(a *Array, axis rt.Value) (*Array, error) {
	c, n, back, err := alongAxis(a, axis)
	if err != nil {
		return nil, err
	}
	for lo := 0; lo < c.Size(); lo += n {
		switch c.dtype {
		case Float:
			l := c.f[lo : lo+n]
			sort.Slice(l, func(p, q int) bool { return lessF(l[p], l[q]) })
		case Int:
			l := c.i[lo : lo+n]
			sort.Slice(l, func(p, q int) bool { return l[p] < l[q] })
		default:
			l := c.b[lo : lo+n]
			sort.Slice(l, func(p, q int) bool { return !l[p] && l[q] })
		}
	}
	return back(c), nil
}

// checkKth validates argpartition's kth against the lane length.
func checkKth(kth []int, n int) error {
	for _, k := range kth {
		if k < -n || k >= n {
			return rt.Errorf("kth(=%d) out of bounds (%d)", k, n)
		}
	}
	return nil
}

// Argpartition returns indices that partition a along axis around each
// kth element. The result is deterministic: the stable argsort, which is
// one valid partition.
func Argpartition(a *Array, kth []int, axis rt.Value) (*Array, error) {
	n := a.Size()
	if axis.IsValid() && !axis.IsNone() && len(a.shape) > 0 {
		i, _ := axis.ToInt()
		ax, err := NormAxis(int(i), len(a.shape))
		if err != nil {
			return nil, err
		}
		n = a.shape[ax]
	}
	if err := checkKth(kth, n); err != nil {
		return nil, err
	}
	return Argsort(a, axis)
}

// Partition returns a copy of a partitioned around each kth element (here
// fully sorted, one valid partition).
func Partition(a *Array, kth []int, axis rt.Value) (*Array, error) {
	if _, err := Argpartition(a, kth, axis); err != nil {
		return nil, err
	}
	return Sort(a, axis)
}
