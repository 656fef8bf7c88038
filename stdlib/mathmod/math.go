// Package mathmod is Python's `math` module for scalars: the elementary
// functions, integer helpers (factorial, gcd, comb...), classification and
// the constants pi, e, tau, inf, nan. Arguments are ints, floats or
// dimensionless quantities; errors follow CPython ("math domain error").
package mathmod

import (
	"math"

	"github.com/sim-lang/sim/runtime"
)

func init() {
	runtime.RegisterModule([]string{"math"}, build)
}

// unaryFunc is a float -> float function of the math module.
type unaryFunc struct {
	name        string
	f           func(float64) float64
	canOverflow bool
	unchecked   bool // no domain/range errors (degrees, radians)
}

// unaryFuncs are the one-argument float functions.
var unaryFuncs = []unaryFunc{
	{name: "sqrt", f: math.Sqrt},
	{name: "cbrt", f: math.Cbrt},
	{name: "exp", f: math.Exp, canOverflow: true},
	{name: "exp2", f: math.Exp2, canOverflow: true},
	{name: "expm1", f: math.Expm1, canOverflow: true},
	{name: "log10", f: math.Log10},
	{name: "log2", f: math.Log2},
	{name: "log1p", f: math.Log1p},
	{name: "sin", f: math.Sin},
	{name: "cos", f: math.Cos},
	{name: "tan", f: math.Tan},
	{name: "asin", f: math.Asin},
	{name: "acos", f: math.Acos},
	{name: "atan", f: math.Atan},
	{name: "sinh", f: math.Sinh, canOverflow: true},
	{name: "cosh", f: math.Cosh, canOverflow: true},
	{name: "tanh", f: math.Tanh},
	{name: "asinh", f: math.Asinh},
	{name: "acosh", f: math.Acosh},
	{name: "atanh", f: math.Atanh},
	{name: "erf", f: math.Erf},
	{name: "erfc", f: math.Erfc},
	{name: "fabs", f: math.Abs},
	{name: "degrees", f: func(x float64) float64 { return x * (180 / math.Pi) }, unchecked: true},
	{name: "radians", f: func(x float64) float64 { return x * (math.Pi / 180) }, unchecked: true},
	{name: "gamma", f: gamma, canOverflow: true},
	{name: "lgamma", f: lgamma, canOverflow: true},
}

// binaryFunc is a (float, float) -> float function of the math module.
type binaryFunc struct {
	name        string
	f           func(x, y float64) float64
	canOverflow bool
}

var binaryFuncs = []binaryFunc{
	{"atan2", math.Atan2, false},
	{"copysign", math.Copysign, false},
	{"fmod", math.Mod, false},
	{"pow", pow, true},
	{"remainder", math.Remainder, false},
}

// classifiers are the float -> bool functions.
var classifiers = []struct {
	name string
	f    func(float64) bool
}{
	{"isnan", math.IsNaN},
	{"isinf", func(x float64) bool { return math.IsInf(x, 0) }},
	{"isfinite", func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }},
}

// rounders are floor, ceil and trunc, which return ints.
var rounders = []struct {
	name string
	f    func(float64) float64
}{
	{"floor", math.Floor}, {"ceil", math.Ceil}, {"trunc", math.Trunc},
}

// other holds the functions with their own argument handling.
var other = map[string]runtime.BuiltinFunc{
	"log":       logFn,
	"hypot":     hypot,
	"isclose":   isclose,
	"ldexp":     ldexp,
	"modf":      modf,
	"frexp":     frexp,
	"factorial": factorial,
	"gcd":       gcd,
	"lcm":       lcm,
	"comb":      comb,
	"perm":      perm,
	"fsum":      fsum,
	"prod":      prod,
	"dist":      dist,
}

// build makes the module.
func build() *runtime.Module {
	m := map[string]runtime.Value{
		"pi":  runtime.MakeFloat(math.Pi),
		"e":   runtime.MakeFloat(math.E),
		"tau": runtime.MakeFloat(2 * math.Pi),
		"inf": runtime.MakeFloat(math.Inf(1)),
		"nan": runtime.MakeFloat(math.NaN()),
	}
	for _, u := range unaryFuncs {
		m[u.name] = runtime.NewBuiltinFlags(u.name, runtime.BorrowsArgs, unary(u))
	}
	for _, b := range binaryFuncs {
		m[b.name] = runtime.NewBuiltinFlags(b.name, runtime.BorrowsArgs, binary(b))
	}
	for _, c := range classifiers {
		name, f := c.name, c.f
		m[name] = runtime.NewBuiltinFlags(name, runtime.BorrowsArgs, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			if err := nargs(name, args, kwargs, 1, 1); err != nil {
				return runtime.Value{}, err
			}
			x, err := toFloat(name, args[0])
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.MakeBool(f(x)), nil
		})
	}
	for _, r := range rounders {
		name, f := r.name, r.f
		m[name] = runtime.NewBuiltinFlags(name, runtime.BorrowsArgs, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			if err := nargs(name, args, kwargs, 1, 1); err != nil {
				return runtime.Value{}, err
			}
			if i, ok := args[0].ToInt(); ok {
				return runtime.MakeInt(i), nil
			}
			x, err := toFloat(name, args[0])
			if err != nil {
				return runtime.Value{}, err
			}
			return floatToInt(name, f(x))
		})
	}
	for name, f := range other {
		// all of them read their arguments during the call only
		m[name] = runtime.NewBuiltinFlags(name, runtime.BorrowsArgs, f)
	}
	return &runtime.Module{Name: "math", Members: m}
}

// unary wraps a float function with argument checks and CPython's errors.
func unary(u unaryFunc) runtime.BuiltinFunc {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		if err := nargs(u.name, args, kwargs, 1, 1); err != nil {
			return runtime.Value{}, err
		}
		x, err := toFloat(u.name, args[0])
		if err != nil {
			return runtime.Value{}, err
		}
		r := u.f(x)
		if u.unchecked {
			return runtime.MakeFloat(r), nil
		}
		r, err = checkResult(r, u.canOverflow, x)
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.MakeFloat(r), nil
	}
}

// binary wraps a two-argument float function.
func binary(b binaryFunc) runtime.BuiltinFunc {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		if err := nargs(b.name, args, kwargs, 2, 2); err != nil {
			return runtime.Value{}, err
		}
		x, err := toFloat(b.name, args[0])
		if err != nil {
			return runtime.Value{}, err
		}
		y, err := toFloat(b.name, args[1])
		if err != nil {
			return runtime.Value{}, err
		}
		r, err := checkResult(b.f(x, y), b.canOverflow, x, y)
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.MakeFloat(r), nil
	}
}

// pow is math.pow: 0 to a negative power is a domain error (Go gives inf).
func pow(x, y float64) float64 {
	if x == 0 && y < 0 && !math.IsInf(y, 0) {
		return math.NaN()
	}
	return math.Pow(x, y)
}

// gamma is math.gamma: poles (0 and negative integers) are domain errors.
func gamma(x float64) float64 {
	if x == math.Floor(x) && x <= 0 && !math.IsInf(x, 0) {
		return math.NaN()
	}
	return math.Gamma(x)
}

// lgamma is math.lgamma, log|Γ(x)|, with the same poles as gamma.
func lgamma(x float64) float64 {
	if x == math.Floor(x) && x <= 0 && !math.IsInf(x, 0) {
		return math.NaN()
	}
	r, _ := math.Lgamma(x)
	return r
}
