package np

import (
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

// indexExpression is np.s_ (and np.index_exp): indexing it returns the
// index itself, so np.s_[1:5, ::2] is a tuple of slices to pass around
// and apply later (a[np.s_[1:5]] is a[1:5]).
type indexExpression struct{ tuple bool }

func (indexExpression) Type() string { return "IndexExpression" }

func (indexExpression) String() string { return "<numpy.lib.index_tricks.IndexExpression object>" }

func (indexExpression) Truth() (bool, error) { return true, nil }

// Index implements runtime.Indexable: the key itself (np.index_exp always
// makes it a tuple, as numpy does).
func (e indexExpression) Index(key runtime.Value) (runtime.Value, error) {
	if _, isTuple := key.Obj().(runtime.Tuple); e.tuple && !isTuple {
		return runtime.MakeTuple(key), nil
	}
	return key, nil
}

// rowConcat is np.r_: np.r_[a, b, 1:4, 5] joins its items along the first
// axis, slices standing for np.arange(start, stop, step) and numbers for
// one-element arrays. (numpy's string directives and complex steps for
// linspace are not supported.)
type rowConcat struct{}

func (rowConcat) Type() string         { return "RClass" }
func (rowConcat) String() string       { return "<numpy.lib.index_tricks.RClass object>" }
func (rowConcat) Truth() (bool, error) { return true, nil }

// Index implements runtime.Indexable.
func (rowConcat) Index(key runtime.Value) (runtime.Value, error) {
	items := []runtime.Value{key}
	if t, ok := key.Obj().(runtime.Tuple); ok {
		items = t
	}
	var parts []*array.Array
	for _, it := range items {
		if _, ok := runtime.AsString(it); ok {
			return runtime.Value{}, runtime.Errorf("np.r_: string directives are not supported")
		}
		var a *array.Array
		var err error
		if s, ok := it.Obj().(*runtime.Slice); ok {
			start, stop, step := s.Start, s.Stop, s.Step
			if start.IsNone() {
				start = runtime.MakeInt(0)
			}
			if step.IsNone() {
				step = runtime.MakeInt(1)
			}
			v, err := arange(nil, []runtime.Value{start, stop, step}, nil)
			if err != nil {
				return runtime.Value{}, err
			}
			a, err = toArray(v)
			if err != nil {
				return runtime.Value{}, err
			}
		} else if a, err = toArray(it); err != nil {
			return runtime.Value{}, err
		}
		if a.NDim() == 0 {
			if a, err = a.Reshape([]int{1}); err != nil {
				return runtime.Value{}, err
			}
		}
		parts = append(parts, a)
	}
	return retArr(array.Concatenate(parts, 0))
}
