package runtime

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// The conversion builtins are also type objects, so that int("3") and
// isinstance(x, int) both work.
func init() {
	for name, fn := range map[string]BuiltinFunc{
		"int":   builtinInt,
		"float": builtinFloat,
		"str":   builtinStr,
		"bool":  builtinBool,
		"list":  builtinList,
		"tuple": builtinTuple,
		"dict":  builtinDict,
		"slice": builtinSlice,
	} {
		defineType(name, fn)
	}
	for _, name := range []string{"NoneType", "range", "type", "Quantity", "builtin_function_or_method", "module"} {
		TypeNamed(name)
	}
}

// floatToInt truncates f to an int, with Python's errors for inf and nan.
func floatToInt(f float64) (Value, error) {
	switch {
	case math.IsInf(f, 0):
		return Value{}, Errorf("cannot convert float infinity to integer")
	case math.IsNaN(f):
		return Value{}, Errorf("cannot convert float NaN to integer")
	}
	t := math.Trunc(f)
	if t >= 9.223372036854775807e18 || t < -9.223372036854775808e18 {
		return Value{}, errOverflow
	}
	return MakeInt(int64(t)), nil
}

// scalarFloat returns the single float of a one-element HasFloats object
// (an array of one element), in SI units as Brian2 gives it.
func scalarFloat(v Value, to string) (float64, bool, error) {
	h, ok := v.obj.(HasFloats)
	if !ok {
		return 0, false, nil
	}
	data, _, _ := h.Floats()
	if len(data) != 1 {
		return 0, true, Errorf("only arrays of one element can be converted to %s", to)
	}
	return data[0], true, nil
}

func builtinInt(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var x, base Value
	if err := UnpackArgs("int", args, kwargs, "x?", &x, "base?", &base); err != nil {
		return Value{}, err
	}
	if !x.IsValid() {
		return MakeInt(0), nil
	}
	if base.IsValid() {
		s, ok := AsString(x)
		if !ok {
			return Value{}, Errorf("int() can't convert non-string with explicit base")
		}
		b, ok := base.ToInt()
		if !ok || b == 1 || b < 0 || b > 36 {
			return Value{}, Errorf("int() base must be >= 2 and <= 36, or 0")
		}
		return ParseInt(s, int(b))
	}
	switch x.kind {
	case IntKind, BoolKind:
		i, _ := x.ToInt()
		return MakeInt(i), nil
	case FloatKind:
		return floatToInt(x.AsFloat())
	}
	switch o := x.obj.(type) {
	case String:
		return ParseInt(string(o), 10)
	case Quantity:
		return floatToInt(o.V) // Brian2: int(3*second) is 3, the SI value
	}
	if f, ok, err := scalarFloat(x, "int"); ok {
		if err != nil {
			return Value{}, err
		}
		return floatToInt(f)
	}
	return Value{}, Errorf("int() argument must be a string or a real number, not '%s'", TypeName(x))
}

// ParseInt parses an int literal as Python's int(s, base) does: spaces
// around, a sign, underscores between digits, 0x/0o/0b prefixes (base 0
// guesses the base from the prefix).
func ParseInt(s string, base int) (Value, error) {
	bad := func() (Value, error) {
		return Value{}, Errorf("invalid literal for int() with base %d: %s", base, Quote(s))
	}
	t := strings.TrimSpace(s)
	neg := false
	if t != "" && (t[0] == '+' || t[0] == '-') {
		neg = t[0] == '-'
		t = t[1:]
	}
	if len(t) > 2 && t[0] == '0' {
		p := map[byte]int{'x': 16, 'X': 16, 'o': 8, 'O': 8, 'b': 2, 'B': 2}[t[1]]
		if p != 0 && (base == 0 || base == p) {
			base, t = p, strings.TrimPrefix(t[2:], "_")
		}
	}
	if base == 0 {
		if len(t) > 1 && strings.Trim(t, "0_") != "" && t[0] == '0' {
			return bad()
		}
		base = 10
	}
	if t == "" || t[0] == '_' || t[len(t)-1] == '_' || strings.Contains(t, "__") {
		return bad()
	}
	u, err := strconv.ParseUint(strings.ReplaceAll(t, "_", ""), base, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return Value{}, errOverflow
		}
		return bad()
	}
	if neg {
		if u > 1<<63 {
			return Value{}, errOverflow
		}
		return MakeInt(-int64(u)), nil
	}
	if u > math.MaxInt64 {
		return Value{}, errOverflow
	}
	return MakeInt(int64(u)), nil
}

