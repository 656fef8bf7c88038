package unitsmod

import (
	"math"
	"strings"
	"testing"

	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

func unit(t *testing.T, name string) runtime.Value {
	t.Helper()
	v, ok := runtime.LookupPredeclared(name)
	if !ok {
		t.Fatalf("unit %s not predeclared", name)
	}
	return v
}

// q returns x times the named unit.
func q(t *testing.T, x float64, name string) runtime.Value {
	t.Helper()
	s, d, ok := units.Lookup(name)
	if !ok {
		t.Fatalf("unknown unit %s", name)
	}
	return runtime.MakeQuantity(x*s, d)
}

func call(t *testing.T, name string, args ...runtime.Value) (runtime.Value, error) {
	t.Helper()
	fn, ok := runtime.LookupPredeclared(name)
	if !ok {
		t.Fatalf("%s not predeclared", name)
	}
	return fn.Obj().(runtime.Callable).Call(runtime.NewThread("test"), args, nil)
}

func TestInUnit(t *testing.T) {
	cases := []struct {
		x, u runtime.Value
		want string
	}{
		{q(t, 3, "mV"), unit(t, "mV"), "3 mV"},
		{q(t, 3, "mV"), unit(t, "volt"), "0.003 V"},
		{q(t, 5, "cm"), unit(t, "cm"), "5 cm"},
		{q(t, 0.1, "second"), unit(t, "ms"), "100 ms"},
		{q(t, 2, "kHz"), unit(t, "Hz"), "2000 Hz"},
		{q(t, 1, "kg"), unit(t, "gram"), "1000 g"},
		{q(t, 50, "pA"), unit(t, "nA"), "0.05 nA"},
		{q(t, 3, "um2"), unit(t, "um2"), "3 um^2"},
		{q(t, 2, "mV"), runtime.MakeStr("uV"), "2000 uV"},
		{q(t, 1, "volt") /* 1 V/s */, runtime.MakeStr("mV/ms"), "1 mV/ms"},
		{runtime.MakeFloat(0.5), runtime.MakeInt(1), "0.5"},
		{q(t, 10, "mV"), q(t, 5, "mV"), "2 (5 mV)"},
	}
	// 1 V/s, built by hand
	_, vd, _ := units.Lookup("volt")
	_, sd, _ := units.Lookup("second")
	cases[9].x = runtime.MakeQuantity(1, vd.Div(sd))
	for _, c := range cases {
		got, err := call(t, "in_unit", c.x, c.u)
		if err != nil {
			t.Errorf("in_unit(%s, %s): %v", runtime.Repr(c.x), runtime.Repr(c.u), err)
			continue
		}
		if s, _ := runtime.AsString(got); s != c.want {
			t.Errorf("in_unit(%s, %s) = %q, want %q", runtime.Repr(c.x), runtime.Repr(c.u), s, c.want)
		}
	}
	errs := []struct {
		x, u runtime.Value
		want string
	}{
		{q(t, 3, "mV"), unit(t, "nA"), "cannot express 3 mV in nA: units do not match (volt vs amp)"},
		{q(t, 3, "mV"), runtime.MakeStr("mVV"), "did you mean 'mV'"},
		{runtime.MakeStr("x"), unit(t, "mV"), "must be a number, quantity or array, not str"},
		{q(t, 3, "mV"), runtime.None, "in_unit() unit must be a unit"},
	}
	for _, c := range errs {
		_, err := call(t, "in_unit", c.x, c.u)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("in_unit(%s, %s) error = %v, want %q", runtime.Repr(c.x), runtime.Repr(c.u), err, c.want)
		}
	}
}

