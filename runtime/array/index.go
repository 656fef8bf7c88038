package array

import (
	rt "github.com/sim-lang/sim/runtime"
)

// Indexing follows numpy: ints, slices, None (newaxis) and Ellipsis give
// views (basic indexing); integer arrays/lists and boolean masks give
// copies (advanced indexing), with numpy's placement of the broadcast
// index dimensions.

type itemKind uint8

const (
	kInt itemKind = iota
	kSlice
	kNewAxis
	kEllipsis
	kArray // integer index array
	kMask  // boolean mask
)

type item struct {
	kind  itemKind
	i     int
	slice *rt.Slice
	arr   *Array
}

// parseKey splits a subscript into items.
func parseKey(key rt.Value) ([]item, error) {
	if t, ok := key.Obj().(rt.Tuple); ok {
		items := make([]item, 0, len(t))
		for _, k := range t {
			it, err := parseItem(k)
			if err != nil {
				return nil, err
			}
			items = append(items, it)
		}
		return items, nil
	}
	it, err := parseItem(key)
	return []item{it}, err
}

const indexTypeError = "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices"

func parseItem(k rt.Value) (item, error) {
	switch k.Kind() {
	case rt.IntKind:
		return item{kind: kInt, i: int(k.AsInt())}, nil
	case rt.NoneKind:
		return item{kind: kNewAxis}, nil
	case rt.BoolKind:
		return item{kind: kMask, arr: scalarBool(k.AsBool())}, nil
	case rt.ObjKind:
		switch o := k.Obj().(type) {
		case *rt.Slice:
			return item{kind: kSlice, slice: o}, nil
		case rt.EllipsisType:
			return item{kind: kEllipsis}, nil
		case *Array:
			return arrayItem(o)
		case *rt.List, rt.Tuple:
			a, err := From(k)
			if err != nil {
				return item{}, err
			}
			if a.Size() == 0 {
				a = a.AsType(Int)
			}
			return arrayItem(a)
		}
	}
	return item{}, rt.Errorf("%s", indexTypeError)
}

func arrayItem(a *Array) (item, error) {
	if !a.dim.IsDimensionless() {
		return item{}, rt.Errorf("arrays used as indices must be dimensionless")
	}
	switch a.dtype {
	case Bool:
		return item{kind: kMask, arr: a}, nil
	case Int:
		return item{kind: kArray, arr: a}, nil
	}
	return item{}, rt.Errorf("arrays used as indices must be of integer (or boolean) type")
}

// expand replaces the Ellipsis by full slices, appends full slices for
// the remaining axes and turns masks into integer arrays.
func (a *Array) expand(items []item) ([]item, bool, error) {
	used, ell := 0, -1
	for k, it := range items {
		switch it.kind {
		case kInt, kSlice, kArray:
			used++
		case kMask:
			used += len(it.arr.shape)
		case kEllipsis:
			if ell >= 0 {
				return nil, false, rt.Errorf("an index can only have a single ellipsis ('...')")
			}
			ell = k
		}
	}
	nd := len(a.shape)
	if used > nd {
		return nil, false, rt.Errorf("too many indices for array: array is %d-dimensional, but %d were indexed", nd, used)
	}
	full := item{kind: kSlice, slice: &rt.Slice{Start: rt.None, Stop: rt.None, Step: rt.None}}
	var out []item
	axis := 0
	for _, it := range items {
		switch it.kind {
		case kEllipsis:
			for j := 0; j < nd-used; j++ {
				out = append(out, full)
				axis++
			}
		case kMask:
			m := it.arr
			if len(m.shape) == 0 {
				return nil, false, rt.Errorf("0-d boolean indices are not supported")
			}
			for j, s := range m.shape {
				if a.shape[axis+j] != s {
					return nil, false, rt.Errorf("boolean index did not match indexed array along axis %d; size of axis is %d but size of corresponding boolean axis is %d", axis+j, a.shape[axis+j], s)
				}
			}
			for _, idx := range nonzero(m) {
				out = append(out, item{kind: kArray, arr: FromInts(idx)})
			}
			axis += len(m.shape)
		case kNewAxis:
			out = append(out, it)
		default:
			out = append(out, it)
			axis++
		}
	}
	for ; axis < nd; axis++ {
		out = append(out, full)
	}
	return out, ell >= 0, nil
}