var floatLiteral = regexp.MustCompile(`^[+-]?((\d(_?\d)*(\.(\d(_?\d)*)?)?|\.\d(_?\d)*)([eE][+-]?\d(_?\d)*)?|inf|infinity|nan)$`)

// ParseFloat parses a float as Python's float(s) does ("1e-3", " 2.5 ",
// "inf", "-Infinity", "nan", "1_000.5").
func ParseFloat(s string) (float64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if !floatLiteral.MatchString(t) {
		return 0, Errorf("could not convert string to float: %s", Quote(s))
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(t, "_", ""), 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, nil
		}
		return 0, Errorf("could not convert string to float: %s", Quote(s))
	}
	return f, nil
}

func builtinFloat(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var x Value
	if err := UnpackArgs("float", args, kwargs, "x?", &x); err != nil {
		return Value{}, err
	}
	if !x.IsValid() {
		return MakeFloat(0), nil
	}
	if f, ok := x.ToFloat(); ok {
		return MakeFloat(f), nil
	}
	switch o := x.obj.(type) {
	case String:
		f, err := ParseFloat(string(o))
		return MakeFloat(f), err
	case Quantity:
		return MakeFloat(o.V), nil // Brian2: float(5*mV) is 0.005, the SI value
	}
	if f, ok, err := scalarFloat(x, "float"); ok {
		return MakeFloat(f), err
	}
	return Value{}, Errorf("float() argument must be a string or a real number, not '%s'", TypeName(x))
}

func builtinStr(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var x Value
	if err := UnpackArgs("str", args, kwargs, "object?", &x); err != nil {
		return Value{}, err
	}
	if !x.IsValid() {
		return MakeStr(""), nil
	}
	return MakeStr(Str(x)), nil
}

func builtinBool(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var x Value
	if err := UnpackArgs("bool", args, kwargs, "x?", &x); err != nil {
		return Value{}, err
	}
	t, err := Truth(x)
	return MakeBool(t), err
}

func builtinList(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var x Value
	if err := UnpackArgs("list", args, kwargs, "iterable?", &x); err != nil {
		return Value{}, err
	}
	if !x.IsValid() {
		return NewList(nil), nil
	}
	elems, err := ToSlice(x)
	if err != nil {
		return Value{}, err
	}
	return NewList(append([]Value(nil), elems...)), nil
}

func builtinTuple(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	var x Value
	if err := UnpackArgs("tuple", args, kwargs, "iterable?", &x); err != nil {
		return Value{}, err
	}
	if !x.IsValid() {
		return MakeTuple(), nil
	}
	if _, ok := x.obj.(Tuple); ok {
		return x, nil
	}
	elems, err := ToSlice(x)
	if err != nil {
		return Value{}, err
	}
	return MakeObj(Tuple(append([]Value(nil), elems...))), nil
}

func builtinDict(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if len(args) > 1 {
		return Value{}, Errorf("dict expected at most 1 argument, got %d", len(args))
	}
	var src Value
	if len(args) == 1 {
		src = args[0]
	}
	d := NewDict()
	if err := dictUpdateFrom(d, src, kwargs); err != nil {
		return Value{}, err
	}
	return MakeObj(d), nil
}

// builtinSlice is slice(stop) or slice(start, stop[, step]): the object
// that a[start:stop:step] passes, for code that builds selections.
func builtinSlice(th *Thread, args []Value, kwargs []Kwarg) (Value, error) {
	if len(kwargs) > 0 {
		return Value{}, Errorf("slice() takes no keyword arguments")
	}
	switch len(args) {
	case 1:
		return MakeObj(&Slice{Start: None, Stop: args[0], Step: None}), nil
	case 2:
		return MakeObj(&Slice{Start: args[0], Stop: args[1], Step: None}), nil
	case 3:
		return MakeObj(&Slice{Start: args[0], Stop: args[1], Step: args[2]}), nil
	}
	return Value{}, Errorf("slice expected 1 to 3 arguments, got %d", len(args))
}
