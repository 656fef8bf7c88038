package runtime

import (
	"strings"
	"unicode/utf8"
)

// seqIndex resolves an int index (negative counts from the end) against a
// sequence of length n; what names the sequence in errors ("list").
func seqIndex(key Value, n int, what string) (int, error) {
	i, ok := key.ToInt()
	if !ok {
		return 0, Errorf("%s indices must be integers or slices, not %s", what, TypeName(key))
	}
	if i < 0 {
		i += int64(n)
	}
	if i < 0 || i >= int64(n) {
		return 0, Errorf("%s index out of range", what)
	}
	return int(i), nil
}

// sliceValues returns elems[s] as a new slice.
func sliceValues(elems []Value, s *Slice) ([]Value, error) {
	start, _, step, count, err := s.Indices(len(elems))
	if err != nil {
		return nil, err
	}
	out := make([]Value, count)
	for k := range out {
		out[k] = elems[start+k*step]
	}
	return out, nil
}

// isASCII reports whether s has only single-byte characters.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func strLen(s string) int {
	if isASCII(s) {
		return len(s)
	}
	return utf8.RuneCountInString(s)
}

func containsStr(s, sub string) bool { return strings.Contains(s, sub) }

// strIndex returns s[key] for an int or slice key, counting characters.
func strIndex(s string, key Value) (Value, error) {
	if isASCII(s) {
		if sl, ok := key.obj.(*Slice); ok {
			start, _, step, count, err := sl.Indices(len(s))
			if err != nil {
				return Value{}, err
			}
			if step == 1 {
				return MakeStr(s[start : start+count]), nil
			}
			b := make([]byte, count)
			for k := range b {
				b[k] = s[start+k*step]
			}
			return MakeStr(string(b)), nil
		}
		i, err := seqIndex(key, len(s), "string")
		if err != nil {
			return Value{}, err
		}
		return MakeStr(s[i : i+1]), nil
	}
	rs := []rune(s)
	if sl, ok := key.obj.(*Slice); ok {
		start, _, step, count, err := sl.Indices(len(rs))
		if err != nil {
			return Value{}, err
		}
		out := make([]rune, count)
		for k := range out {
			out[k] = rs[start+k*step]
		}
		return MakeStr(string(out)), nil
	}
	i, err := seqIndex(key, len(rs), "string")
	if err != nil {
		return Value{}, err
	}
	return MakeStr(string(rs[i])), nil
}

// GetIndex returns x[key]: list/tuple/str elements and slices (negative
// indices count from the end), dict values, range elements, or what an
// Indexable object returns.
func GetIndex(x, key Value) (Value, error) {
	switch o := x.obj.(type) {
	case *List:
		if s, ok := key.obj.(*Slice); ok {
			out, err := sliceValues(o.Elems, s)
			return NewList(out), err
		}
		i, err := seqIndex(key, len(o.Elems), "list")
		if err != nil {
			return Value{}, err
		}
		return o.Elems[i], nil
	case Tuple:
		if s, ok := key.obj.(*Slice); ok {
			out, err := sliceValues(o, s)
			return MakeObj(Tuple(out)), err
		}
		i, err := seqIndex(key, len(o), "tuple")
		if err != nil {
			return Value{}, err
		}
		return o[i], nil
	case String:
		return strIndex(string(o), key)
	case *Dict:
		v, ok, err := o.Get(key)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return Value{}, Errorf("key %s not in dict", Repr(key))
		}
		return v, nil
	case Indexable:
		return o.Index(key)
	}
	return Value{}, Errorf("'%s' object is not subscriptable", TypeName(x))
}

// SetIndex performs x[key] = v: list elements and slices, dict entries, or
// an object implementing HasSetIndex.
func SetIndex(x, key, v Value) error {
	switch o := x.obj.(type) {
	case *List:
		if s, ok := key.obj.(*Slice); ok {
			return setListSlice(o, s, v)
		}
		i, err := seqIndex(key, len(o.Elems), "list")
		if err != nil {
			if strings.HasSuffix(err.Error(), "out of range") {
				return Errorf("list assignment index out of range")
			}
			return err
		}
		o.Elems[i] = v
		return nil
	case *Dict:
		return o.Set(key, v)
	case HasSetIndex:
		return o.SetIndex(key, v)
	}
	return Errorf("'%s' object does not support item assignment", TypeName(x))
}

// setListSlice performs l[s] = v.
func setListSlice(l *List, s *Slice, v Value) error {
	src, err := ToSlice(v)
	if err != nil {
		return Errorf("must assign iterable to extended slice")
	}
	src = append([]Value(nil), src...) // v may be l itself
	start, stop, step, count, err := s.Indices(len(l.Elems))
	if err != nil {
		return err
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		out := make([]Value, 0, len(l.Elems)-(stop-start)+len(src))
		out = append(out, l.Elems[:start]...)
		out = append(out, src...)
		out = append(out, l.Elems[stop:]...)
		l.Elems = out
		return nil
	}
	if len(src) != count {
		return Errorf("attempt to assign sequence of size %d to extended slice of size %d", len(src), count)
	}
	for k := range src {
		l.Elems[start+k*step] = src[k]
	}
	return nil
}

// DelIndex performs `del x[key]` on a list (index or slice) or dict.
func DelIndex(x, key Value) error {
	switch o := x.obj.(type) {
	case *List:
		if s, ok := key.obj.(*Slice); ok {
			start, _, step, count, err := s.Indices(len(o.Elems))
			if err != nil {
				return err
			}
			drop := make(map[int]bool, count)
			for k := 0; k < count; k++ {
				drop[start+k*step] = true
			}
			out := o.Elems[:0]
			for i, e := range o.Elems {
				if !drop[i] {
					out = append(out, e)
				}
			}
			clear(o.Elems[len(out):])
			o.Elems = out
			return nil
		}
		i, err := seqIndex(key, len(o.Elems), "list")
		if err != nil {
			if strings.HasSuffix(err.Error(), "out of range") {
				return Errorf("list assignment index out of range")
			}
			return err
		}
		o.Elems = append(o.Elems[:i], o.Elems[i+1:]...)
		return nil
	case *Dict:
		ok, err := o.Delete(key)
		if err != nil {
			return err
		}
		if !ok {
			return Errorf("key %s not in dict", Repr(key))
		}
		return nil
	}
	return Errorf("'%s' object does not support item deletion", TypeName(x))
}