// nonzero returns, per axis, the indices of the true (non-zero) elements.
func nonzero(m *Array) [][]int64 {
	nd := len(m.shape)
	out := make([][]int64, nd)
	idx := make([]int, nd)
	offs := m.offsets()
	for _, off := range offs {
		if m.floatAt(off) != 0 {
			for d := 0; d < nd; d++ {
				out[d] = append(out[d], int64(idx[d]))
			}
		}
		for d := nd - 1; d >= 0; d-- {
			idx[d]++
			if idx[d] < m.shape[d] {
				break
			}
			idx[d] = 0
		}
	}
	for d := range out {
		if out[d] == nil {
			out[d] = []int64{}
		}
	}
	return out
}

func boundsError(i, axis, n int) error {
	return rt.Errorf("index %d is out of bounds for axis %d with size %d", i, axis, n)
}

// selection is the result of resolving a subscript: a view (basic) or a
// list of backing offsets with the result shape (advanced).
type selection struct {
	view   *Array
	offs   []int
	shape  []int
	scalar bool // basic indexing with only ints: the result is a scalar
}

func (a *Array) resolve(key rt.Value) (*selection, error) {
	items, err := parseKey(key)
	if err != nil {
		return nil, err
	}
	items, hadEllipsis, err := a.expand(items)
	if err != nil {
		return nil, err
	}
	advanced := false
	for _, it := range items {
		if it.kind == kArray {
			advanced = true
		}
	}
	if !advanced {
		return a.basic(items, hadEllipsis)
	}
	return a.advanced(items)
}

func (a *Array) basic(items []item, hadEllipsis bool) (*selection, error) {
	v := &Array{dtype: a.dtype, f: a.f, i: a.i, b: a.b, dim: a.dim, offset: a.offset, shape: []int{}, strides: []int{}}
	axis := 0
	onlyInts := !hadEllipsis
	for _, it := range items {
		switch it.kind {
		case kInt:
			n := a.shape[axis]
			i := it.i
			if i < 0 {
				i += n
			}
			if i < 0 || i >= n {
				return nil, boundsError(it.i, axis, n)
			}
			v.offset += i * a.strides[axis]
			axis++
		case kSlice:
			start, _, step, count, err := it.slice.Indices(a.shape[axis])
			if err != nil {
				return nil, err
			}
			if count > 0 {
				v.offset += start * a.strides[axis]
			}
			v.shape = append(v.shape, count)
			v.strides = append(v.strides, a.strides[axis]*step)
			axis++
			onlyInts = false
		case kNewAxis:
			v.shape = append(v.shape, 1)
			v.strides = append(v.strides, 0)
			onlyInts = false
		}
	}
	return &selection{view: v, scalar: onlyInts && len(v.shape) == 0}, nil
}

// group is one block of result axes with the offsets it contributes.
type group struct {
	shape []int
	offs  []int
}

