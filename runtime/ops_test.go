package runtime

import (
	"math"
	"strings"
	"testing"

	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/units"
)

// Test value constructors.
func I(i int64) Value         { return MakeInt(i) }
func F(f float64) Value       { return MakeFloat(f) }
func S(s string) Value        { return MakeStr(s) }
func L(vs ...Value) Value     { return NewList(vs) }
func T(vs ...Value) Value     { return MakeTuple(vs...) }
func B(b bool) Value          { return MakeBool(b) }
func rng(a, b, c int64) Value { r, _ := NewRange(a, b, c); return MakeObj(r) }

// U returns the named unit as a value (mV, nA, ...).
func U(t *testing.T, name string) Value {
	t.Helper()
	scale, d, ok := units.Lookup(name)
	if !ok {
		t.Fatalf("unit %s unknown", name)
	}
	return MakeQuantity(scale, d)
}

func mustBin(t *testing.T, op lang.Op, x, y Value) Value {
	t.Helper()
	v, err := Binary(op, x, y)
	if err != nil {
		t.Fatalf("%s %s %s: %v", Repr(x), op, Repr(y), err)
	}
	return v
}

// result formats a value or an error for table comparisons: errors read
// "error: msg".
func result(v Value, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	return TypeName(v) + " " + Repr(v)
}

func TestBinaryNumbers(t *testing.T) {
	cases := []struct {
		op   lang.Op
		x, y Value
		want string
	}{
		{lang.Plus, I(2), I(3), "int 5"},
		{lang.SlashSlash, I(-7), I(2), "int -4"},
		{lang.SlashSlash, I(7), I(-2), "int -4"},
		{lang.Percent, I(-7), I(3), "int 2"},
		{lang.Percent, I(7), I(-3), "int -2"},
		{lang.Percent, I(6), I(-3), "int 0"},
		{lang.SlashSlash, F(7.5), I(2), "float 3.0"},
		{lang.Percent, F(-7.5), I(2), "float 0.5"},
		{lang.Percent, F(7.5), F(-2), "float -0.5"},
		{lang.SlashSlash, F(7.5), F(-2), "float -4.0"},
		{lang.SlashSlash, F(math.Copysign(0, -1)), I(1), "float -0.0"},
		{lang.Percent, F(-6), I(3), "float 0.0"},
		{lang.Slash, I(1), I(2), "float 0.5"},
		{lang.Slash, I(4), I(2), "float 2.0"},
		{lang.StarStar, I(2), I(10), "int 1024"},
		{lang.StarStar, I(2), I(-1), "float 0.5"},
		{lang.StarStar, I(2), I(-2), "float 0.25"},
		{lang.StarStar, I(2), F(0.5), "float 1.4142135623730951"},
		{lang.Plus, I(9223372036854775807), I(1), "error: integer overflow"},
		{lang.Minus, I(-9223372036854775808), I(1), "error: integer overflow"},
		{lang.Star, I(3037000500), I(3037000500), "error: integer overflow"},
		{lang.StarStar, I(2), I(63), "error: integer overflow"},
		{lang.StarStar, I(2), I(62), "int 4611686018427387904"},
		{lang.SlashSlash, I(-9223372036854775808), I(-1), "error: integer overflow"},
		{lang.LShift, I(1), I(62), "int 4611686018427387904"},
		{lang.LShift, I(1), I(63), "error: integer overflow"},
		{lang.LShift, I(1), I(-1), "error: negative shift count"},
		{lang.RShift, I(-16), I(2), "int -4"},
		{lang.Amp, I(12), I(10), "int 8"},
		{lang.Pipe, I(12), I(10), "int 14"},
		{lang.Hat, I(12), I(10), "int 6"},
		{lang.Plus, True, True, "int 2"},
		{lang.Amp, True, False, "bool False"},
		{lang.Pipe, True, False, "bool True"},
		{lang.Plus, F(1.5), I(1), "float 2.5"},
		{lang.Star, F(1e300), F(1e300), "float inf"},
		{lang.Eq, I(1), F(1.0), "bool True"},
		{lang.Eq, True, I(1), "bool True"},
		{lang.Lt, I(9007199254740993), F(9007199254740992.0), "bool False"},
		{lang.Gt, I(9007199254740993), F(9007199254740992.0), "bool True"},
		{lang.Lt, F(1), F(2), "bool True"},
		{lang.Ne, F(nan()), F(nan()), "bool True"},
		{lang.Eq, F(nan()), F(nan()), "bool False"},
		{lang.Slash, I(1), I(0), "error: division by zero"},
		{lang.SlashSlash, I(1), I(0), "error: integer division or modulo by zero"},
		{lang.Percent, I(1), I(0), "error: integer modulo by zero"},
		{lang.Slash, F(1), I(0), "error: float division by zero"},
		{lang.SlashSlash, F(1), I(0), "error: float floor division by zero"},
		{lang.Percent, F(1), F(0), "error: float modulo"},
		{lang.StarStar, I(0), I(-1), "error: 0.0 cannot be raised to a negative power"},
		{lang.StarStar, F(-8), F(0.5), "error: negative number cannot be raised to a fractional power"},
		{lang.Plus, I(1), S("a"), "error: unsupported operand type(s) for +: 'int' and 'str'"},
		{lang.Lt, I(1), S("a"), "error: '<' not supported between instances of 'int' and 'str'"},
		{lang.Is, None, None, "bool True"},
		{lang.IsNot, I(1), None, "bool True"},
		{lang.Eq, None, I(0), "bool False"},
		{lang.Eq, None, None, "bool True"},
	}
	for _, c := range cases {
		got := result(Binary(c.op, c.x, c.y))
		if got != c.want {
			t.Errorf("%s %s %s = %s, want %s", Repr(c.x), c.op, Repr(c.y), got, c.want)
		}
	}
}

