package array

import (
	rt "github.com/sim-lang/sim/runtime"
)

// Reshape returns a with a new shape (one entry may be -1), as a view when
// a is contiguous and a copy otherwise.
func (a *Array) Reshape(shape []int) (*Array, error) {
	shape = append([]int(nil), shape...)
	known, neg := 1, -1
	for k, s := range shape {
		switch {
		case s == -1 && neg >= 0:
			return nil, rt.Errorf("can only specify one unknown dimension")
		case s == -1:
			neg = k
		case s < 0:
			return nil, rt.Errorf("negative dimensions not allowed")
		default:
			known *= s
		}
	}
	n := a.Size()
	if neg >= 0 {
		if known == 0 || n%known != 0 {
			return nil, rt.Errorf("cannot reshape array of size %d into shape %s", n, reshapeText(shape))
		}
		shape[neg] = n / known
	}
	if prod(shape) != n {
		return nil, rt.Errorf("cannot reshape array of size %d into shape %s", n, reshapeText(shape))
	}
	return a.reshapeView(shape), nil
}

func reshapeText(shape []int) string { return ShapeString(shape) }

// ShapeArg reads a shape given as an int, a tuple/list of ints, or
// several int arguments.
func ShapeArg(args []rt.Value) ([]int, error) {
	if len(args) == 1 {
		switch o := args[0].Obj().(type) {
		case rt.Tuple:
			return ShapeArg(o)
		case *rt.List:
			return ShapeArg(o.Elems)
		case *Array:
			return ShapeArg(valuesOf(o))
		}
	}
	out := make([]int, len(args))
	for k, v := range args {
		i, ok := v.ToInt()
		if !ok {
			return nil, rt.Errorf("'%s' object cannot be interpreted as an integer", rt.TypeName(v))
		}
		out[k] = int(i)
	}
	return out, nil
}

func valuesOf(a *Array) []rt.Value {
	out := make([]rt.Value, 0, a.Size())
	walk(a.shape, a.strides, a.offset, func(off int) { out = append(out, a.valueAt(off)) })
	return out
}

// Transpose returns a view with the axes permuted (reversed when axes is
// nil).
func (a *Array) Transpose(axes []int) (*Array, error) {
	nd := len(a.shape)
	if axes == nil {
		axes = make([]int, nd)
		for k := range axes {
			axes[k] = nd - 1 - k
		}
	}
	if len(axes) != nd {
		return nil, rt.Errorf("axes don't match array")
	}
	seen := make([]bool, nd)
	perm := make([]int, nd)
	for k, ax := range axes {
		ax, err := NormAxis(ax, nd)
		if err != nil {
			return nil, err
		}
		if seen[ax] {
			return nil, rt.Errorf("repeated axis in transpose")
		}
		seen[ax] = true
		perm[k] = ax
	}
	return a.permute(perm), nil
}

// SwapAxes returns a view with two axes exchanged.
func (a *Array) SwapAxes(i, j int) (*Array, error) {
	nd := len(a.shape)
	i, err := NormAxis(i, nd)
	if err != nil {
		return nil, err
	}
	if j, err = NormAxis(j, nd); err != nil {
		return nil, err
	}
	perm := make([]int, nd)
	for k := range perm {
		perm[k] = k
	}
	perm[i], perm[j] = j, i
	return a.permute(perm), nil
}

// Flatten returns a 1-d copy.
func (a *Array) Flatten() *Array { return a.Copy().reshapeView([]int{a.Size()}) }

// Ravel returns a 1-d view when a is contiguous, a copy otherwise.
func (a *Array) Ravel() *Array { return a.reshapeView([]int{a.Size()}) }

// Squeeze removes axes of length one (all of them when axes is nil).
func (a *Array) Squeeze(axes []int) (*Array, error) {
	drop := map[int]bool{}
	if axes == nil {
		for k, s := range a.shape {
			if s == 1 {
				drop[k] = true
			}
		}
	}
	for _, ax := range axes {
		if a.shape[ax] != 1 {
			return nil, rt.Errorf("cannot select an axis to squeeze out which has size not equal to one")
		}
		drop[ax] = true
	}
	c := *a
	c.shape, c.strides = []int{}, []int{}
	c.scalarSel = false
	for k := range a.shape {
		if !drop[k] {
			c.shape = append(c.shape, a.shape[k])
			c.strides = append(c.strides, a.strides[k])
		}
	}
	return &c, nil
}

