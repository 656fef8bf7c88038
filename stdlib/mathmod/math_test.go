package mathmod

import (
	"math"
	"strings"
	"testing"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

var mod = build()

func call(t *testing.T, name string, args ...runtime.Value) (runtime.Value, error) {
	t.Helper()
	fn, ok := mod.Members[name]
	if !ok {
		t.Fatalf("math.%s missing", name)
	}
	return fn.Obj().(runtime.Callable).Call(runtime.NewThread("test"), args, nil)
}

var (
	I = runtime.MakeInt
	F = runtime.MakeFloat
)

func mV(x float64) runtime.Value {
	s, d, _ := units.Lookup("mV")
	return runtime.MakeQuantity(x*s, d)
}

func TestFloatResults(t *testing.T) {
	cases := []struct {
		name string
		args []runtime.Value
		want float64
	}{
		{"sqrt", []runtime.Value{I(16)}, 4},
		{"sqrt", []runtime.Value{F(2.25)}, 1.5},
		{"exp", []runtime.Value{I(0)}, 1},
		{"exp", []runtime.Value{F(1)}, math.E},
		{"log", []runtime.Value{F(math.E)}, 1},
		{"log", []runtime.Value{I(8), I(2)}, 3},
		{"log", []runtime.Value{I(100), I(10)}, 2},
		{"log10", []runtime.Value{I(1000)}, 3},
		{"log2", []runtime.Value{I(8)}, 3},
		{"log1p", []runtime.Value{I(0)}, 0},
		{"expm1", []runtime.Value{I(0)}, 0},
		{"sin", []runtime.Value{I(0)}, 0},
		{"cos", []runtime.Value{I(0)}, 1},
		{"tan", []runtime.Value{F(math.Pi / 4)}, math.Tan(math.Pi / 4)},
		{"asin", []runtime.Value{I(1)}, math.Pi / 2},
		{"acos", []runtime.Value{I(1)}, 0},
		{"atan", []runtime.Value{I(1)}, math.Pi / 4},
		{"atan2", []runtime.Value{I(0), I(-1)}, math.Pi},
		{"sinh", []runtime.Value{I(0)}, 0},
		{"cosh", []runtime.Value{I(0)}, 1},
		{"tanh", []runtime.Value{I(0)}, 0},
		{"fabs", []runtime.Value{I(-3)}, 3},
		{"pow", []runtime.Value{I(2), I(10)}, 1024},
		{"pow", []runtime.Value{F(4), F(0.5)}, 2},
		{"hypot", []runtime.Value{I(3), I(4)}, 5},
		{"hypot", []runtime.Value{I(3), I(4), I(12)}, 13},
		{"hypot", nil, 0},
		{"degrees", []runtime.Value{F(math.Pi)}, 180},
		{"radians", []runtime.Value{I(180)}, math.Pi},
		{"copysign", []runtime.Value{I(1), F(math.Copysign(0, -1))}, -1},
		{"fmod", []runtime.Value{F(5.5), I(2)}, 1.5},
		{"fmod", []runtime.Value{I(-7), I(3)}, -1},
		{"remainder", []runtime.Value{I(5), I(3)}, -1},
		{"erf", []runtime.Value{F(0.5)}, 0.5204998778130465},
		{"gamma", []runtime.Value{I(5)}, 24},
		{"lgamma", []runtime.Value{I(1)}, 0},
		{"cbrt", []runtime.Value{I(-8)}, -2},
		{"exp2", []runtime.Value{I(3)}, 8},
		{"fsum", []runtime.Value{runtime.NewList([]runtime.Value{F(0.1), F(0.1), F(0.1), F(0.1), F(0.1), F(0.1), F(0.1), F(0.1), F(0.1), F(0.1)})}, 1},
		{"dist", []runtime.Value{runtime.MakeTuple(I(0), I(0)), runtime.MakeTuple(I(3), I(4))}, 5},
		// a dimensionless quantity is accepted
		{"exp", []runtime.Value{runtime.MakeObj(runtime.Quantity{V: 0, D: units.Dimensionless})}, 1},
	}
	for _, c := range cases {
		got, err := call(t, c.name, c.args...)
		if err != nil {
			t.Errorf("math.%s%v: %v", c.name, c.args, err)
			continue
		}
		if got.Kind() != runtime.FloatKind || math.Abs(got.AsFloat()-c.want) > 1e-15*math.Max(1, math.Abs(c.want)) {
			t.Errorf("math.%s%v = %s, want %v", c.name, c.args, runtime.Repr(got), c.want)
		}
	}
}

func TestIntAndBoolResults(t *testing.T) {
	cases := []struct {
		name string
		args []runtime.Value
		want string
	}{
		{"floor", []runtime.Value{F(2.7)}, "2"},
		{"floor", []runtime.Value{F(-2.5)}, "-3"},
		{"floor", []runtime.Value{I(7)}, "7"},
		{"ceil", []runtime.Value{F(2.1)}, "3"},
		{"ceil", []runtime.Value{F(-2.1)}, "-2"},
		{"trunc", []runtime.Value{F(-2.7)}, "-2"},
		{"factorial", []runtime.Value{I(0)}, "1"},
		{"factorial", []runtime.Value{I(5)}, "120"},
		{"factorial", []runtime.Value{I(20)}, "2432902008176640000"},
		{"gcd", []runtime.Value{I(12), I(-18)}, "6"},
		{"gcd", []runtime.Value{I(12), I(18), I(8)}, "2"},
		{"gcd", nil, "0"},
		{"lcm", []runtime.Value{I(4), I(6)}, "12"},
		{"lcm", nil, "1"},
		{"comb", []runtime.Value{I(5), I(2)}, "10"},
		{"comb", []runtime.Value{I(5), I(7)}, "0"},
		{"comb", []runtime.Value{I(60), I(30)}, "118264581564861424"},
		{"perm", []runtime.Value{I(5), I(2)}, "20"},
		{"perm", []runtime.Value{I(5)}, "120"},
		{"prod", []runtime.Value{runtime.NewList([]runtime.Value{I(1), I(2), I(3)})}, "6"},
		{"prod", []runtime.Value{runtime.NewList([]runtime.Value{I(1), F(2.5)})}, "2.5"},
		{"prod", []runtime.Value{runtime.NewList(nil)}, "1"},
		{"isnan", []runtime.Value{F(math.NaN())}, "True"},
		{"isnan", []runtime.Value{I(1)}, "False"},
		{"isinf", []runtime.Value{F(math.Inf(-1))}, "True"},
		{"isfinite", []runtime.Value{F(math.Inf(1))}, "False"},
		{"isfinite", []runtime.Value{F(1)}, "True"},
		{"isclose", []runtime.Value{I(1), F(1.0000000001)}, "True"},
		{"isclose", []runtime.Value{I(0), F(1e-10)}, "False"},
		{"modf", []runtime.Value{F(-2.5)}, "(-0.5, -2.0)"},
		{"frexp", []runtime.Value{I(8)}, "(0.5, 4)"},
	}
	for _, c := range cases {
		got, err := call(t, c.name, c.args...)
		if err != nil {
			t.Errorf("math.%s%v: %v", c.name, c.args, err)
			continue
		}
		if s := runtime.Repr(got); s != c.want {
			t.Errorf("math.%s%v = %s, want %s", c.name, c.args, s, c.want)
		}
	}
	// keyword argument of isclose
	fn := mod.Members["isclose"].Obj().(runtime.Callable)
	got, err := fn.Call(runtime.NewThread("t"), []runtime.Value{I(0), F(1e-10)}, []runtime.Kwarg{{Name: "abs_tol", Value: F(1e-9)}})
	if err != nil || runtime.Repr(got) != "True" {
		t.Errorf("isclose(abs_tol=1e-9) = %s, %v", runtime.Repr(got), err)
	}
}

func TestErrors(t *testing.T) {
	cases := []struct {
		name string
		args []runtime.Value
		want string
	}{
		{"sqrt", []runtime.Value{I(-1)}, "math domain error"},
		{"log", []runtime.Value{I(0)}, "math domain error"},
		{"log", []runtime.Value{I(-1)}, "math domain error"},
		{"log", []runtime.Value{I(1), I(1)}, "division by zero"},
		{"log10", []runtime.Value{I(-1)}, "math domain error"},
		{"acos", []runtime.Value{I(2)}, "math domain error"},
		{"atanh", []runtime.Value{I(1)}, "math domain error"},
		{"gamma", []runtime.Value{I(0)}, "math domain error"},
		{"gamma", []runtime.Value{I(200)}, "math range error"},
		{"exp", []runtime.Value{I(1000)}, "math range error"},
		{"cosh", []runtime.Value{I(1000)}, "math range error"},
		{"pow", []runtime.Value{I(0), I(-1)}, "math domain error"},
		{"pow", []runtime.Value{I(-8), F(1.0 / 3)}, "math domain error"},
		{"pow", []runtime.Value{I(10), I(400)}, "math range error"},
		{"fmod", []runtime.Value{I(1), I(0)}, "math domain error"},
		{"floor", []runtime.Value{F(math.NaN())}, "cannot convert float NaN to integer"},
		{"ceil", []runtime.Value{F(math.Inf(1))}, "cannot convert float infinity to integer"},
		{"floor", []runtime.Value{F(1e300)}, "does not fit in a 64-bit int"},
		{"factorial", []runtime.Value{I(-1)}, "not defined for negative values"},
		{"factorial", []runtime.Value{F(2)}, "'float' object cannot be interpreted as an integer"},
		{"factorial", []runtime.Value{I(21)}, "does not fit in a 64-bit int"},
		{"comb", []runtime.Value{I(-1), I(2)}, "n must be a non-negative integer"},
		{"comb", []runtime.Value{I(100), I(50)}, "does not fit in a 64-bit int"},
		{"exp", []runtime.Value{mV(3)}, "math.exp() argument must be dimensionless, got 3 mV"},
		{"sqrt", []runtime.Value{runtime.MakeStr("x")}, "math.sqrt() argument must be a real number, not str"},
		{"sqrt", nil, "math.sqrt() takes exactly one argument (0 given)"},
		{"atan2", []runtime.Value{I(1)}, "math.atan2() takes exactly 2 arguments (1 given)"},
		{"log", []runtime.Value{I(1), I(2), I(3)}, "math.log() takes at most 2 arguments (3 given)"},
		{"dist", []runtime.Value{runtime.MakeTuple(I(0)), runtime.MakeTuple(I(3), I(4))}, "same number of dimensions"},
	}
	for _, c := range cases {
		got, err := call(t, c.name, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("math.%s%v = %s, %v; want error %q", c.name, c.args, runtime.Repr(got), err, c.want)
		}
	}
	fn := mod.Members["sqrt"].Obj().(runtime.Callable)
	if _, err := fn.Call(runtime.NewThread("t"), []runtime.Value{I(4)}, []runtime.Kwarg{{Name: "x", Value: I(1)}}); err == nil ||
		!strings.Contains(err.Error(), "takes no keyword arguments") {
		t.Errorf("sqrt(x=1): %v", err)
	}
}

func TestConstantsAndRegistration(t *testing.T) {
	want := map[string]float64{"pi": math.Pi, "e": math.E, "tau": 2 * math.Pi, "inf": math.Inf(1)}
	for name, w := range want {
		if v := mod.Members[name]; v.Kind() != runtime.FloatKind || v.AsFloat() != w {
			t.Errorf("math.%s = %s", name, runtime.Repr(v))
		}
	}
	if v := mod.Members["nan"]; v.Kind() != runtime.FloatKind || !math.IsNaN(v.AsFloat()) {
		t.Errorf("math.nan = %s", runtime.Repr(v))
	}
	m, ok := runtime.LoadModule("math")
	if !ok || m.Name != "math" || !m.Members["sqrt"].IsValid() {
		t.Fatal("module math not registered")
	}
	for _, name := range []string{"sqrt", "exp", "log", "log10", "log2", "log1p", "expm1", "sin", "cos", "tan",
		"asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "floor", "ceil", "fabs", "pow", "hypot",
		"isnan", "isinf", "isfinite", "factorial", "gcd", "comb", "degrees", "radians", "copysign", "fmod", "trunc"} {
		if _, ok := m.Members[name].Obj().(runtime.Callable); !ok {
			t.Errorf("math.%s is not callable", name)
		}
	}
}