func (a *Array) advanced(items []item) (*selection, error) {
	var arrs []*Array
	var pos []int
	for k, it := range items {
		switch it.kind {
		case kArray:
			arrs = append(arrs, it.arr)
			pos = append(pos, k)
		case kInt:
			arrs = append(arrs, scalarInt(int64(it.i)))
			pos = append(pos, k)
		}
	}
	shapes := make([][]int, len(arrs))
	for k, x := range arrs {
		shapes[k] = x.shape
	}
	bshape, err := broadcastShapes(shapes...)
	if err != nil {
		return nil, rt.Errorf("shape mismatch: indexing arrays could not be broadcast together with shapes %s", broadcastError(shapes).Error()[len("operands could not be broadcast together with shapes "):])
	}
	adjacent := pos[len(pos)-1]-pos[0] == len(pos)-1
	// the combined advanced group
	nb := prod(bshape)
	adv := group{shape: bshape, offs: make([]int, nb)}
	axisOf := make([]int, len(items))
	axis := 0
	for k, it := range items {
		axisOf[k] = axis
		if it.kind != kNewAxis {
			axis++
		}
	}
	for k, x := range arrs {
		ax := axisOf[pos[k]]
		n := a.shape[ax]
		xi := x.broadcastTo(bshape)
		j := 0
		var err error
		walk(xi.shape, xi.strides, xi.offset, func(off int) {
			i := int(xi.i[off])
			if i < 0 {
				i += n
			}
			if (i < 0 || i >= n) && err == nil {
				err = boundsError(int(xi.i[off]), ax, n)
			}
			adv.offs[j] += i * a.strides[ax]
			j++
		})
		if len(bshape) == 0 {
			i := int(xi.i[xi.offset])
			if i < 0 {
				i += n
			}
			if i < 0 || i >= n {
				return nil, boundsError(int(xi.i[xi.offset]), ax, n)
			}
			adv.offs[0] = i * a.strides[ax]
		}
		if err != nil {
			return nil, err
		}
	}
	var groups []group
	if !adjacent {
		groups = append(groups, adv)
	}
	for k, it := range items {
		switch it.kind {
		case kSlice:
			ax := axisOf[k]
			start, _, step, count, err := it.slice.Indices(a.shape[ax])
			if err != nil {
				return nil, err
			}
			g := group{shape: []int{count}, offs: make([]int, count)}
			for j := range g.offs {
				g.offs[j] = (start + j*step) * a.strides[ax]
			}
			groups = append(groups, g)
		case kNewAxis:
			groups = append(groups, group{shape: []int{1}, offs: []int{0}})
		default:
			if adjacent && k == pos[0] {
				groups = append(groups, adv)
			}
		}
	}
	offs := []int{a.offset}
	var shape []int
	for _, g := range groups {
		shape = append(shape, g.shape...)
		next := make([]int, 0, len(offs)*len(g.offs))
		for _, o := range offs {
			for _, d := range g.offs {
				next = append(next, o+d)
			}
		}
		offs = next
	}
	if shape == nil {
		shape = []int{}
	}
	return &selection{offs: offs, shape: shape}, nil
}

// Index implements runtime.Indexable.
func (a *Array) Index(key rt.Value) (rt.Value, error) {
	r, err := a.Get(key)
	if err != nil {
		return rt.Value{}, err
	}
	if r.Size() == 1 && len(r.shape) == 0 && r.scalarSel {
		return r.valueAt(r.offset), nil
	}
	return Value(r), nil
}

// Get returns a[key] as an array (a view for basic indexing, a copy for
// advanced indexing). A lone scalar result is a 0-d array.
func (a *Array) Get(key rt.Value) (*Array, error) {
	sel, err := a.resolve(key)
	if err != nil {
		return nil, err
	}
	if sel.view != nil {
		if sel.scalar {
			v := *sel.view
			v.scalarSel = true
			return &v, nil
		}
		return sel.view, nil
	}
	c := &Array{dtype: a.dtype, shape: sel.shape, strides: cStrides(sel.shape), dim: a.dim}
	switch a.dtype {
	case Float:
		c.f = gather(a.f, sel.offs)
	case Int:
		c.i = gather(a.i, sel.offs)
	default:
		c.b = gather(a.b, sel.offs)
	}
	return c, nil
}

