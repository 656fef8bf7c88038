package plot

import (
	"fmt"
	"strings"

	"github.com/sim-lang/sim/runtime"
)

// AxesArray is the array of axes subplots() returns for a row, a column
// or a grid: indexable like numpy (axes[0], axes[1, 2], axes[0, :]),
// iterable by rows, with shape, flat, flatten() and ravel().
type AxesArray struct {
	shape []int // one or two dimensions
	elems []*Axes
}

// Type implements runtime.Object.
func (a *AxesArray) Type() string { return "ndarray" }

// String implements runtime.Object.
func (a *AxesArray) String() string {
	parts := make([]string, len(a.elems))
	for k, ax := range a.elems {
		parts[k] = ax.String()
	}
	return fmt.Sprintf("array(shape=%v, [%s])", a.shape, strings.Join(parts, ", "))
}

// Truth implements runtime.Object.
func (a *AxesArray) Truth() (bool, error) {
	if len(a.elems) == 1 {
		return true, nil
	}
	return false, runtime.Errorf("the truth value of an array of axes is ambiguous")
}

// Len implements runtime.Sequence.
func (a *AxesArray) Len() int { return a.shape[0] }

// row returns row i of a 2-d array (or element i of a 1-d one).
func (a *AxesArray) row(i int) runtime.Value {
	if len(a.shape) == 1 {
		return runtime.MakeObj(a.elems[i])
	}
	n := a.shape[1]
	return runtime.MakeObj(&AxesArray{shape: []int{n}, elems: a.elems[i*n : (i+1)*n]})
}

// Iterate implements runtime.Iterable.
func (a *AxesArray) Iterate() runtime.Iterator { return &axesIter{a: a} }

type axesIter struct {
	a *AxesArray
	k int
}

// Next implements runtime.Iterator.
func (it *axesIter) Next(p *runtime.Value) bool {
	if it.k >= it.a.shape[0] {
		return false
	}
	*p = it.a.row(it.k)
	it.k++
	return true
}

// indices resolves one index (int or slice) along a dimension of n.
func indices(key runtime.Value, n int) ([]int, bool, error) {
	if i, ok := key.ToInt(); ok {
		if i < 0 {
			i += int64(n)
		}
		if i < 0 || i >= int64(n) {
			return nil, false, runtime.Errorf("index %d is out of bounds for axis with size %d", i, n)
		}
		return []int{int(i)}, true, nil
	}
	if s, ok := key.Obj().(*runtime.Slice); ok {
		start, _, step, count, err := s.Indices(n)
		if err != nil {
			return nil, false, err
		}
		out := make([]int, count)
		for k := range out {
			out[k] = start + k*step
		}
		return out, false, nil
	}
	return nil, false, runtime.Errorf("axes arrays are indexed by ints and slices, not %s", runtime.TypeName(key))
}

// Index implements runtime.Indexable.
func (a *AxesArray) Index(key runtime.Value) (runtime.Value, error) {
	keys := []runtime.Value{key}
	if t, ok := key.Obj().(runtime.Tuple); ok {
		keys = t
	}
	if len(keys) > len(a.shape) {
		return runtime.Value{}, runtime.Errorf("too many indices for an array of axes: array is %d-dimensional, but %d were indexed", len(a.shape), len(keys))
	}
	var sel [][]int
	var shape []int
	for d := range a.shape {
		var idx []int
		scalar := false
		if d < len(keys) {
			var err error
			if idx, scalar, err = indices(keys[d], a.shape[d]); err != nil {
				return runtime.Value{}, err
			}
		} else {
			for i := 0; i < a.shape[d]; i++ {
				idx = append(idx, i)
			}
		}
		sel = append(sel, idx)
		if !scalar {
			shape = append(shape, len(idx))
		}
	}
	var out []*Axes
	if len(a.shape) == 1 {
		for _, i := range sel[0] {
			out = append(out, a.elems[i])
		}
	} else {
		for _, i := range sel[0] {
			for _, j := range sel[1] {
				out = append(out, a.elems[i*a.shape[1]+j])
			}
		}
	}
	if len(shape) == 0 {
		return runtime.MakeObj(out[0]), nil
	}
	return runtime.MakeObj(&AxesArray{shape: shape, elems: out}), nil
}

// Attr implements runtime.HasAttrs: shape, ndim, size, flat, T and the
// methods flatten() and ravel().
func (a *AxesArray) Attr(name string) (runtime.Value, error) {
	flat := func() runtime.Value {
		return runtime.MakeObj(&AxesArray{shape: []int{len(a.elems)}, elems: a.elems})
	}
	switch name {
	case "shape":
		t := make([]runtime.Value, len(a.shape))
		for k, n := range a.shape {
			t[k] = runtime.MakeInt(int64(n))
		}
		return runtime.MakeTuple(t...), nil
	case "ndim":
		return runtime.MakeInt(int64(len(a.shape))), nil
	case "size":
		return runtime.MakeInt(int64(len(a.elems))), nil
	case "flat":
		return flat(), nil
	case "flatten", "ravel":
		return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return flat(), runtime.UnpackArgs(name, args, kwargs)
		}), nil
	case "T":
		if len(a.shape) == 1 {
			return runtime.MakeObj(a), nil
		}
		r, c := a.shape[0], a.shape[1]
		out := make([]*Axes, 0, len(a.elems))
		for j := 0; j < c; j++ {
			for i := 0; i < r; i++ {
				out = append(out, a.elems[i*c+j])
			}
		}
		return runtime.MakeObj(&AxesArray{shape: []int{c, r}, elems: out}), nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (a *AxesArray) AttrNames() []string {
	return []string{"T", "flat", "flatten", "ndim", "ravel", "shape", "size"}
}
