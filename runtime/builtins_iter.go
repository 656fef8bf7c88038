package runtime

import "github.com/sim-lang/sim/lang"

// Builtins over iterables. There are no lazy iterators in the language:
// map, filter, zip, enumerate and reversed return lists.

func builtinRange(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if len(kwargs) > 0 {
		return Value{}, Errorf("range() takes no keyword arguments")
	}
	if len(args) < 1 || len(args) > 3 {
		return Value{}, Errorf("range expected 1 to 3 arguments, got %d", len(args))
	}
	var n [3]int64
	for i, a := range args {
		v, ok := a.ToInt()
		if !ok {
			return Value{}, Errorf("'%s' object cannot be interpreted as an integer", TypeName(a))
		}
		n[i] = v
	}
	var r *Range
	var err error
	switch len(args) {
	case 1:
		r, err = NewRange(0, n[0], 1)
	case 2:
		r, err = NewRange(n[0], n[1], 1)
	default:
		r, err = NewRange(n[0], n[1], n[2])
	}
	if err != nil {
		return Value{}, err
	}
	return MakeObj(r), nil
}

func builtinEnumerate(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var it Value
	start := int64(0)
	if err := UnpackArgs("enumerate", args, kwargs, "iterable", &it, "start?", &start); err != nil {
		return Value{}, err
	}
	elems, err := ToSlice(it)
	if err != nil {
		return Value{}, err
	}
	out := make([]Value, len(elems))
	for i, e := range elems {
		out[i] = MakeTuple(MakeInt(start+int64(i)), e)
	}
	return NewList(out), nil
}

// collect returns the elements of each iterable argument.
func collect(args []Value) ([][]Value, int, error) {
	lists := make([][]Value, len(args))
	shortest := -1
	for i, a := range args {
		elems, err := ToSlice(a)
		if err != nil {
			return nil, 0, err
		}
		lists[i] = elems
		if shortest < 0 || len(elems) < shortest {
			shortest = len(elems)
		}
	}
	if shortest < 0 {
		shortest = 0
	}
	return lists, shortest, nil
}

func builtinZip(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	strict := false
	if err := UnpackArgs("zip", nil, kwargs, "strict?", &strict); err != nil {
		return Value{}, err
	}
	lists, n, err := collect(args)
	if err != nil {
		return Value{}, err
	}
	if strict {
		for i, l := range lists {
			if len(l) != n {
				return Value{}, Errorf("zip() argument %d is longer than the others", i+1)
			}
		}
	}
	out := make([]Value, n)
	for i := range out {
		t := make(Tuple, len(lists))
		for j, l := range lists {
			t[j] = l[i]
		}
		out[i] = MakeObj(t)
	}
	return NewList(out), nil
}

func builtinMap(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if len(kwargs) > 0 {
		return Value{}, Errorf("map() takes no keyword arguments")
	}
	if len(args) < 2 {
		return Value{}, Errorf("map() must have at least two arguments.")
	}
	lists, n, err := collect(args[1:])
	if err != nil {
		return Value{}, err
	}
	out := make([]Value, n)
	for i := range out {
		call := make([]Value, len(lists))
		for j, l := range lists {
			call[j] = l[i]
		}
		if out[i], err = Call(th, args[0], call, nil); err != nil {
			return Value{}, err
		}
	}
	return NewList(out), nil
}

func builtinFilter(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var fn, it Value
	if err := UnpackArgs("filter", args, kwargs, "function", &fn, "iterable", &it); err != nil {
		return Value{}, err
	}
	elems, err := ToSlice(it)
	if err != nil {
		return Value{}, err
	}
	var out []Value
	for _, e := range elems {
		keep := e
		if !fn.IsNone() {
			if keep, err = Call(th, fn, []Value{e}, nil); err != nil {
				return Value{}, err
			}
		}
		t, err := Truth(keep)
		if err != nil {
			return Value{}, err
		}
		if t {
			out = append(out, e)
		}
	}
	return NewList(out), nil
}

