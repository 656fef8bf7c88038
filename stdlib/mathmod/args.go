package mathmod

import (
	"math"

	"github.com/sim-lang/sim/runtime"
)

// noKwargs rejects keyword arguments, as Python's math functions do.
func noKwargs(fn string, kwargs []runtime.Kwarg) error {
	if len(kwargs) > 0 {
		return runtime.Errorf("math.%s() takes no keyword arguments", fn)
	}
	return nil
}

// nargs checks the number of positional arguments.
func nargs(fn string, args []runtime.Value, kwargs []runtime.Kwarg, lo, hi int) error {
	if err := noKwargs(fn, kwargs); err != nil {
		return err
	}
	if len(args) < lo || len(args) > hi {
		switch {
		case lo == hi && lo == 1:
			return runtime.Errorf("math.%s() takes exactly one argument (%d given)", fn, len(args))
		case lo == hi:
			return runtime.Errorf("math.%s() takes exactly %d arguments (%d given)", fn, lo, len(args))
		case len(args) < lo:
			return runtime.Errorf("math.%s() takes at least %d arguments (%d given)", fn, lo, len(args))
		default:
			return runtime.Errorf("math.%s() takes at most %d arguments (%d given)", fn, hi, len(args))
		}
	}
	return nil
}

// toFloat converts a scalar argument of math.fn to float64: int, float and
// bool are accepted, a Quantity only when dimensionless.
func toFloat(fn string, v runtime.Value) (float64, error) {
	if f, ok := v.ToFloat(); ok {
		return f, nil
	}
	switch o := v.Obj().(type) {
	case runtime.Quantity:
		if o.D.IsDimensionless() {
			return o.V, nil
		}
		return 0, runtime.Errorf("math.%s() argument must be dimensionless, got %s", fn, o.String())
	case runtime.HasDim:
		if !o.Dimensions().IsDimensionless() {
			return 0, runtime.Errorf("math.%s() argument must be dimensionless, got %s", fn, runtime.Repr(v))
		}
		return 0, runtime.Errorf("math.%s() takes a scalar, not %s (use np.%s for arrays)", fn, runtime.TypeName(v), fn)
	}
	return 0, runtime.Errorf("math.%s() argument must be a real number, not %s", fn, runtime.TypeName(v))
}

// toInt converts an integer argument (int or bool; floats are refused as
// in Python).
func toInt(fn string, v runtime.Value) (int64, error) {
	if i, ok := v.ToInt(); ok {
		return i, nil
	}
	return 0, runtime.Errorf("math.%s(): '%s' object cannot be interpreted as an integer", fn, runtime.TypeName(v))
}

// Python's math errors.
var (
	errDomain = runtime.Errorf("math domain error")
	errRange  = runtime.Errorf("math range error")
)

// checkResult applies CPython's rules: a NaN from non-NaN input is a
// domain error; an infinity from finite input is a range error when the
// function can overflow, else a domain error (log(0)).
func checkResult(r float64, canOverflow bool, in ...float64) (float64, error) {
	anyNaN, allFinite := false, true
	for _, x := range in {
		if math.IsNaN(x) {
			anyNaN = true
		}
		if math.IsInf(x, 0) || math.IsNaN(x) {
			allFinite = false
		}
	}
	if math.IsNaN(r) && !anyNaN {
		return 0, errDomain
	}
	if math.IsInf(r, 0) && allFinite {
		if canOverflow {
			return 0, errRange
		}
		return 0, errDomain
	}
	return r, nil
}

// floatToInt converts the float result of floor/ceil/trunc to an int.
func floatToInt(fn string, f float64) (runtime.Value, error) {
	switch {
	case math.IsNaN(f):
		return runtime.Value{}, runtime.Errorf("cannot convert float NaN to integer")
	case math.IsInf(f, 0):
		return runtime.Value{}, runtime.Errorf("cannot convert float infinity to integer")
	case f >= 9.223372036854775807e18 || f < -9.223372036854775808e18:
		return runtime.Value{}, runtime.Errorf("math.%s() result %s does not fit in a 64-bit int", fn, runtime.FormatFloat(f))
	}
	return runtime.MakeInt(int64(f)), nil
}