// SetIndex implements runtime.HasSetIndex: a[key] = v with broadcasting
// of v and a unit check (v must have a's dimension, or be zero).
func (a *Array) SetIndex(key, v rt.Value) error {
	src, err := From(v)
	if err != nil {
		return err
	}
	sel, err := a.resolve(key)
	if err != nil {
		return err
	}
	if sel.view != nil {
		return sel.view.Assign(src)
	}
	if err := a.checkAssignDim(src); err != nil {
		return err
	}
	b, err := src.BroadcastTo(sel.shape)
	if err != nil {
		return rt.Errorf("shape mismatch: value array of shape %s could not be broadcast to indexing result of shape %s", shapeTight(src.shape), shapeTight(sel.shape))
	}
	b = b.AsTypeView(a.dtype)
	scatter(a, b, sel.offs)
	return nil
}

// scatter stores the elements of src, in row-major order, at the offsets
// offs of dst (same dtype).
func scatter(dst, src *Array, offs []int) {
	switch dst.dtype {
	case Float:
		scatterRows(dst.f, src.f, src, offs)
	case Int:
		scatterRows(dst.i, src.i, src, offs)
	default:
		scatterRows(dst.b, src.b, src, offs)
	}
}

func scatterRows[T any](d, s []T, src *Array, offs []int) {
	k := 0
	walkRows(src.shape, src.strides, src.offset, func(off, stride, n int) {
		for _, o := range offs[k : k+n] {
			d[o] = s[off]
			off += stride
		}
		k += n
	})
}

func (a *Array) checkAssignDim(src *Array) error {
	// A plain (dimensionless) array takes the SI values of quantities, as
	// numpy stores Brian2's quantities: w_matrix[S.i, S.j] = S.w. Arrays
	// with a unit keep theirs; Brian2 state variables check before this.
	if src.dim == a.dim || src.allZero() || a.dim.IsDimensionless() {
		return nil
	}
	return rt.Errorf("cannot assign %s to an array with units of %s: units do not match (%s vs %s)", src.Describe(), DimName(a.dim), DimName(src.dim), DimName(a.dim))
}

// Assign copies src into a (in place), broadcasting src to a's shape and
// converting its dtype; the units must match.
func (a *Array) Assign(src *Array) error {
	if err := a.checkAssignDim(src); err != nil {
		return err
	}
	b, err := src.BroadcastTo(a.shape)
	if err != nil {
		return rt.Errorf("could not broadcast input array from shape %s into shape %s", shapeTight(src.shape), shapeTight(a.shape))
	}
	b = b.AsTypeView(a.dtype)
	if b == src && overlaps(a, src) {
		b = b.Copy().broadcastTo(a.shape)
	}
	if a.contiguous() {
		n := a.Size()
		if bs, ok := flatStride(b); ok && (bs == 1 || bs == 0) {
			switch a.dtype {
			case Float:
				copyOrFill(a.f[a.offset:a.offset+n], b.f, b.offset, bs)
			case Int:
				copyOrFill(a.i[a.offset:a.offset+n], b.i, b.offset, bs)
			default:
				copyOrFill(a.b[a.offset:a.offset+n], b.b, b.offset, bs)
			}
			return nil
		}
	}
	scatter(a, b, a.offsets())
	return nil
}

// copyOrFill copies src[off:] into dst (stride 1) or fills dst with
// src[off] (stride 0, a broadcast scalar: a[:] = 0.5).
func copyOrFill[T any](dst, src []T, off, stride int) {
	if stride == 1 {
		copy(dst, src[off:off+len(dst)])
		return
	}
	v := src[off]
	for i := range dst {
		dst[i] = v
	}
}

// overlaps reports whether a and b share a backing slice.
func overlaps(a, b *Array) bool {
	switch {
	case a.dtype == Float && b.dtype == Float && len(a.f) > 0 && len(b.f) > 0:
		return &a.f[0] == &b.f[0]
	case a.dtype == Int && b.dtype == Int && len(a.i) > 0 && len(b.i) > 0:
		return &a.i[0] == &b.i[0]
	case a.dtype == Bool && b.dtype == Bool && len(a.b) > 0 && len(b.b) > 0:
		return &a.b[0] == &b.b[0]
	}
	return false
}
