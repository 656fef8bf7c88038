package runtime

import (
	"math"

	"github.com/sim-lang/sim/lang"
)

// Compare applies a comparison operator and returns a single bool (arrays
// must reduce to one truth value).
func Compare(op lang.Op, x, y Value) (bool, error) {
	if isNumber(x) && isNumber(y) {
		c, u := numCompare(x, y)
		if op.IsComparison() && op != lang.In && op != lang.NotIn && op != lang.Is && op != lang.IsNot {
			return cmpResult(op, c, u), nil
		}
	}
	r, err := Binary(op, x, y)
	if err != nil {
		return false, err
	}
	return Truth(r)
}

// Less reports whether x < y, for sorting: numbers, strs, and lists or
// tuples lexicographically; incomparable types are an error.
func Less(x, y Value) (bool, error) { return Compare(lang.Lt, x, y) }

// Equal reports whether x == y as a single bool (for dict keys, `in`,
// tests). Numbers compare by value across int, float and bool; lists,
// tuples and dicts compare elementwise; quantities need equal dimensions
// and values; other objects compare by identity unless they implement ==.
func Equal(x, y Value) (bool, error) {
	if isNumber(x) && isNumber(y) {
		c, u := numCompare(x, y)
		return c == 0 && !u, nil
	}
	if x.kind != ObjKind || y.kind != ObjKind {
		return x.kind == y.kind && x.kind == NoneKind, nil
	}
	switch a := x.obj.(type) {
	case String:
		b, ok := y.obj.(String)
		return ok && a == b, nil
	case *List:
		b, ok := y.obj.(*List)
		if !ok {
			return false, nil
		}
		return equalSeq(a.Elems, b.Elems)
	case Tuple:
		b, ok := y.obj.(Tuple)
		if !ok {
			return false, nil
		}
		return equalSeq(a, b)
	case Quantity:
		b, ok := y.obj.(Quantity)
		return ok && a.D == b.D && a.V == b.V, nil
	case *Dict:
		b, ok := y.obj.(*Dict)
		if !ok {
			return false, nil
		}
		return equalDict(a, b)
	case *Range:
		b, ok := y.obj.(*Range)
		if !ok {
			return false, nil
		}
		n := a.Len()
		return n == b.Len() && (n == 0 || a.Start == b.Start && (n == 1 || a.Step == b.Step)), nil
	case *Type:
		b, ok := y.obj.(*Type)
		return ok && a.Name() == b.Name(), nil
	case *Slice:
		b, ok := y.obj.(*Slice)
		if !ok {
			return false, nil
		}
		return equalSeq([]Value{a.Start, a.Stop, a.Step}, []Value{b.Start, b.Stop, b.Step})
	}
	if sameObject(x.obj, y.obj) {
		return true, nil
	}
	if _, ok := x.obj.(HasBinary); ok {
		r, err := Binary(lang.Eq, x, y)
		if err != nil {
			return false, err
		}
		return Truth(r)
	}
	if _, ok := y.obj.(HasBinary); ok {
		r, err := Binary(lang.Eq, x, y)
		if err != nil {
			return false, err
		}
		return Truth(r)
	}
	return false, nil
}

func equalSeq(a, b []Value) (bool, error) {
	if len(a) != len(b) {
		return false, nil
	}
	for i := range a {
		if Identical(a[i], b[i]) && !isNaN(a[i]) {
			continue
		}
		eq, err := Equal(a[i], b[i])
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

func isNaN(v Value) bool { return v.kind == FloatKind && math.IsNaN(v.AsFloat()) }

func equalDict(a, b *Dict) (bool, error) {
	if a.Len() != b.Len() {
		return false, nil
	}
	for _, kv := range a.Items() {
		v, ok, err := b.Get(kv[0])
		if err != nil || !ok {
			return false, err
		}
		eq, err := Equal(kv[1], v)
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}
