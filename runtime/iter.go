package runtime

import "unicode/utf8"

// sliceIter iterates a fixed slice of values.
type sliceIter struct {
	elems []Value
	i     int
}

// Next implements Iterator.
func (it *sliceIter) Next(p *Value) bool {
	if it.i >= len(it.elems) {
		return false
	}
	*p = it.elems[it.i]
	it.i++
	return true
}

// listIter iterates a list by index, seeing appends made during the loop
// as Python does.
type listIter struct {
	l *List
	i int
}

// Next implements Iterator.
func (it *listIter) Next(p *Value) bool {
	if it.i >= len(it.l.Elems) {
		return false
	}
	*p = it.l.Elems[it.i]
	it.i++
	return true
}

// strIter yields the characters of a string.
type strIter struct {
	s string
	i int
}

// Next implements Iterator.
func (it *strIter) Next(p *Value) bool {
	if it.i >= len(it.s) {
		return false
	}
	_, n := utf8.DecodeRuneInString(it.s[it.i:])
	*p = MakeStr(it.s[it.i : it.i+n])
	it.i += n
	return true
}

// Iterate returns an iterator over v: the elements of a list or tuple, the
// characters of a str, the keys of a dict, the ints of a range, or what an
// Iterable object yields.
func Iterate(v Value) (Iterator, error) {
	switch o := v.obj.(type) {
	case *List:
		return &listIter{l: o}, nil
	case Tuple:
		return &sliceIter{elems: o}, nil
	case String:
		return &strIter{s: string(o)}, nil
	case Iterable:
		return o.Iterate(), nil
	}
	return nil, Errorf("'%s' object is not iterable", TypeName(v))
}

// ToSlice collects the elements of an iterable value. Lists and tuples
// return their backing slice (callers must not modify it).
func ToSlice(v Value) ([]Value, error) {
	switch o := v.obj.(type) {
	case *List:
		return o.Elems, nil
	case Tuple:
		return o, nil
	}
	it, err := Iterate(v)
	if err != nil {
		return nil, err
	}
	var out []Value
	var x Value
	for it.Next(&x) {
		out = append(out, x)
	}
	return out, nil
}
