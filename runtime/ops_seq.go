package runtime

import (
	"strings"

	"github.com/sim-lang/sim/lang"
)

// maxRepeat bounds the length of a repeated string or list.
const maxRepeat = 1 << 30

// seqBinary applies op to str, list, tuple, dict and range operands; it
// returns the zero Value when it does not apply.
func seqBinary(op lang.Op, x, y Value) (Value, error) {
	switch a := x.obj.(type) {
	case String:
		switch op {
		case lang.Plus:
			b, ok := y.obj.(String)
			if !ok {
				return Value{}, Errorf("can only concatenate str (not \"%s\") to str", TypeName(y))
			}
			return MakeStr(string(a) + string(b)), nil
		case lang.Star:
			return repeatSeq(x, y)
		case lang.Percent:
			s, err := PercentFormat(string(a), y)
			if err != nil {
				return Value{}, err
			}
			return MakeStr(s), nil
		}
		if b, ok := y.obj.(String); ok && isOrdering(op) {
			return MakeBool(cmpResult(op, strings.Compare(string(a), string(b)), false)), nil
		}
	case *List:
		switch op {
		case lang.Plus:
			b, ok := y.obj.(*List)
			if !ok {
				return Value{}, Errorf("can only concatenate list (not \"%s\") to list", TypeName(y))
			}
			out := make([]Value, 0, len(a.Elems)+len(b.Elems))
			return NewList(append(append(out, a.Elems...), b.Elems...)), nil
		case lang.Star:
			return repeatSeq(x, y)
		}
		if b, ok := y.obj.(*List); ok && isOrdering(op) {
			c, err := compareSeq(a.Elems, b.Elems)
			if err != nil {
				return Value{}, err
			}
			return MakeBool(cmpResult(op, c, false)), nil
		}
	case Tuple:
		switch op {
		case lang.Plus:
			b, ok := y.obj.(Tuple)
			if !ok {
				return Value{}, Errorf("can only concatenate tuple (not \"%s\") to tuple", TypeName(y))
			}
			out := make(Tuple, 0, len(a)+len(b))
			return MakeObj(append(append(out, a...), b...)), nil
		case lang.Star:
			return repeatSeq(x, y)
		}
		if b, ok := y.obj.(Tuple); ok && isOrdering(op) {
			c, err := compareSeq(a, b)
			if err != nil {
				return Value{}, err
			}
			return MakeBool(cmpResult(op, c, false)), nil
		}
	case *Dict:
		if b, ok := y.obj.(*Dict); ok && op == lang.Pipe {
			out := a.Copy()
			for _, kv := range b.Items() {
				out.Set(kv[0], kv[1])
			}
			return MakeObj(out), nil
		}
	}
	if op == lang.Star && isNumber(x) {
		switch y.obj.(type) {
		case String, *List, Tuple:
			return repeatSeq(y, x)
		}
	}
	return Value{}, nil
}

func isOrdering(op lang.Op) bool {
	return op == lang.Lt || op == lang.Le || op == lang.Gt || op == lang.Ge
}

// repeatSeq returns seq * n for a str, list or tuple.
func repeatSeq(seq, n Value) (Value, error) {
	k, ok := n.ToInt()
	if !ok {
		return Value{}, Errorf("can't multiply sequence by non-int of type '%s'", TypeName(n))
	}
	if k < 0 {
		k = 0
	}
	switch s := seq.obj.(type) {
	case String:
		if k > 0 && int64(len(s)) > maxRepeat/k {
			return Value{}, Errorf("repeated string is too long")
		}
		return MakeStr(strings.Repeat(string(s), int(k))), nil
	case *List:
		out, err := repeatValues(s.Elems, k)
		return NewList(out), err
	case Tuple:
		out, err := repeatValues(s, k)
		return MakeObj(Tuple(out)), err
	}
	return Value{}, nil
}

func repeatValues(elems []Value, k int64) ([]Value, error) {
	if k > 0 && int64(len(elems)) > maxRepeat/k {
		return nil, Errorf("repeated sequence is too long")
	}
	out := make([]Value, 0, int64(len(elems))*k)
	for i := int64(0); i < k; i++ {
		out = append(out, elems...)
	}
	return out, nil
}

// compareSeq compares two sequences lexicographically.
func compareSeq(a, b []Value) (int, error) {
	for i := 0; i < len(a) && i < len(b); i++ {
		eq, err := Equal(a[i], b[i])
		if err != nil {
			return 0, err
		}
		if eq {
			continue
		}
		lt, err := Less(a[i], b[i])
		if err != nil {
			return 0, err
		}
		if lt {
			return -1, nil
		}
		return 1, nil
	}
	return cmp3(int64(len(a)), int64(len(b))), nil
}