func TestBinarySequences(t *testing.T) {
	d1, d2 := NewDict(), NewDict()
	d1.Set(S("a"), I(1))
	d2.Set(S("b"), I(2))
	d2.Set(S("a"), I(3))
	lst := L(I(1), I(2))
	cases := []struct {
		op   lang.Op
		x, y Value
		want string
	}{
		{lang.Plus, S("ab"), S("cd"), "str 'abcd'"},
		{lang.Star, S("ab"), I(3), "str 'ababab'"},
		{lang.Star, I(2), S("ab"), "str 'abab'"},
		{lang.Star, S("ab"), I(-1), "str ''"},
		{lang.Plus, S("a"), I(1), `error: can only concatenate str (not "int") to str`},
		{lang.Plus, L(I(1), I(2)), L(I(3)), "list [1, 2, 3]"},
		{lang.Plus, L(I(1)), T(I(1)), `error: can only concatenate list (not "tuple") to list`},
		{lang.Star, L(I(1), I(2)), I(2), "list [1, 2, 1, 2]"},
		{lang.Star, L(I(1)), F(1.5), "error: can't multiply sequence by non-int of type 'float'"},
		{lang.Plus, T(I(1)), T(I(2)), "tuple (1, 2)"},
		{lang.Star, T(I(1)), I(3), "tuple (1, 1, 1)"},
		{lang.Lt, T(I(1), I(2)), T(I(1), I(3)), "bool True"},
		{lang.Lt, L(I(1), I(2)), L(I(1), I(2), I(0)), "bool True"},
		{lang.Gt, L(I(2)), L(I(1), I(9)), "bool True"},
		{lang.Eq, L(I(1), F(2)), L(I(1), I(2)), "bool True"},
		{lang.Eq, L(I(1)), T(I(1)), "bool False"},
		{lang.Lt, S("a"), S("b"), "bool True"},
		{lang.Ge, S("b"), S("ab"), "bool True"},
		{lang.In, I(2), L(I(1), I(2)), "bool True"},
		{lang.NotIn, I(3), T(I(1), I(2)), "bool True"},
		{lang.In, S("bc"), S("abc"), "bool True"},
		{lang.In, I(1), S("abc"), "error: 'in <string>' requires string as left operand, not int"},
		{lang.In, I(9), rng(0, 10, 3), "bool True"},
		{lang.In, I(8), rng(0, 10, 3), "bool False"},
		{lang.In, S("a"), MakeObj(d1), "bool True"},
		{lang.In, F(1.0), L(True), "bool True"},
		{lang.In, I(1), I(2), "error: argument of type 'int' is not iterable"},
		{lang.Pipe, MakeObj(d1), MakeObj(d2), "dict {'a': 3, 'b': 2}"},
		{lang.Is, lst, lst, "bool True"},
		{lang.Is, T(I(1)), T(I(1)), "bool False"},
		{lang.Percent, S("%d %5.2f %s %r %%"), T(I(3), F(3.14159), S("x"), S("y")), "str \"3  3.14 x 'y' %\""},
		{lang.Percent, S("%-6.2e|%+d|%05d|%x|%#o|%.3d|%c"), T(F(12345.678), I(5), I(-42), I(255), I(8), I(7), I(65)), "str '1.23e+04|+5|-0042|ff|0o10|007|A'"},
		{lang.Percent, S("%s"), L(I(1), I(2)), "str '[1, 2]'"},
		{lang.Percent, S("%d %d"), T(I(1)), "error: not enough arguments for format string"},
		{lang.Percent, S("%d"), T(I(1), I(2)), "error: not all arguments converted during string formatting"},
		{lang.Percent, S("%d"), S("a"), "error: %d format: a real number is required, not str"},
		{lang.Percent, S("%(a)s-%(b)d"), MakeObj(d2), "str '3-2'"},
	}
	for _, c := range cases {
		got := result(Binary(c.op, c.x, c.y))
		if got != c.want {
			t.Errorf("%s %s %s = %s, want %s", Repr(c.x), c.op, Repr(c.y), got, c.want)
		}
	}
}

