package brian2

import (
	"math"

	"github.com/sim-lang/sim/runtime"
)

// countArg reads a group size: an int, or a float with an integral value
// (NE/4 in a script is 2000.0; Brian2 takes it through int()). A fraction
// is an error rather than Brian2's silent truncation.
func countArg(fn, name string, v runtime.Value) (int, error) {
	if i, ok := v.ToInt(); ok && v.Kind() != runtime.FloatKind {
		return int(i), nil
	}
	if v.Kind() == runtime.FloatKind {
		f := v.AsFloat()
		if f == math.Trunc(f) && math.Abs(f) < 1<<53 {
			return int(f), nil
		}
		return 0, runtime.Errorf("%s() argument '%s' must be a whole number, not %v", fn, name, f)
	}
	return 0, runtime.Errorf("%s() argument '%s' must be an int, not %s", fn, name, runtime.TypeName(v))
}
