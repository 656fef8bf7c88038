package itertools

import (
	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/runtime"
)

// The functions here call script code (func=, key=, predicates), which can
// fail; they run to the end when called so that an error is raised at the
// call, and return an iterator over the results.

// accumulate(iterable, func=None, *, initial=None) yields running totals
// (or running results of func(total, element)), starting with initial
// when it is given.
func accumulate(th *runtime.Thread, args []Value, kwargs []runtime.Kwarg) (Value, error) {
	var it, fn, initial Value
	if err := runtime.UnpackArgs("accumulate", args, kwargs, "iterable", &it, "func?", &fn, "initial?", &initial); err != nil {
		return Value{}, err
	}
	elems, err := finite("accumulate", it)
	if err != nil {
		return Value{}, err
	}
	var out []Value
	var total Value
	if initial.IsValid() && !initial.IsNone() {
		total = initial
		out = append(out, total)
	}
	for _, e := range elems {
		switch {
		case !total.IsValid():
			total = e
		case fn.IsValid() && !fn.IsNone():
			total, err = runtime.Call(th, fn, []Value{total, e}, nil)
		default:
			total, err = runtime.Binary(lang.Plus, total, e)
		}
		if err != nil {
			return Value{}, err
		}
		out = append(out, total)
	}
	return newIter("accumulate", sliceIter(out)), nil
}

// groupby(iterable, key=None) yields (key, group) for each run of
// consecutive elements with equal keys; group iterates that run.
func groupby(th *runtime.Thread, args []Value, kwargs []runtime.Kwarg) (Value, error) {
	var it, key Value
	if err := runtime.UnpackArgs("groupby", args, kwargs, "iterable", &it, "key?", &key); err != nil {
		return Value{}, err
	}
	elems, err := finite("groupby", it)
	if err != nil {
		return Value{}, err
	}
	var out []Value
	var curKey Value
	var run []Value
	flush := func() {
		if len(run) > 0 {
			out = append(out, runtime.MakeTuple(curKey, newIter("_grouper", sliceIter(run))))
		}
	}
	for _, e := range elems {
		k := e
		if key.IsValid() && !key.IsNone() {
			if k, err = runtime.Call(th, key, []Value{e}, nil); err != nil {
				return Value{}, err
			}
		}
		same := false
		if len(run) > 0 {
			if same, err = runtime.Equal(curKey, k); err != nil {
				return Value{}, err
			}
		}
		if !same {
			flush()
			curKey, run = k, nil
		}
		run = append(run, e)
	}
	flush()
	return newIter("groupby", sliceIter(out)), nil
}

// starmap(function, iterable) yields function(*args) for each args tuple.
func starmap(th *runtime.Thread, args []Value, kwargs []runtime.Kwarg) (Value, error) {
	var fn, it Value
	if err := runtime.UnpackArgs("starmap", args, kwargs, "function", &fn, "iterable", &it); err != nil {
		return Value{}, err
	}
	elems, err := finite("starmap", it)
	if err != nil {
		return Value{}, err
	}
	out := make([]Value, len(elems))
	for i, e := range elems {
		call, err := runtime.ToSlice(e)
		if err != nil {
			return Value{}, err
		}
		if out[i], err = runtime.Call(th, fn, call, nil); err != nil {
			return Value{}, err
		}
	}
	return newIter("starmap", sliceIter(out)), nil
}

// predicateKind selects what a predicate-driven function keeps.
type predicateKind int

const (
	takeWhile predicateKind = iota
	dropWhile
	filterFalse
)

// byPredicate runs predicate over iterable for takewhile, dropwhile and
// filterfalse (a None predicate in filterfalse means truth itself).
func byPredicate(name string, kind predicateKind) runtime.BuiltinFunc {
	return func(th *runtime.Thread, args []Value, kwargs []runtime.Kwarg) (Value, error) {
		var pred, it Value
		if err := runtime.UnpackArgs(name, args, kwargs, "predicate", &pred, "iterable", &it); err != nil {
			return Value{}, err
		}
		var out []Value
		src, err := runtime.Iterate(it)
		if err != nil {
			return Value{}, err
		}
		if isInfinite(it) && kind != takeWhile {
			return Value{}, runtime.Errorf("%s() would never finish: its argument is an infinite iterator (bound it with itertools.islice)", name)
		}
		dropping := true
		var e Value
		for src.Next(&e) {
			if kind == dropWhile && !dropping {
				out = append(out, e)
				continue
			}
			r := e
			if !pred.IsNone() || kind != filterFalse {
				if r, err = runtime.Call(th, pred, []Value{e}, nil); err != nil {
					return Value{}, err
				}
			}
			t, err := runtime.Truth(r)
			if err != nil {
				return Value{}, err
			}
			switch kind {
			case takeWhile:
				if !t {
					return newIter(name, sliceIter(out)), nil
				}
				out = append(out, e)
			case dropWhile:
				if !t {
					dropping = false
					out = append(out, e)
				}
			case filterFalse:
				if !t {
					out = append(out, e)
				}
			}
		}
		return newIter(name, sliceIter(out)), nil
	}
}

var (
	takewhile   = byPredicate("takewhile", takeWhile)
	dropwhile   = byPredicate("dropwhile", dropWhile)
	filterfalse = byPredicate("filterfalse", filterFalse)
)

// compress(data, selectors) yields the elements of data whose selector is
// true, stopping at the shorter of the two.
func compress(th *runtime.Thread, args []Value, kwargs []runtime.Kwarg) (Value, error) {
	var data, sel Value
	if err := runtime.UnpackArgs("compress", args, kwargs, "data", &data, "selectors", &sel); err != nil {
		return Value{}, err
	}
	if isInfinite(data) && isInfinite(sel) {
		return Value{}, runtime.Errorf("compress() would never finish: both arguments are infinite iterators")
	}
	d, err := runtime.Iterate(data)
	if err != nil {
		return Value{}, err
	}
	s, err := runtime.Iterate(sel)
	if err != nil {
		return Value{}, err
	}
	var out []Value
	var x, y Value
	for d.Next(&x) && s.Next(&y) {
		t, err := runtime.Truth(y)
		if err != nil {
			return Value{}, err
		}
		if t {
			out = append(out, x)
		}
	}
	return newIter("compress", sliceIter(out)), nil
}