func TestBinaryQuantities(t *testing.T) {
	mV, nA, nS, Hz, second := U(t, "mV"), U(t, "nA"), U(t, "nS"), U(t, "Hz"), U(t, "second")
	q := func(x Value, u Value) Value { return mustBin(t, lang.Star, x, u) }
	cases := []struct {
		name string
		got  func() (Value, error)
		want string
	}{
		{"3 mV + 2 nA", func() (Value, error) { return Binary(lang.Plus, q(I(3), mV), q(I(2), nA)) },
			"error: cannot add 3 mV and 2 nA: units do not match (volt vs amp)"},
		{"3 mV - 2 nA", func() (Value, error) { return Binary(lang.Minus, q(I(3), mV), q(I(2), nA)) },
			"error: cannot subtract 3 mV and 2 nA: units do not match (volt vs amp)"},
		{"3 mV < 2 nA", func() (Value, error) { return Binary(lang.Lt, q(I(3), mV), q(I(2), nA)) },
			"error: cannot compare 3 mV and 2 nA: units do not match (volt vs amp)"},
		{"3 mV + 1", func() (Value, error) { return Binary(lang.Plus, q(I(3), mV), I(1)) },
			"error: cannot add 3 mV and 1: units do not match (volt vs 1)"},
		{"5 nS * 10 mV", func() (Value, error) { return Binary(lang.Star, q(I(5), nS), q(I(10), mV)) }, "Quantity 50 pA"},
		{"Hz * second", func() (Value, error) { return Binary(lang.Star, Hz, second) }, "float 1.0"},
		{"mV / mV", func() (Value, error) { return Binary(lang.Slash, q(I(6), mV), q(I(3), mV)) }, "float 2.0"},
		{"(4 mV**2)**0.5", func() (Value, error) {
			return Binary(lang.StarStar, q(I(4), mustBin(t, lang.StarStar, mV, I(2))), F(0.5))
		}, "Quantity 2 mV"},
		{"mV ** 0.123", func() (Value, error) { return Binary(lang.StarStar, mV, F(0.123)) },
			"error: cannot raise 1 mV to the power 0.123: the result's units would have an irrational exponent"},
		{"2 ** mV", func() (Value, error) { return Binary(lang.StarStar, I(2), mV) },
			"error: exponent must be dimensionless, got 1 mV"},
		{"3 mV + 0", func() (Value, error) { return Binary(lang.Plus, q(I(3), mV), I(0)) }, "Quantity 3 mV"},
		{"0 - 3 mV", func() (Value, error) { return Binary(lang.Minus, I(0), q(I(3), mV)) }, "Quantity -3 mV"},
		{"3 mV > 0", func() (Value, error) { return Binary(lang.Gt, q(I(3), mV), I(0)) }, "bool True"},
		{"3 mV == 0", func() (Value, error) { return Binary(lang.Eq, q(I(3), mV), I(0)) }, "bool False"},
		{"3 mV < inf", func() (Value, error) { return Binary(lang.Lt, q(I(3), mV), F(inf())) }, "bool True"},
		{"3 mV < 2 mV", func() (Value, error) { return Binary(lang.Lt, q(I(3), mV), q(I(2), mV)) }, "bool False"},
		{"1 mV + 2 mV", func() (Value, error) { return Binary(lang.Plus, mV, q(I(2), mV)) }, "Quantity 3 mV"},
		{"7 mV // 2 mV", func() (Value, error) { return Binary(lang.SlashSlash, q(I(7), mV), q(I(2), mV)) }, "float 3.0"},
		{"-3 mV", func() (Value, error) { return Unary(lang.Minus, q(I(3), mV)) }, "Quantity -3 mV"},
		{"abs(-3 mV)", func() (Value, error) { return Abs(q(I(-3), mV)) }, "Quantity 3 mV"},
		{"1/ms", func() (Value, error) { return Binary(lang.Slash, I(1), U(t, "ms")) }, "Quantity 1 kHz"},
		{"mV in [mV]", func() (Value, error) { return Binary(lang.In, mV, L(mV)) }, "bool True"},
	}
	for _, c := range cases {
		got := result(c.got())
		if got != c.want {
			t.Errorf("%s = %s, want %s", c.name, got, c.want)
		}
	}
}

