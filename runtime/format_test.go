package runtime

import (
	"math"
	"testing"

	"github.com/sim-lang/sim/lang"
)

func TestFormatSpec(t *testing.T) {
	cases := []struct {
		v    Value
		spec string
		want string
	}{
		{F(123.456), "10.2f", "    123.46"},
		{F(-1.5e-7), "e", "-1.500000e-07"},
		{F(1e-7), "g", "1e-07"},
		{F(123456789.0), "g", "1.23457e+08"},
		{F(0.0001), "g", "0.0001"},
		{F(1.0), "#g", "1.00000"},
		{I(42), "+08,d", "+000,042"},
		{I(1234), "010,", "00,001,234"},
		{F(12345.678), "012,.1f", "00,012,345.7"},
		{F(3.5), "*^11.2f", "***3.50****"},
		{S("x"), ">3", "  x"},
		{S("ab"), "^6", "  ab  "},
		{S("ab"), "06", "ab0000"},
		{S("abcdef"), ".3", "abc"},
		{I(255), "b", "11111111"},
		{I(-255), "#X", "-0XFF"},
		{I(255), "#x", "0xff"},
		{I(0xdeadbeef), "_x", "dead_beef"},
		{I(123456789), "_", "123_456_789"},
		{I(12), "=+8", "+     12"},
		{I(-12), "08", "-0000012"},
		{I(3), ".2f", "3.00"},
		{I(65), "c", "A"},
		{F(2.5e-5), ".2%", "0.00%"},
		{F(0.25), ".1%", "25.0%"},
		{F(1234567.891), ",.2f", "1,234,567.89"},
		{F(math.Copysign(0, -1)), "z.1f", "0.0"},
		{F(math.Copysign(0, -1)), ".1f", "-0.0"},
		{F(1e16), ".20", "10000000000000000.0"},
		{F(0.5), ".3", "0.5"},
		{F(1234.5), ".3", "1.23e+03"},
		{F(3.0), "", "3.0"},
		{F(1e-5), "", "1e-05"},
		{F(12.5), "n", "12.5"},
		{F(1e100), "g", "1e+100"},
		{F(inf()), "F", "INF"},
		{F(-inf()), "8.2f", "    -inf"},
		{True, "", "True"},
		{True, "d", "1"},
		{True, "5", "    1"},
		{None, "", "None"},
		{I(3), "", "3"},
	}
	for _, c := range cases {
		got, err := FormatSpec(c.v, c.spec)
		if err != nil || got != c.want {
			t.Errorf("format(%s, %q) = %q, %v; want %q", Repr(c.v), c.spec, got, err, c.want)
		}
	}
	errs := []struct {
		v    Value
		spec string
		want string
	}{
		{F(1), "d", "Unknown format code 'd' for object of type 'float'"},
		{None, "5", "unsupported format string passed to NoneType.__format__"},
		{S("a"), "+", "Sign not allowed in string format specifier"},
		{I(1), ".2d", "Precision not allowed in integer format specifier"},
	}
	for _, c := range errs {
		_, err := FormatSpec(c.v, c.spec)
		if err == nil || err.Error() != c.want {
			t.Errorf("format(%s, %q) error = %v, want %s", Repr(c.v), c.spec, err, c.want)
		}
	}
}

func TestFormatQuantity(t *testing.T) {
	mV, nS := U(t, "mV"), U(t, "nS")
	q3 := mustBin(t, lang.Star, I(3), mV)
	if s, err := FormatSpec(q3, ".2f"); err != nil || s != "3.00 mV" {
		t.Errorf("f'{3*mV:.2f}' = %q, %v", s, err)
	}
	cur := mustBin(t, lang.Star, mustBin(t, lang.Star, I(5), nS), mustBin(t, lang.Star, I(10), mV))
	if s, err := FormatSpec(cur, ""); err != nil || s != "50 pA" {
		t.Errorf("f'{5*nS*10*mV}' = %q, %v", s, err)
	}
	if s, err := FormatSpec(cur, "g"); err != nil || s != "50 pA" {
		t.Errorf("f'{5*nS*10*mV:g}' = %q, %v", s, err)
	}
}

func TestRepr(t *testing.T) {
	tenth := 0.1 // a variable, so that Go does not fold 0.1+0.2 exactly
	d := NewDict()
	d.Set(S("a"), L(I(1), F(2.5), None, True))
	d.Set(I(2), T(S("x")))
	cases := []struct {
		v    Value
		want string
	}{
		{S("it's"), `"it's"`},
		{S(`a"b`), `'a"b'`},
		{S("tab\t\x01é"), `'tab\t\x01é'`},
		{S(`both'"`), `'both\'"'`},
		{MakeObj(d), "{'a': [1, 2.5, None, True], 2: ('x',)}"},
		{F(1e16), "1e+16"},
		{F(1e22), "1e+22"},
		{F(123456789012345680.0), "1.2345678901234568e+17"},
		{F(tenth + 0.2), "0.30000000000000004"},
		{MakeObj(TypeNamed("int")), "<class 'int'>"},
		{rng(0, 5, 1), "range(0, 5)"},
	}
	for _, c := range cases {
		if got := Repr(c.v); got != c.want {
			t.Errorf("repr = %s, want %s", got, c.want)
		}
	}
}

func TestStrFormat(t *testing.T) {
	cases := []struct {
		format string
		args   []Value
		kwargs []Kwarg
		want   string
	}{
		{"{} {}", []Value{I(1), I(2)}, nil, "1 2"},
		{"{0}{1}{0}", []Value{S("a"), S("b")}, nil, "aba"},
		{"{x:.3f}", nil, []Kwarg{{"x", F(3.14159)}}, "3.142"},
		{"{:{w}}", []Value{I(1)}, []Kwarg{{"w", I(5)}}, "    1"},
		{"{:>{w}.{p}f}", []Value{F(3.14159)}, []Kwarg{{"w", I(8)}, {"p", I(2)}}, "    3.14"},
		{"{!r}", []Value{S("a")}, nil, "'a'"},
		{"{0!r:>5}", []Value{S("a")}, nil, "  'a'"},
		{"{0[1]}", []Value{L(I(5), I(6))}, nil, "6"},
		{"{{x}}", nil, nil, "{x}"},
	}
	for _, c := range cases {
		got, err := StrFormat(c.format, c.args, c.kwargs)
		if err != nil || got != c.want {
			t.Errorf("%q.format = %q, %v; want %q", c.format, got, err, c.want)
		}
	}
	if _, err := StrFormat("{}{1}", []Value{I(1), I(2)}, nil); err == nil ||
		err.Error() != "cannot switch from automatic field numbering to manual field specification" {
		t.Errorf("mixed numbering error = %v", err)
	}
}