func TestGetDimensions(t *testing.T) {
	d, err := call(t, "get_dimensions", q(t, 3, "mV"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := runtime.Repr(d), "metre ** 2 * kilogram * second ** -3 * amp ** -1"; got != want {
		t.Errorf("repr(get_dimensions(3*mV)) = %q, want %q", got, want)
	}
	if got := runtime.Str(d); got != "m^2 kg s^-3 A^-1" {
		t.Errorf("str(get_dimensions(3*mV)) = %q", got)
	}
	d2, _ := call(t, "get_dimensions", unit(t, "volt"))
	d3, _ := call(t, "get_dimensions", unit(t, "nA"))
	dimObj := d.Obj().(runtime.HasBinary)
	for _, c := range []struct {
		op    lang.Op
		other runtime.Value
		want  bool
	}{
		{lang.Eq, d2, true}, {lang.Ne, d2, false}, {lang.Eq, d3, false}, {lang.Ne, d3, true},
		{lang.Eq, runtime.MakeInt(1), false}, {lang.Ne, runtime.MakeStr("volt"), true},
	} {
		r, err := dimObj.Binary(c.op, c.other, runtime.Left)
		if err != nil || r.Kind() != runtime.BoolKind || r.AsBool() != c.want {
			t.Errorf("dim %s %s = %s, %v; want %v", c.op, runtime.Repr(c.other), runtime.Repr(r), err, c.want)
		}
	}
	// volt / amp is ohm; (volt)**2; unsupported operators defer
	r, _ := dimObj.Binary(lang.Slash, d3, runtime.Left)
	if got := runtime.Str(r); got != "m^2 kg s^-3 A^-2" {
		t.Errorf("volt dim / amp dim = %s", got)
	}
	r, _ = dimObj.Binary(lang.StarStar, runtime.MakeFloat(0.5), runtime.Left)
	if got := runtime.Str(r); got != "m kg^1/2 s^-3/2 A^-1/2" {
		t.Errorf("volt dim ** 0.5 = %s", got)
	}
	if r, err := dimObj.Binary(lang.Plus, d2, runtime.Left); r.IsValid() || err != nil {
		t.Errorf("dim + dim should be unsupported, got %s %v", runtime.Repr(r), err)
	}
	one, _ := call(t, "get_dimensions", runtime.MakeInt(3))
	if runtime.Repr(one) != "Dimension()" || runtime.Str(one) != "1" {
		t.Errorf("get_dimensions(3) = %s / %s", runtime.Repr(one), runtime.Str(one))
	}
	if v, _ := one.Obj().(runtime.HasAttrs).Attr("is_dimensionless"); !v.AsBool() {
		t.Error("get_dimensions(3).is_dimensionless should be True")
	}
	if _, err := call(t, "get_dimensions", runtime.MakeStr("x")); err == nil {
		t.Error("get_dimensions('x') should fail")
	}
}

func TestPredicates(t *testing.T) {
	truth := func(name string, args ...runtime.Value) bool {
		t.Helper()
		r, err := call(t, name, args...)
		if err != nil || r.Kind() != runtime.BoolKind {
			t.Fatalf("%s: %s %v", name, runtime.Repr(r), err)
		}
		return r.AsBool()
	}
	if !truth("have_same_dimensions", q(t, 3, "mV"), unit(t, "kvolt")) {
		t.Error("mV and kvolt should have the same dimensions")
	}
	if truth("have_same_dimensions", q(t, 3, "mV"), unit(t, "nA")) {
		t.Error("mV and nA differ")
	}
	if !truth("have_same_dimensions", runtime.MakeInt(3), runtime.MakeFloat(2.5)) {
		t.Error("numbers are alike")
	}
	hzs, _ := call(t, "get_dimensions", unit(t, "Hz"))
	if !truth("have_same_dimensions", hzs, unit(t, "kHz")) {
		t.Error("a Dimension compares with a quantity")
	}
	if !truth("is_dimensionless", runtime.MakeFloat(2)) || truth("is_dimensionless", unit(t, "ms")) {
		t.Error("is_dimensionless wrong")
	}
	u, err := call(t, "get_unit", q(t, 3, "mV"))
	if err != nil || runtime.Repr(u) != "1 V" {
		t.Errorf("get_unit(3*mV) = %s %v", runtime.Repr(u), err)
	}
}

func TestPredeclaredAndModule(t *testing.T) {
	for name, want := range map[string]float64{"pi": math.Pi, "e": math.E, "inf": math.Inf(1)} {
		v, ok := runtime.LookupPredeclared(name)
		if !ok || v.Kind() != runtime.FloatKind || v.AsFloat() != want {
			t.Errorf("%s = %s", name, runtime.Repr(v))
		}
	}
	if v, ok := runtime.LookupPredeclared("nan"); !ok || !math.IsNaN(v.AsFloat()) {
		t.Errorf("nan = %s", runtime.Repr(v))
	}
	AddBrian2Member("NeuronGroupForTest", runtime.MakeInt(42))
	for _, name := range []string{"brian2", "units", "brian2.units"} {
		m, ok := runtime.LoadModule(name)
		if !ok {
			t.Fatalf("module %s not registered", name)
		}
		for _, member := range []string{"mV", "nS", "pF", "msecond", "metre2", "kHz", "mM", "in_unit",
			"get_dimensions", "have_same_dimensions", "is_dimensionless", "pi", "e", "NeuronGroupForTest"} {
			if !m.Members[member].IsValid() {
				t.Errorf("%s.%s missing", name, member)
			}
		}
		if got := runtime.Repr(m.Members["mV"]); got != "1 mV" {
			t.Errorf("%s.mV = %s", name, got)
		}
		if len(m.Members) < len(units.Names()) {
			t.Errorf("%s has %d members, fewer than the %d unit names", name, len(m.Members), len(units.Names()))
		}
	}
	// 5*nS*10*mV prints as 50 pA
	if got := runtime.Repr(q(t, 50, "pA")); got != "50 pA" {
		t.Errorf("50 pA prints %q", got)
	}
}
