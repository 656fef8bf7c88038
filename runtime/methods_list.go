package runtime

import "sort"

func init() {
	registerMethods("list", map[string]method{
		"append":  listAppend,
		"extend":  listExtend,
		"insert":  listInsert,
		"pop":     listPop,
		"remove":  listRemove,
		"index":   seqIndexOf("list"),
		"count":   seqCount,
		"sort":    listSort,
		"reverse": listReverse,
		"copy":    listCopy,
		"clear":   listClear,
	})
	registerMethods("tuple", map[string]method{
		"index": seqIndexOf("tuple"),
		"count": seqCount,
	})
}

func recvList(v Value) *List { return v.obj.(*List) }

// seqElems returns the elements of a list or tuple receiver.
func seqElems(v Value) []Value {
	if l, ok := v.obj.(*List); ok {
		return l.Elems
	}
	t, _ := v.obj.(Tuple)
	return t
}

func listAppend(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	var x Value
	if err := UnpackArgs("append", args, kwargs, "object", &x); err != nil {
		return Value{}, err
	}
	l := recvList(recv)
	l.Elems = append(l.Elems, x)
	return None, nil
}

func listExtend(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	var it Value
	if err := UnpackArgs("extend", args, kwargs, "iterable", &it); err != nil {
		return Value{}, err
	}
	elems, err := ToSlice(it)
	if err != nil {
		return Value{}, err
	}
	l := recvList(recv)
	l.Elems = append(l.Elems, elems...)
	return None, nil
}

func listInsert(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	var i int
	var x Value
	if err := UnpackArgs("insert", args, kwargs, "index", &i, "object", &x); err != nil {
		return Value{}, err
	}
	l := recvList(recv)
	n := len(l.Elems)
	if i < 0 {
		i += n
		if i < 0 {
			i = 0
		}
	}
	if i > n {
		i = n
	}
	l.Elems = append(l.Elems, Value{})
	copy(l.Elems[i+1:], l.Elems[i:])
	l.Elems[i] = x
	return None, nil
}

func listPop(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	i := -1
	if err := UnpackArgs("pop", args, kwargs, "index?", &i); err != nil {
		return Value{}, err
	}
	l := recvList(recv)
	n := len(l.Elems)
	if n == 0 {
		return Value{}, Errorf("pop from empty list")
	}
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return Value{}, Errorf("pop index out of range")
	}
	x := l.Elems[i]
	l.Elems = append(l.Elems[:i], l.Elems[i+1:]...)
	l.Elems[:n][n-1] = Value{}
	return x, nil
}

func listRemove(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	var x Value
	if err := UnpackArgs("remove", args, kwargs, "value", &x); err != nil {
		return Value{}, err
	}
	l := recvList(recv)
	for i, e := range l.Elems {
		eq, err := Equal(e, x)
		if err != nil {
			return Value{}, err
		}
		if eq {
			l.Elems = append(l.Elems[:i], l.Elems[i+1:]...)
			return None, nil
		}
	}
	return Value{}, Errorf("list.remove(x): x not in list")
}

func seqIndexOf(typ string) method {
	return func(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
		var x, start, end Value
		if err := UnpackArgs("index", args, kwargs, "value", &x, "start?", &start, "end?", &end); err != nil {
			return Value{}, err
		}
		elems := seqElems(recv)
		sl := &Slice{Start: orNone(start), Stop: orNone(end), Step: None}
		a, b, _, _, err := sl.Indices(len(elems))
		if err != nil {
			return Value{}, err
		}
		for i := a; i < b; i++ {
			eq, err := Equal(elems[i], x)
			if err != nil {
				return Value{}, err
			}
			if eq {
				return MakeInt(int64(i)), nil
			}
		}
		if typ == "tuple" {
			return Value{}, Errorf("tuple.index(x): x not in tuple")
		}
		return Value{}, Errorf("%s is not in list", Repr(x))
	}
}

// orNone turns an absent (zero) Value into None.
func orNone(v Value) Value {
	if !v.IsValid() {
		return None
	}
	return v
}

func seqCount(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	var x Value
	if err := UnpackArgs("count", args, kwargs, "value", &x); err != nil {
		return Value{}, err
	}
	n := 0
	for _, e := range seqElems(recv) {
		eq, err := Equal(e, x)
		if err != nil {
			return Value{}, err
		}
		if eq {
			n++
		}
	}
	return MakeInt(int64(n)), nil
}

func listSort(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	if len(args) > 0 {
		return Value{}, Errorf("sort() takes no positional arguments")
	}
	var key Value
	reverse := false
	if err := UnpackArgs("sort", nil, kwargs, "key?", &key, "reverse?", &reverse); err != nil {
		return Value{}, err
	}
	l := recvList(recv)
	return None, SortValues(th, l.Elems, key, reverse)
}

// SortValues sorts elems in place, stably, by Less on the elements or on
// key(element) when key is a callable (not None); reverse keeps equal
// elements in their original order as Python does.
func SortValues(th *Thread, elems []Value, key Value, reverse bool) error {
	keys := elems
	if key.IsValid() && !key.IsNone() {
		keys = make([]Value, len(elems))
		for i, e := range elems {
			k, err := Call(th, key, []Value{e}, nil)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	idx := make([]int, len(elems))
	for i := range idx {
		idx[i] = i
	}
	var sortErr error
	sort.SliceStable(idx, func(i, j int) bool {
		if sortErr != nil {
			return false
		}
		a, b := keys[idx[i]], keys[idx[j]]
		if reverse {
			a, b = b, a
		}
		lt, err := Less(a, b)
		if err != nil {
			sortErr = err
		}
		return lt
	})
	if sortErr != nil {
		return sortErr
	}
	sorted := make([]Value, len(elems))
	for i, k := range idx {
		sorted[i] = elems[k]
	}
	copy(elems, sorted)
	return nil
}

func listReverse(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	if err := UnpackArgs("reverse", args, kwargs); err != nil {
		return Value{}, err
	}
	e := recvList(recv).Elems
	for i, j := 0, len(e)-1; i < j; i, j = i+1, j-1 {
		e[i], e[j] = e[j], e[i]
	}
	return None, nil
}

func listCopy(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	if err := UnpackArgs("copy", args, kwargs); err != nil {
		return Value{}, err
	}
	return NewList(append([]Value(nil), recvList(recv).Elems...)), nil
}

func listClear(th *Thread, recv Value, args []Value, kwargs []Kwarg) (Value, error) {
	if err := UnpackArgs("clear", args, kwargs); err != nil {
		return Value{}, err
	}
	recvList(recv).Elems = nil
	return None, nil
}