func TestUnaryTruth(t *testing.T) {
	cases := []struct {
		op   lang.Op
		x    Value
		want string
	}{
		{lang.Minus, I(3), "int -3"},
		{lang.Minus, I(-9223372036854775808), "error: integer overflow"},
		{lang.Tilde, I(5), "int -6"},
		{lang.Minus, True, "int -1"},
		{lang.Plus, F(2.5), "float 2.5"},
		{lang.Not, L(), "bool True"},
		{lang.Not, S("x"), "bool False"},
		{lang.Not, None, "bool True"},
		{lang.Not, F(0), "bool True"},
		{lang.Minus, S("a"), "error: bad operand type for unary -: 'str'"},
		{lang.Tilde, F(1.5), "error: bad operand type for unary ~: 'float'"},
	}
	for _, c := range cases {
		got := result(Unary(c.op, c.x))
		if got != c.want {
			t.Errorf("%s %s = %s, want %s", c.op, Repr(c.x), got, c.want)
		}
	}
}

func TestCompareLess(t *testing.T) {
	if ok, err := Compare(lang.Lt, I(1), F(1.5)); err != nil || !ok {
		t.Errorf("1 < 1.5 = %v, %v", ok, err)
	}
	if ok, err := Less(T(I(1), S("b")), T(I(1), S("a"))); err != nil || ok {
		t.Errorf("(1,'b') < (1,'a') = %v, %v", ok, err)
	}
	if _, err := Less(L(I(1)), L(S("a"))); err == nil || !strings.Contains(err.Error(), "'<' not supported between instances of 'int' and 'str'") {
		t.Errorf("[1] < ['a'] error = %v", err)
	}
}

