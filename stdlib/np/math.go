package np

import (
	"math"

	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

// unit rules of elementwise functions
type unitRule uint8

const (
	dimless   unitRule = iota // input must be dimensionless
	keep                      // result has the input's unit
	toPlain                   // any input, dimensionless result
	sqrtRule                  // unit ** 1/2
	cbrtRule                  // unit ** 1/3
	recipRule                 // unit ** -1
)

type unaryDef struct {
	f    func(float64) float64
	rule unitRule
}

func exprel(x float64) float64 {
	if math.Abs(x) < 1e-8 {
		return 1 + x/2
	}
	return math.Expm1(x) / x
}

func sign(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	case x == 0:
		return 0
	}
	return x
}

var unaryFuncs = map[string]unaryDef{
	"exp": {math.Exp, dimless}, "exp2": {math.Exp2, dimless}, "expm1": {math.Expm1, dimless},
	"log": {math.Log, dimless}, "log10": {math.Log10, dimless}, "log2": {math.Log2, dimless},
	"log1p": {math.Log1p, dimless}, "exprel": {exprel, dimless},
	"sin": {math.Sin, dimless}, "cos": {math.Cos, dimless}, "tan": {math.Tan, dimless},
	"arcsin": {math.Asin, dimless}, "arccos": {math.Acos, dimless}, "arctan": {math.Atan, dimless},
	"sinh": {math.Sinh, dimless}, "cosh": {math.Cosh, dimless}, "tanh": {math.Tanh, dimless},
	"arcsinh": {math.Asinh, dimless}, "arccosh": {math.Acosh, dimless}, "arctanh": {math.Atanh, dimless},
	"deg2rad": {func(x float64) float64 { return x * math.Pi / 180 }, dimless},
	"rad2deg": {func(x float64) float64 { return x * 180 / math.Pi }, dimless},
	"radians": {func(x float64) float64 { return x * math.Pi / 180 }, dimless},
	"degrees": {func(x float64) float64 { return x * 180 / math.Pi }, dimless},
	"floor":   {math.Floor, keep}, "ceil": {math.Ceil, keep}, "trunc": {math.Trunc, keep},
	"fix": {math.Trunc, keep}, "rint": {math.RoundToEven, keep}, "fabs": {math.Abs, keep},
	"sqrt": {math.Sqrt, sqrtRule}, "cbrt": {math.Cbrt, cbrtRule},
	"reciprocal": {func(x float64) float64 { return 1 / x }, recipRule},
}

func dimensionError(name string, a *array.Array) error {
	return runtime.Errorf("%s() argument must be dimensionless, got %s", name, a.Describe())
}

func applyUnary(name string, d unaryDef, a *array.Array, temp bool) (*array.Array, error) {
	dim := a.Dim()
	switch d.rule {
	case dimless:
		if !dim.IsDimensionless() {
			return nil, dimensionError(name, a)
		}
	case sqrtRule:
		dim = dim.Pow(units.R(1, 2))
	case cbrtRule:
		dim = dim.Pow(units.R(1, 3))
	case recipRule:
		dim = dim.Inv()
	case toPlain:
		dim = units.Dim{}
	}
	v := vecFuncs[name]
	if v == nil || a.Size() < vecMinLen {
		v = nil
		if temp && a.NDim() > 0 {
			v = func(dst, src []float64) {
				for k, x := range src {
					dst[k] = d.f(x)
				}
			}
		}
	}
	if v == nil {
		return array.MapFloat(a, d.f, dim), nil
	}
	if temp && a.NDim() > 0 && array.MapFloatInPlace(a, v, dim) {
		return a, nil
	}
	return array.MapFloatSlice(a, v, dim), nil
}

func unaryFunc(name string, d unaryDef) fn {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var x runtime.Value
		if err := runtime.UnpackArgs(name, args, kwargs, "x", &x); err != nil {
			return runtime.Value{}, err
		}
		if x.Kind() == runtime.FloatKind || x.Kind() == runtime.IntKind {
			// a plain number: the 0-d array path would give the same float
			f, _ := x.ToFloat()
			return runtime.MakeFloat(d.f(f)), nil
		}
		temp := th.TempArg(0)
		a, err := toArray(x)
		if err != nil {
			return runtime.Value{}, err
		}
		return ret(applyUnary(name, d, a, temp))
	}
}

// oneArg reads the single array argument x of an elementwise function.
func oneArg(name string, args []runtime.Value, kwargs []runtime.Kwarg) (*array.Array, error) {
	var x runtime.Value
	if err := runtime.UnpackArgs(name, args, kwargs, "x", &x); err != nil {
		return nil, err
	}
	return toArray(x)
}

// binaryOps maps numpy's ufunc names to language operators.
var binaryOps = map[string]lang.Op{
	"add": lang.Plus, "subtract": lang.Minus, "multiply": lang.Star, "divide": lang.Slash,
	"true_divide": lang.Slash, "floor_divide": lang.SlashSlash, "mod": lang.Percent,
	"remainder": lang.Percent, "power": lang.StarStar, "equal": lang.Eq, "not_equal": lang.Ne,
	"less": lang.Lt, "less_equal": lang.Le, "greater": lang.Gt, "greater_equal": lang.Ge,
	"bitwise_and": lang.Amp, "bitwise_or": lang.Pipe, "bitwise_xor": lang.Hat,
	"left_shift": lang.LShift, "right_shift": lang.RShift,
}

func twoArgs(name string, args []runtime.Value, kwargs []runtime.Kwarg) (*array.Array, *array.Array, error) {
	var x, y runtime.Value
	if err := runtime.UnpackArgs(name, args, kwargs, "x1", &x, "x2", &y); err != nil {
		return nil, nil, err
	}
	a, err := toArray(x)
	if err != nil {
		return nil, nil, err
	}
	b, err := toArray(y)
	return a, b, err
}

