package runtime

import (
	"math"

	"github.com/sim-lang/sim/lang"
)

const (
	minInt = math.MinInt64
	maxInt = math.MaxInt64
)

var errOverflow = Errorf("integer overflow")

// numBinary handles bool/int/float operands of mixed kinds.
func numBinary(op lang.Op, x, y Value) (Value, error) {
	if x.kind == BoolKind && y.kind == BoolKind {
		a, b := x.AsBool(), y.AsBool()
		switch op {
		case lang.Amp:
			return MakeBool(a && b), nil
		case lang.Pipe:
			return MakeBool(a || b), nil
		case lang.Hat:
			return MakeBool(a != b), nil
		}
	}
	if x.kind != FloatKind && y.kind != FloatKind {
		a, _ := x.ToInt()
		b, _ := y.ToInt()
		return intBinary(op, a, b)
	}
	if op.IsComparison() {
		c, unordered := numCompare(x, y)
		return MakeBool(cmpResult(op, c, unordered)), nil
	}
	a, _ := x.ToFloat()
	b, _ := y.ToFloat()
	return floatBinary(op, a, b)
}

// cmpResult turns a three-way comparison into the result of op.
func cmpResult(op lang.Op, c int, unordered bool) bool {
	if unordered {
		return op == lang.Ne || op == lang.IsNot
	}
	switch op {
	case lang.Eq:
		return c == 0
	case lang.Ne:
		return c != 0
	case lang.Lt:
		return c < 0
	case lang.Le:
		return c <= 0
	case lang.Gt:
		return c > 0
	case lang.Ge:
		return c >= 0
	}
	return false
}

// numCompare compares two numbers exactly (ints against floats too);
// unordered is true when a NaN is involved.
func numCompare(x, y Value) (c int, unordered bool) {
	xi, xInt := x.ToInt()
	yi, yInt := y.ToInt()
	switch {
	case xInt && yInt:
		return cmp3(xi, yi), false
	case xInt:
		c, u := cmpIntFloat(xi, y.AsFloat())
		return c, u
	case yInt:
		c, u := cmpIntFloat(yi, x.AsFloat())
		return -c, u
	}
	a, b := x.AsFloat(), y.AsFloat()
	if math.IsNaN(a) || math.IsNaN(b) {
		return 0, true
	}
	switch {
	case a < b:
		return -1, false
	case a > b:
		return 1, false
	}
	return 0, false
}

