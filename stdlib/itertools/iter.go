// Package itertools is Python's `itertools` module: lazy iterators over
// other iterables (chain, islice, zip_longest, count, cycle, repeat, ...)
// and the combinatoric generators (product, combinations, permutations).
//
// The runtime's Iterator.Next cannot report an error, so everything that
// may fail (calling a script function, adding values, an argument that is
// not iterable) is checked or computed when the itertools function is
// called, where the error reaches the script with its position.
package itertools

import "github.com/sim-lang/sim/runtime"

// iterObj is the object every itertools function returns: a one-shot
// iterator, as in Python. Iterate returns the object itself, so a second
// `for` loop over it continues where the first stopped.
type iterObj struct {
	name     string              // type name shown to users, without "itertools."
	next     func(p *Value) bool // yields the next value
	infinite bool                // it never stops (count, cycle, repeat without times)
	done     bool                // exhausted: Next keeps returning false
}

// Value is a short name for runtime.Value inside this package.
type Value = runtime.Value

// newIter returns a finite iterator object named name.
func newIter(name string, next func(p *Value) bool) Value {
	return runtime.MakeObj(&iterObj{name: name, next: next})
}

// newInfinite returns an iterator object that never stops.
func newInfinite(name string, next func(p *Value) bool) Value {
	return runtime.MakeObj(&iterObj{name: name, next: next, infinite: true})
}

// Type implements runtime.Object.
func (it *iterObj) Type() string { return "itertools." + it.name }

// String implements runtime.Object.
func (it *iterObj) String() string { return "<itertools." + it.name + " object>" }

// Truth implements runtime.Object.
func (it *iterObj) Truth() (bool, error) { return true, nil }

// Iterate implements runtime.Iterable.
func (it *iterObj) Iterate() runtime.Iterator { return it }

// Next implements runtime.Iterator.
func (it *iterObj) Next(p *Value) bool {
	if it.done {
		return false
	}
	if !it.next(p) {
		it.done = true
		return false
	}
	return true
}

// sliceIter returns a next function over a fixed slice.
func sliceIter(elems []Value) func(p *Value) bool {
	i := 0
	return func(p *Value) bool {
		if i >= len(elems) {
			return false
		}
		*p = elems[i]
		i++
		return true
	}
}

// isInfinite reports whether v is an itertools iterator that never stops.
func isInfinite(v Value) bool {
	it, ok := v.Obj().(*iterObj)
	return ok && it.infinite && !it.done
}

// finite collects the elements of v for fn, refusing an infinite
// itertools iterator (which would never finish) instead of hanging.
func finite(fn string, v Value) ([]Value, error) {
	if isInfinite(v) {
		return nil, runtime.Errorf("%s() would never finish: its argument is an infinite iterator (bound it with itertools.islice)", fn)
	}
	return runtime.ToSlice(v)
}
