package simtest

import (
	"strings"
	"testing"

	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

func call(t *testing.T, name string, args []runtime.Value, kwargs []runtime.Kwarg) error {
	t.Helper()
	fn, ok := runtime.LookupPredeclared(name)
	if !ok {
		t.Fatalf("%s not predeclared", name)
	}
	_, err := runtime.Call(runtime.NewThread("test"), fn, args, kwargs)
	return err
}

func unit(t *testing.T, name string, x float64) runtime.Value {
	scale, d, ok := units.Lookup(name)
	if !ok {
		t.Fatalf("no unit %s", name)
	}
	return runtime.MakeQuantity(x*scale, d)
}

func list(vs ...runtime.Value) runtime.Value { return runtime.NewList(vs) }

var (
	I = runtime.MakeInt
	F = runtime.MakeFloat
	S = runtime.MakeStr
)

func TestAssertions(t *testing.T) {
	raiser := runtime.NewBuiltin("boom", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return runtime.Binary(lang.Plus, unit(t, "mV", 3), unit(t, "nA", 2))
	})
	quiet := runtime.NewBuiltin("quiet", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return runtime.None, nil
	})
	cases := []struct {
		name   string
		args   []runtime.Value
		kwargs []runtime.Kwarg
		want   string // "" for a pass, else a substring of the failure
	}{
		{"assert_eq", []runtime.Value{I(1), F(1)}, nil, ""},
		{"assert_eq", []runtime.Value{list(I(1), S("a")), list(I(1), S("a"))}, nil, ""},
		{"assert_eq", []runtime.Value{I(1), I(2), S("counts")}, nil, "assert_eq failed: 1 != 2: counts"},
		{"assert_eq", []runtime.Value{S("a"), S("b")}, nil, "assert_eq failed: 'a' != 'b'"},
		{"assert_true", []runtime.Value{I(1)}, nil, ""},
		{"assert_true", []runtime.Value{list(), S("empty")}, nil, "assert_true failed: [] is not true: empty"},
		{"assert_close", []runtime.Value{F(1), F(1 + 1e-9)}, nil, ""},
		{"assert_close", []runtime.Value{F(1), F(1.1)}, nil, "assert_close failed: 1.0 vs 1.1 (rtol=1e-07, atol=0.0): worst element: 1.0 vs 1.1, |diff| = 0.10000000000000009"},
		{"assert_close", []runtime.Value{F(1), F(1.1)}, []runtime.Kwarg{{Name: "rtol", Value: F(0.2)}}, ""},
		{"assert_close", []runtime.Value{F(1), F(1.1)}, []runtime.Kwarg{{Name: "atol", Value: F(0.2)}}, ""},
		{"assert_close", []runtime.Value{unit(t, "mV", 3), unit(t, "mV", 3.0000000001)}, nil, ""},
		{"assert_close", []runtime.Value{unit(t, "mV", 3), unit(t, "mV", 3.1)}, []runtime.Kwarg{{Name: "atol", Value: unit(t, "mV", 0.2)}}, ""},
		{"assert_close", []runtime.Value{unit(t, "mV", 3), unit(t, "nA", 3)}, nil, "assert_close failed: units do not match: 3 mV (volt) vs 3 nA (amp)"},
		{"assert_close", []runtime.Value{list(F(1), F(2), F(3)), list(F(1), F(2.5), F(3.1))}, nil, "worst element at [1]: 2.0 vs 2.5"},
		{"assert_close", []runtime.Value{list(F(1), F(2)), list(F(1))}, nil, "shapes differ: (2,) vs (1,)"},
		{"assert_close", []runtime.Value{list(F(1), F(1)), F(1)}, nil, ""},
		{"assert_raises", []runtime.Value{raiser, S(`cannot add .* units do not match`)}, nil, ""},
		{"assert_raises", []runtime.Value{raiser, S(`division`)}, nil, `assert_raises failed: expected an error matching "division", got: cannot add 3 mV and 2 nA`},
		{"assert_raises", []runtime.Value{quiet, S(`x`)}, nil, `assert_raises failed: expected an error matching "x", got none`},
	}
	for _, c := range cases {
		err := call(t, c.name, c.args, c.kwargs)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s(%v): unexpected failure %v", c.name, c.args, err)
		case c.want != "" && err == nil:
			t.Errorf("%s(%v): passed, want failure %q", c.name, c.args, c.want)
		case c.want != "" && !strings.Contains(err.Error(), c.want):
			t.Errorf("%s: got %q, want it to contain %q", c.name, err.Error(), c.want)
		}
	}
}