func init() {
	for name, d := range unaryFuncs {
		if d.f != nil {
			defFlags(name, runtime.FreshResult|runtime.InPlaceArgs|runtime.BorrowsArgs, unaryFunc(name, d))
		}
	}
	for name, op := range binaryOps {
		op := op
		name := name
		defFlags(name, runtime.FreshResult|runtime.BorrowsArgs, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			a, b, err := twoArgs(name, args, kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			return ret(array.BinaryOp(op, a, b))
		})
	}
	def("abs", absFn)
	def("absolute", absFn)
	def("negative", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, err := oneArg("negative", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return ret(array.UnaryOp(lang.Minus, a))
	})
	def("positive", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, err := oneArg("positive", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return ret(a.Copy(), nil)
	})
	def("square", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, err := oneArg("square", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return ret(array.BinaryOp(lang.Star, a, a))
	})
	def("sign", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, err := oneArg("sign", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		r := array.MapFloat(a, sign, units.Dim{})
		if a.DType() != array.Float {
			r = r.AsType(array.Int)
		}
		return ret(r, nil)
	})
	for name, pred := range map[string]func(float64) bool{
		"isnan":    math.IsNaN,
		"isinf":    func(x float64) bool { return math.IsInf(x, 0) },
		"isfinite": func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) },
		"signbit":  math.Signbit,
	} {
		name, pred := name, pred
		def(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			a, err := oneArg(name, args, kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			return ret(array.MapFloatBool(a, pred), nil)
		})
	}
	def("logical_not", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, err := oneArg("logical_not", args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		return ret(array.MapBool(a, func(b bool) bool { return !b }), nil)
	})
	for name, op := range map[string]lang.Op{"logical_and": lang.Amp, "logical_or": lang.Pipe, "logical_xor": lang.Hat} {
		name, op := name, op
		defFlags(name, runtime.FreshResult|runtime.BorrowsArgs, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			a, b, err := twoArgs(name, args, kwargs)
			if err != nil {
				return runtime.Value{}, err
			}
			return ret(array.BinaryOp(op, a.AsTypeView(array.Bool).WithDim(units.Dim{}), b.AsTypeView(array.Bool).WithDim(units.Dim{})))
		})
	}
	def("maximum", minmax("maximum", lang.Lt))
	def("minimum", minmax("minimum", lang.Gt))
	def("fmax", minmax("fmax", lang.Lt))
	def("fmin", minmax("fmin", lang.Gt))
	def("hypot", float2("hypot", math.Hypot, true))
	def("arctan2", float2("arctan2", math.Atan2, false))
	def("round", roundFn)
	def("around", roundFn)
	def("round_", roundFn)
	def("nan_to_num", nanToNum)
	def("clip", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var x, lo, hi runtime.Value
		if err := runtime.UnpackArgs("clip", args, kwargs, "a", &x, "a_min", &lo, "a_max", &hi); err != nil {
			return runtime.Value{}, err
		}
		a, err := toArray(x)
		if err != nil {
			return runtime.Value{}, err
		}
		return ret(array.Clip(a, lo, hi))
	})
}

func absFn(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	a, err := oneArg("abs", args, kwargs)
	if err != nil {
		return runtime.Value{}, err
	}
	return ret(array.AbsArray(a), nil)
}

func minmax(name string, op lang.Op) fn {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, b, err := twoArgs(name, args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		if a.Dim() != b.Dim() {
			return runtime.Value{}, array.MismatchError("compare", a, b)
		}
		return ret(array.Where2(a, b, op))
	}
}

// float2 builds a two-argument float function; both arguments need the
// same unit, kept in the result when keepUnit.
func float2(name string, f func(x, y float64) float64, keepUnit bool) fn {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		a, b, err := twoArgs(name, args, kwargs)
		if err != nil {
			return runtime.Value{}, err
		}
		if a.Dim() != b.Dim() {
			return runtime.Value{}, array.MismatchError("apply "+name+" to", a, b)
		}
		dim := units.Dim{}
		if keepUnit {
			dim = a.Dim()
		}
		return ret(array.Map2Float(a, b, f, dim))
	}
}

func roundFn(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var x runtime.Value
	dec := 0
	if err := runtime.UnpackArgs("round", args, kwargs, "a", &x, "decimals?", &dec); err != nil {
		return runtime.Value{}, err
	}
	a, err := toArray(x)
	if err != nil {
		return runtime.Value{}, err
	}
	return ret(array.Round(a, dec), nil)
}

func nanToNum(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var x runtime.Value
	var copyArg bool
	nan, posinf, neginf := 0.0, math.MaxFloat64, -math.MaxFloat64
	var pv, nv runtime.Value
	if err := runtime.UnpackArgs("nan_to_num", args, kwargs, "x", &x, "copy?", &copyArg, "nan?", &nan, "posinf?", &pv, "neginf?", &nv); err != nil {
		return runtime.Value{}, err
	}
	if f, ok := pv.ToFloat(); ok {
		posinf = f
	}
	if f, ok := nv.ToFloat(); ok {
		neginf = f
	}
	a, err := toArray(x)
	if err != nil {
		return runtime.Value{}, err
	}
	if a.DType() != array.Float {
		return ret(a.Copy(), nil)
	}
	return ret(array.MapFloat(a, func(v float64) float64 {
		switch {
		case math.IsNaN(v):
			return nan
		case math.IsInf(v, 1):
			return posinf
		case math.IsInf(v, -1):
			return neginf
		}
		return v
	}, a.Dim()), nil)
}
