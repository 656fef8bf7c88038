package runtime

import "github.com/sim-lang/sim/units"

// ToArray converts a list, tuple, number, Quantity or array to an ndarray
// value. Package runtime/array sets it from its init function, so that the
// core operators can build arrays ([0.7, 0.5]*nA) without importing the
// array package. It is nil until that package is linked in.
var ToArray func(v Value) (Value, error)

// HasAbs is an Object with an absolute value (abs(x) of arrays and other
// numeric objects).
type HasAbs interface {
	Abs() (Value, error)
}

// HasFloats is a numeric Object that can expose its elements as float64
// in row-major order with its shape and dimension (arrays). Test helpers
// such as assert_close use it to compare any numeric values.
type HasFloats interface {
	Floats() (data []float64, shape []int, dim units.Dim)
}

// SecondDim is the dimension of time, used where Go code accepts either
// seconds as a number or a time quantity.
var SecondDim = units.BaseDim(units.Time)