func TestIndexing(t *testing.T) {
	d := NewDict()
	d.Set(S("a"), I(1))
	s := &Slice{Start: None, Stop: None, Step: I(-2)}
	cases := []struct {
		x, key Value
		want   string
	}{
		{L(I(1), I(2), I(3)), I(-1), "int 3"},
		{L(I(1), I(2), I(3)), I(5), "error: list index out of range"},
		{T(I(1)), I(5), "error: tuple index out of range"},
		{S("a"), I(5), "error: string index out of range"},
		{L(I(1), I(2), I(3), I(4), I(5)), MakeObj(s), "list [5, 3, 1]"},
		{L(I(1), I(2), I(3)), MakeObj(&Slice{Start: I(1), Stop: None, Step: None}), "list [2, 3]"},
		{S("héllo"), I(1), "str 'é'"},
		{S("héllo"), MakeObj(&Slice{Start: I(1), Stop: I(3), Step: None}), "str 'él'"},
		{S("hello"), MakeObj(s), "str 'olh'"},
		{T(I(1), I(2), I(3)), MakeObj(&Slice{Start: I(-2), Stop: None, Step: None}), "tuple (2, 3)"},
		{MakeObj(d), S("a"), "int 1"},
		{MakeObj(d), S("x"), "error: key 'x' not in dict"},
		{MakeObj(d), L(), "error: unhashable type: 'list'"},
		{rng(0, 10, 2), I(-1), "int 8"},
		{rng(0, 10, 2), MakeObj(&Slice{Start: I(1), Stop: None, Step: I(2)}), "range range(2, 10, 4)"},
		{L(I(1)), S("a"), "error: list indices must be integers or slices, not str"},
		{I(1), I(0), "error: 'int' object is not subscriptable"},
	}
	for _, c := range cases {
		got := result(GetIndex(c.x, c.key))
		if got != c.want {
			t.Errorf("%s[%s] = %s, want %s", Repr(c.x), Repr(c.key), got, c.want)
		}
	}
	l := L(I(1), I(2), I(3), I(4))
	if err := SetIndex(l, MakeObj(&Slice{Start: I(1), Stop: I(3), Step: None}), L(S("x"))); err != nil {
		t.Fatal(err)
	}
	if Repr(l) != "[1, 'x', 4]" {
		t.Errorf("slice assignment gave %s", Repr(l))
	}
	if err := SetIndex(l, MakeObj(&Slice{Start: None, Stop: None, Step: I(2)}), L(I(0))); err == nil ||
		err.Error() != "attempt to assign sequence of size 1 to extended slice of size 2" {
		t.Errorf("extended slice error = %v", err)
	}
	if err := SetIndex(T(I(1)), I(0), I(2)); err == nil || err.Error() != "'tuple' object does not support item assignment" {
		t.Errorf("tuple assignment error = %v", err)
	}
	if err := DelIndex(l, I(0)); err != nil || Repr(l) != "['x', 4]" {
		t.Errorf("del l[0]: %v %s", err, Repr(l))
	}
	if n, err := Len(S("héllo")); err != nil || n != 5 {
		t.Errorf("len('héllo') = %d, %v", n, err)
	}
	if _, err := Len(I(1)); err == nil || err.Error() != "object of type 'int' has no len()" {
		t.Errorf("len(1) error = %v", err)
	}
}

func TestGetAttr(t *testing.T) {
	_, err := GetAttr(L(), "apend")
	if err == nil || err.Error() != "'list' object has no attribute 'apend' (did you mean 'append'?)" {
		t.Errorf("apend error = %v", err)
	}
	m := &Module{Name: "np", Members: map[string]Value{"zeros": None}}
	_, err = GetAttr(MakeObj(m), "zeroes")
	if err == nil || err.Error() != "module 'np' has no attribute 'zeroes' (did you mean 'zeros'?)" {
		t.Errorf("module error = %v", err)
	}
	if v, err := GetAttr(rng(1, 5, 2), "stop"); err != nil || Repr(v) != "5" {
		t.Errorf("range.stop = %v %v", v, err)
	}
	if err := SetAttr(L(), "x", I(1)); err == nil {
		t.Error("setattr on list succeeded")
	}
}

func TestIterateRange(t *testing.T) {
	it, err := Iterate(rng(0, 1000000, 1))
	if err != nil {
		t.Fatal(err)
	}
	var v Value
	sum, n := int64(0), 0
	for it.Next(&v) {
		sum += v.AsInt()
		n++
	}
	if n != 1000000 || sum != 499999500000 {
		t.Errorf("range sum = %d over %d", sum, n)
	}
	for _, c := range []struct {
		r    Value
		want string
	}{
		{rng(10, 0, -3), "[10, 7, 4, 1]"},
		{rng(0, 0, 1), "[]"},
		{S("hé"), "['h', 'é']"},
	} {
		elems, err := ToSlice(c.r)
		if err != nil || Repr(L(elems...)) != c.want {
			t.Errorf("iterate %s = %s, %v; want %s", Repr(c.r), Repr(L(elems...)), err, c.want)
		}
	}
	if _, err := Iterate(I(3)); err == nil || err.Error() != "'int' object is not iterable" {
		t.Errorf("iterate int: %v", err)
	}
}