// ExpandDims inserts an axis of length one at position ax.
func (a *Array) ExpandDims(ax int) (*Array, error) {
	nd := len(a.shape) + 1
	ax, err := NormAxis(ax, nd)
	if err != nil {
		return nil, err
	}
	c := *a
	c.scalarSel = false
	c.shape = append(append(append([]int{}, a.shape[:ax]...), 1), a.shape[ax:]...)
	c.strides = append(append(append([]int{}, a.strides[:ax]...), 0), a.strides[ax:]...)
	return &c, nil
}

// Concatenate joins arrays along an existing axis. The units must agree;
// the dtype is the widest of the inputs.
func Concatenate(arrs []*Array, axis int) (*Array, error) {
	if len(arrs) == 0 {
		return nil, rt.Errorf("need at least one array to concatenate")
	}
	first := arrs[0]
	nd := len(first.shape)
	if nd == 0 {
		return nil, rt.Errorf("zero-dimensional arrays cannot be concatenated")
	}
	ax, err := NormAxis(axis, nd)
	if err != nil {
		return nil, err
	}
	dt := first.dtype
	total := 0
	dim := first.dim
	for k, a := range arrs {
		if len(a.shape) != nd {
			return nil, rt.Errorf("all the input array dimensions except for the concatenation axis must match exactly, but along dimension 0, the array at index 0 has %d dimension(s) and the array at index %d has %d dimension(s)", nd, k, len(a.shape))
		}
		for d := 0; d < nd; d++ {
			if d != ax && a.shape[d] != first.shape[d] {
				return nil, rt.Errorf("all the input array dimensions except for the concatenation axis must match exactly, but along dimension %d, the array at index 0 has size %d and the array at index %d has size %d", d, first.shape[d], k, a.shape[d])
			}
		}
		// zeros fit any unit (they take the others'); they still count
		if a.dim != dim && !a.allZero() {
			if k == 0 || !zeroAll(arrs[:k]) {
				return nil, MismatchError("concatenate", first, a)
			}
			dim = a.dim
		}
		dt = max(dt, a.dtype)
		total += a.shape[ax]
	}
	shape := first.Shape()
	shape[ax] = total
	out := Zeros(dt, shape, dim)
	pos := 0
	for _, a := range arrs {
		n := a.shape[ax]
		if n == 0 {
			continue
		}
		dst, _ := out.Get(sliceKey(nd, ax, pos, pos+n))
		dst.dim = a.dim
		if err := dst.Assign(a); err != nil {
			return nil, err
		}
		pos += n
	}
	return out, nil
}

func zeroAll(arrs []*Array) bool {
	for _, a := range arrs {
		if !a.allZero() {
			return false
		}
	}
	return true
}

// sliceKey builds the subscript (:, ..., lo:hi, ...) selecting lo:hi on ax.
func sliceKey(nd, ax, lo, hi int) rt.Value {
	key := make(rt.Tuple, nd)
	for k := range key {
		key[k] = rt.MakeObj(&rt.Slice{Start: rt.None, Stop: rt.None, Step: rt.None})
	}
	key[ax] = rt.MakeObj(&rt.Slice{Start: rt.MakeInt(int64(lo)), Stop: rt.MakeInt(int64(hi)), Step: rt.None})
	return rt.MakeObj(key)
}

// Stack joins arrays of equal shape along a new axis.
func Stack(arrs []*Array, axis int) (*Array, error) {
	if len(arrs) == 0 {
		return nil, rt.Errorf("need at least one array to stack")
	}
	for _, a := range arrs[1:] {
		if !equalInts(a.shape, arrs[0].shape) {
			return nil, rt.Errorf("all input arrays must have the same shape")
		}
	}
	ax, err := NormAxis(axis, len(arrs[0].shape)+1)
	if err != nil {
		return nil, err
	}
	ex := make([]*Array, len(arrs))
	for k, a := range arrs {
		ex[k], _ = a.ExpandDims(ax)
	}
	return Concatenate(ex, ax)
}

// AtLeast returns a view of a with at least nd dimensions: 1-d arrays
// become rows (1, n), 0-d become (1,) or (1, 1), as numpy's atleast_nd.
func (a *Array) AtLeast(nd int) *Array {
	c := a
	for len(c.shape) < nd {
		if len(c.shape) == 2 {
			c, _ = c.ExpandDims(2)
		} else {
			c, _ = c.ExpandDims(0)
		}
	}
	return c
}
