package np

import "github.com/sim-lang/sim/runtime"

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
