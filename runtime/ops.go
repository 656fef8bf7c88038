package runtime

import (
	"reflect"

	"github.com/sim-lang/sim/lang"
)

// Operator dispatch shared by the VM and Go code. Binary handles the
// built-in types inline (ints and floats without allocating) and hands
// anything else to the operands' HasBinary methods.

// Binary applies a binary operator (arithmetic, bitwise, comparison,
// membership, identity) to x and y with Python semantics; quantities check
// their dimensions.
func Binary(op lang.Op, x, y Value) (Value, error) {
	// Fast paths: plain numbers.
	if x.kind == IntKind && y.kind == IntKind {
		return intBinary(op, x.AsInt(), y.AsInt())
	}
	if x.kind == FloatKind && y.kind == FloatKind {
		return floatBinary(op, x.AsFloat(), y.AsFloat())
	}
	if isNumber(x) && isNumber(y) {
		return numBinary(op, x, y)
	}
	switch op {
	case lang.Is:
		return MakeBool(Identical(x, y)), nil
	case lang.IsNot:
		return MakeBool(!Identical(x, y)), nil
	case lang.In, lang.NotIn:
		in, err := Contains(y, x)
		if err != nil {
			return Value{}, err
		}
		return MakeBool(in == (op == lang.In)), nil
	case lang.And, lang.Or:
		return Value{}, Errorf("operator %s is not a binary operator", op)
	}
	// Lists and tuples meeting a quantity or an array become arrays.
	if ToArray != nil {
		if isListLike(x) && (isQuantity(y) || isArrayLike(y)) {
			ax, err := ToArray(x)
			if err != nil {
				return Value{}, err
			}
			return Binary(op, ax, y)
		}
		if isListLike(y) && (isQuantity(x) || isArrayLike(x)) {
			ay, err := ToArray(y)
			if err != nil {
				return Value{}, err
			}
			return Binary(op, x, ay)
		}
	}
	if o, ok := x.obj.(HasBinary); ok {
		r, err := o.Binary(op, y, Left)
		if err != nil || r.IsValid() {
			return r, err
		}
	}
	if o, ok := y.obj.(HasBinary); ok {
		r, err := o.Binary(op, x, Right)
		if err != nil || r.IsValid() {
			return r, err
		}
	}
	if isQuantity(x) || isQuantity(y) {
		if r, err := quantityBinary(op, x, y); err != nil || r.IsValid() {
			return r, err
		}
	}
	if r, err := seqBinary(op, x, y); err != nil || r.IsValid() {
		return r, err
	}
	switch op {
	case lang.Eq, lang.Ne:
		eq, err := Equal(x, y)
		if err != nil {
			return Value{}, err
		}
		return MakeBool(eq == (op == lang.Eq)), nil
	case lang.Lt, lang.Le, lang.Gt, lang.Ge:
		return Value{}, Errorf("'%s' not supported between instances of '%s' and '%s'", op, TypeName(x), TypeName(y))
	}
	return Value{}, unsupported(op, x, y)
}

func unsupported(op lang.Op, x, y Value) error {
	return Errorf("unsupported operand type(s) for %s: '%s' and '%s'", op, TypeName(x), TypeName(y))
}

func isNumber(v Value) bool { return v.kind == IntKind || v.kind == FloatKind || v.kind == BoolKind }

func isQuantity(v Value) bool {
	_, ok := v.obj.(Quantity)
	return ok
}

func isListLike(v Value) bool {
	switch v.obj.(type) {
	case *List, Tuple:
		return true
	}
	return false
}

func isArrayLike(v Value) bool {
	_, ok := v.obj.(HasBinary)
	return ok
}

