package model

import (
	"math"
	"sort"
)

// funcRule says how a built-in function treats dimensions.
type funcRule uint8

const (
	ruleDimless  funcRule = iota // dimensionless argument and result
	ruleSqrt                     // result has half the argument's dimension
	ruleKeep                     // result has the argument's dimension
	ruleSign                     // any argument, dimensionless result
	ruleClip                     // clip(x, lo, hi): all alike, result like x
	ruleInt                      // int(x): dimensionless (or boolean) argument, integer result
	ruleRand                     // rand(), randn(): no arguments, dimensionless result
	rulePoisson                  // poisson(lambda): dimensionless argument, integer result
	ruleTimestep                 // timestep(t, dt): two times, integer result
)

// funcSpec describes a built-in expression function.
type funcSpec struct {
	nargs int
	rule  funcRule
	// eval computes the function on constants (nil: not foldable).
	eval func(args []float64) float64
}

func f1(f func(float64) float64) func([]float64) float64 {
	return func(a []float64) float64 { return f(a[0]) }
}

// exprel is (exp(x) - 1)/x, 1 at x = 0.
func exprel(x float64) float64 {
	if x == 0 {
		return 1
	}
	return math.Expm1(x) / x
}

func sign(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return x
}

// funcs lists the functions expressions may call, besides the
// namespace's external functions (TimedArrays).
var funcs = map[string]*funcSpec{
	"exp": {1, ruleDimless, f1(math.Exp)}, "log": {1, ruleDimless, f1(math.Log)},
	"log10": {1, ruleDimless, f1(math.Log10)}, "expm1": {1, ruleDimless, f1(math.Expm1)},
	"exprel": {1, ruleDimless, f1(exprel)}, "log1p": {1, ruleDimless, f1(math.Log1p)},
	"sin": {1, ruleDimless, f1(math.Sin)}, "cos": {1, ruleDimless, f1(math.Cos)},
	"tan": {1, ruleDimless, f1(math.Tan)}, "sinh": {1, ruleDimless, f1(math.Sinh)},
	"cosh": {1, ruleDimless, f1(math.Cosh)}, "tanh": {1, ruleDimless, f1(math.Tanh)},
	"arcsin": {1, ruleDimless, f1(math.Asin)}, "arccos": {1, ruleDimless, f1(math.Acos)},
	"arctan": {1, ruleDimless, f1(math.Atan)},
	"sqrt":   {1, ruleSqrt, f1(math.Sqrt)},
	"abs":    {1, ruleKeep, f1(math.Abs)}, "floor": {1, ruleKeep, f1(math.Floor)},
	"ceil": {1, ruleKeep, f1(math.Ceil)}, "sign": {1, ruleSign, f1(sign)},
	"clip": {3, ruleClip, func(a []float64) float64 { return math.Min(math.Max(a[0], a[1]), a[2]) }},
	"int":  {1, ruleInt, f1(math.Trunc)},
	"rand": {0, ruleRand, nil}, "randn": {0, ruleRand, nil},
	"poisson":  {1, rulePoisson, nil},
	"timestep": {2, ruleTimestep, nil},
}

// constants are the numeric constants expressions may use.
var constants = map[string]float64{"pi": math.Pi, "e": math.E, "inf": math.Inf(1)}

// funcNames lists the built-in function names, sorted.
func funcNames() []string {
	out := make([]string, 0, len(funcs))
	for n := range funcs {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