func cmp3[T int64 | float64 | string](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// cmpIntFloat compares i with f exactly.
func cmpIntFloat(i int64, f float64) (int, bool) {
	if math.IsNaN(f) {
		return 0, true
	}
	if f >= 9.3e18 {
		return -1, false
	}
	if f <= -9.3e18 {
		return 1, false
	}
	t := math.Trunc(f)
	if t >= 9.2233720368547758e18 || t < -9.2233720368547758e18 {
		// Beyond int64: compare as floats (exact enough at this range).
		return cmp3(float64(i), f), false
	}
	if c := cmp3(i, int64(t)); c != 0 {
		return c, false
	}
	return cmp3(0, f-t), false
}

// intBinary applies op to two ints with Python semantics and overflow
// checks.
func intBinary(op lang.Op, a, b int64) (Value, error) {
	switch op {
	case lang.Plus:
		s := a + b
		if (s > a) != (b > 0) {
			return Value{}, errOverflow
		}
		return MakeInt(s), nil
	case lang.Minus:
		s := a - b
		if (s < a) != (b > 0) {
			return Value{}, errOverflow
		}
		return MakeInt(s), nil
	case lang.Star:
		p, ok := mulInt(a, b)
		if !ok {
			return Value{}, errOverflow
		}
		return MakeInt(p), nil
	case lang.Slash:
		if b == 0 {
			return Value{}, Errorf("division by zero")
		}
		return MakeFloat(float64(a) / float64(b)), nil
	case lang.SlashSlash:
		if b == 0 {
			return Value{}, Errorf("integer division or modulo by zero")
		}
		if a == minInt && b == -1 {
			return Value{}, errOverflow
		}
		return MakeInt(floorDivInt(a, b)), nil
	case lang.Percent:
		if b == 0 {
			return Value{}, Errorf("integer modulo by zero")
		}
		return MakeInt(modInt(a, b)), nil
	case lang.StarStar:
		if b < 0 {
			if a == 0 {
				return Value{}, Errorf("0.0 cannot be raised to a negative power")
			}
			return MakeFloat(math.Pow(float64(a), float64(b))), nil
		}
		p, ok := powInt(a, b)
		if !ok {
			return Value{}, errOverflow
		}
		return MakeInt(p), nil
	case lang.Amp:
		return MakeInt(a & b), nil
	case lang.Pipe:
		return MakeInt(a | b), nil
	case lang.Hat:
		return MakeInt(a ^ b), nil
	case lang.LShift:
		if b < 0 {
			return Value{}, Errorf("negative shift count")
		}
		if a == 0 {
			return MakeInt(0), nil
		}
		if b >= 63 || (a<<b)>>b != a {
			return Value{}, errOverflow
		}
		return MakeInt(a << b), nil
	case lang.RShift:
		if b < 0 {
			return Value{}, Errorf("negative shift count")
		}
		if b > 63 {
			b = 63
		}
		return MakeInt(a >> b), nil
	case lang.Eq, lang.Ne, lang.Lt, lang.Le, lang.Gt, lang.Ge:
		return MakeBool(cmpResult(op, cmp3(a, b), false)), nil
	case lang.Is:
		return MakeBool(a == b), nil
	case lang.IsNot:
		return MakeBool(a != b), nil
	case lang.In, lang.NotIn:
		return Value{}, Errorf("argument of type 'int' is not iterable")
	}
	return Value{}, unsupported(op, MakeInt(a), MakeInt(b))
}

func mulInt(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	p := a * b
	if p/b != a || (a == -1 && b == minInt) || (b == -1 && a == minInt) {
		return 0, false
	}
	return p, true
}

func powInt(a, b int64) (int64, bool) {
	result := int64(1)
	for b > 0 {
		if b&1 == 1 {
			r, ok := mulInt(result, a)
			if !ok {
				return 0, false
			}
			result = r
		}
		b >>= 1
		if b > 0 {
			sq, ok := mulInt(a, a)
			if !ok {
				return 0, false
			}
			a = sq
		}
	}
	return result, true
}

func floorDivInt(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func modInt(a, b int64) int64 {
	if b == -1 {
		return 0
	}
	r := a % b
	if r != 0 && (r < 0) != (b < 0) {
		r += b
	}
	return r
}

// floatDivMod returns Python's (a // b, a % b) for floats, b != 0.
func floatDivMod(a, b float64) (float64, float64) {
	mod := math.Mod(a, b)
	div := (a - mod) / b
	if mod != 0 {
		if (b < 0) != (mod < 0) {
			mod += b
			div--
		}
	} else {
		mod = math.Copysign(0, b)
	}
	var floordiv float64
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv++
		}
	} else {
		floordiv = math.Copysign(0, a/b)
	}
	return floordiv, mod
}

// floatBinary applies op to two floats with Python semantics.
func floatBinary(op lang.Op, a, b float64) (Value, error) {
	switch op {
	case lang.Plus:
		return MakeFloat(a + b), nil
	case lang.Minus:
		return MakeFloat(a - b), nil
	case lang.Star:
		return MakeFloat(a * b), nil
	case lang.Slash:
		if b == 0 {
			return Value{}, Errorf("float division by zero")
		}
		return MakeFloat(a / b), nil
	case lang.SlashSlash:
		if b == 0 {
			return Value{}, Errorf("float floor division by zero")
		}
		d, _ := floatDivMod(a, b)
		return MakeFloat(d), nil
	case lang.Percent:
		if b == 0 {
			return Value{}, Errorf("float modulo")
		}
		_, m := floatDivMod(a, b)
		return MakeFloat(m), nil
	case lang.StarStar:
		r, err := floatPow(a, b)
		return MakeFloat(r), err
	case lang.Eq, lang.Ne, lang.Lt, lang.Le, lang.Gt, lang.Ge:
		c, u := numCompare(MakeFloat(a), MakeFloat(b))
		return MakeBool(cmpResult(op, c, u)), nil
	case lang.Is:
		return MakeBool(math.Float64bits(a) == math.Float64bits(b)), nil
	case lang.IsNot:
		return MakeBool(math.Float64bits(a) != math.Float64bits(b)), nil
	case lang.In, lang.NotIn:
		return Value{}, Errorf("argument of type 'float' is not iterable")
	}
	return Value{}, unsupported(op, MakeFloat(a), MakeFloat(b))
}

// floatPow is a ** b for floats, with Python's errors.
func floatPow(a, b float64) (float64, error) {
	if a == 0 && b < 0 {
		return 0, Errorf("0.0 cannot be raised to a negative power")
	}
	if a < 0 && b != math.Trunc(b) && !math.IsInf(b, 0) {
		return 0, Errorf("negative number cannot be raised to a fractional power")
	}
	var r float64
	switch b {
	case 2: // x**2 is everywhere in models: one correctly rounded product
		r = a * a
	case 1:
		r = a
	default:
		r = math.Pow(a, b)
	}
	if math.IsInf(r, 0) && !math.IsInf(a, 0) && !math.IsInf(b, 0) {
		return 0, Errorf("numerical result out of range")
	}
	return r, nil
}