// Unary applies -, +, ~ or not to x.
func Unary(op lang.Op, x Value) (Value, error) {
	if op == lang.Not {
		t, err := Truth(x)
		if err != nil {
			return Value{}, err
		}
		return MakeBool(!t), nil
	}
	switch x.kind {
	case IntKind, BoolKind:
		i, _ := x.ToInt()
		switch op {
		case lang.Minus:
			if i == minInt {
				return Value{}, errOverflow
			}
			return MakeInt(-i), nil
		case lang.Plus:
			return MakeInt(i), nil
		case lang.Tilde:
			return MakeInt(^i), nil
		}
	case FloatKind:
		switch op {
		case lang.Minus:
			return MakeFloat(-x.AsFloat()), nil
		case lang.Plus:
			return x, nil
		}
	case ObjKind:
		if q, ok := x.obj.(Quantity); ok {
			switch op {
			case lang.Minus:
				return MakeObj(Quantity{-q.V, q.D}), nil
			case lang.Plus:
				return x, nil
			}
		}
		if u, ok := x.obj.(HasUnary); ok {
			r, err := u.Unary(op)
			if err != nil || r.IsValid() {
				return r, err
			}
		}
	}
	return Value{}, Errorf("bad operand type for unary %s: '%s'", op, TypeName(x))
}

// Truth returns the truth value of v (an error for ambiguous arrays).
func Truth(v Value) (bool, error) {
	switch v.kind {
	case NoneKind, Invalid:
		return false, nil
	case BoolKind, IntKind:
		return v.bits != 0, nil
	case FloatKind:
		return v.AsFloat() != 0, nil
	}
	return v.obj.Truth()
}

// Identical reports whether x and y are the same value for `is`: the same
// None, bool or int, or the same object.
func Identical(x, y Value) bool {
	if x.kind != y.kind {
		return false
	}
	if x.kind != ObjKind {
		return x.bits == y.bits
	}
	return sameObject(x.obj, y.obj)
}

// sameObject compares objects by identity without panicking on
// uncomparable dynamic types (tuples are slices).
func sameObject(a, b Object) bool {
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	if ta != tb {
		return false
	}
	if ta.Comparable() {
		return a == b
	}
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	switch va.Kind() {
	case reflect.Slice:
		return va.Len() == vb.Len() && (va.Len() == 0 || va.Pointer() == vb.Pointer())
	case reflect.Map, reflect.Func:
		return va.Pointer() == vb.Pointer()
	}
	return false
}

// Len returns len(v): characters of a str, elements of a sequence.
func Len(v Value) (int, error) {
	switch o := v.obj.(type) {
	case String:
		return strLen(string(o)), nil
	case Sequence:
		return o.Len(), nil
	}
	return 0, Errorf("object of type '%s' has no len()", TypeName(v))
}

// Contains reports whether x is in container (the `in` operator).
func Contains(container, x Value) (bool, error) {
	switch c := container.obj.(type) {
	case String:
		s, ok := AsString(x)
		if !ok {
			return false, Errorf("'in <string>' requires string as left operand, not %s", TypeName(x))
		}
		return containsStr(string(c), s), nil
	case *List:
		return containsIn(c.Elems, x)
	case Tuple:
		return containsIn(c, x)
	case *Dict:
		_, ok, err := c.Get(x)
		return ok, err
	case *Range:
		if i, ok := x.ToInt(); ok {
			return c.Contains(i), nil
		}
		if f, ok := x.ToFloat(); ok && f == float64(int64(f)) {
			return c.Contains(int64(f)), nil
		}
		return false, nil
	case HasBinary:
		r, err := c.Binary(lang.In, x, Right)
		if err != nil {
			return false, err
		}
		if r.IsValid() {
			return Truth(r)
		}
	}
	if _, ok := container.obj.(Iterable); ok {
		it, _ := Iterate(container)
		var e Value
		for it.Next(&e) {
			eq, err := Equal(e, x)
			if err != nil {
				return false, err
			}
			if eq {
				return true, nil
			}
		}
		return false, nil
	}
	return false, Errorf("argument of type '%s' is not iterable", TypeName(container))
}

func containsIn(elems []Value, x Value) (bool, error) {
	for _, e := range elems {
		if Identical(e, x) {
			return true, nil
		}
		eq, err := Equal(e, x)
		if err != nil {
			return false, err
		}
		if eq {
			return true, nil
		}
	}
	return false, nil
}