func builtinSorted(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var it, key Value
	reverse := false
	if len(args) != 1 {
		return Value{}, Errorf("sorted expected 1 argument, got %d", len(args))
	}
	if err := UnpackArgs("sorted", args, kwargs, "iterable", &it, "key?", &key, "reverse?", &reverse); err != nil {
		return Value{}, err
	}
	elems, err := ToSlice(it)
	if err != nil {
		return Value{}, err
	}
	out := append([]Value(nil), elems...)
	if err := SortValues(th, out, key, reverse); err != nil {
		return Value{}, err
	}
	return NewList(out), nil
}

func builtinReversed(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var seq Value
	if err := UnpackArgs("reversed", args, kwargs, "sequence", &seq); err != nil {
		return Value{}, err
	}
	switch seq.obj.(type) {
	case *List, Tuple, String, *Range, *Dict:
	default:
		if _, ok := seq.obj.(Sequence); !ok {
			return Value{}, Errorf("'%s' object is not reversible", TypeName(seq))
		}
	}
	elems, err := ToSlice(seq)
	if err != nil {
		return Value{}, err
	}
	out := make([]Value, len(elems))
	for i, e := range elems {
		out[len(elems)-1-i] = e
	}
	return NewList(out), nil
}

// minMax implements min (sign -1) and max (sign 1).
func minMax(name string, sign int) BuiltinFunc {
	return func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		var key, def Value
		if err := UnpackArgs(name, nil, kwargs, "key?", &key, "default?", &def); err != nil {
			return Value{}, err
		}
		var elems []Value
		switch len(args) {
		case 0:
			return Value{}, Errorf("%s expected at least 1 argument, got 0", name)
		case 1:
			var err error
			if elems, err = ToSlice(args[0]); err != nil {
				return Value{}, err
			}
		default:
			if def.IsValid() {
				return Value{}, Errorf("Cannot specify a default for %s() with multiple positional arguments", name)
			}
			elems = args
		}
		if len(elems) == 0 {
			if def.IsValid() {
				return def, nil
			}
			return Value{}, Errorf("%s() arg is an empty sequence", name)
		}
		op := lang.Lt
		if sign > 0 {
			op = lang.Gt
		}
		best, bestKey := elems[0], elems[0]
		hasKey := key.IsValid() && !key.IsNone()
		var err error
		if hasKey {
			if bestKey, err = Call(th, key, []Value{best}, nil); err != nil {
				return Value{}, err
			}
		}
		for _, e := range elems[1:] {
			k := e
			if hasKey {
				if k, err = Call(th, key, []Value{e}, nil); err != nil {
					return Value{}, err
				}
			}
			better, err := Compare(op, k, bestKey)
			if err != nil {
				return Value{}, err
			}
			if better {
				best, bestKey = e, k
			}
		}
		return best, nil
	}
}

func builtinSum(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var it, start Value
	if err := UnpackArgs("sum", args, kwargs, "iterable", &it, "start?", &start); err != nil {
		return Value{}, err
	}
	acc := MakeInt(0)
	if start.IsValid() {
		if _, ok := start.obj.(String); ok {
			return Value{}, Errorf("sum() can't sum strings [use ''.join(seq) instead]")
		}
		acc = start
	}
	elems, err := ToSlice(it)
	if err != nil {
		return Value{}, err
	}
	for _, e := range elems {
		if acc, err = Binary(lang.Plus, acc, e); err != nil {
			return Value{}, err
		}
	}
	return acc, nil
}

// anyAll implements any (want true) and all (want false).
func anyAll(name string, want bool) BuiltinFunc {
	return func(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
		var it Value
		if err := UnpackArgs(name, args, kwargs, "iterable", &it); err != nil {
			return Value{}, err
		}
		iter, err := Iterate(it)
		if err != nil {
			return Value{}, err
		}
		var e Value
		for iter.Next(&e) {
			t, err := Truth(e)
			if err != nil {
				return Value{}, err
			}
			if t == want {
				return MakeBool(want), nil
			}
		}
		return MakeBool(!want), nil
	}
}
