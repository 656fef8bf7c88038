package runtime

import (
	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/units"
)

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

// HasInPlace is an Object that can store the result of a binary operator
// into its own storage (numpy's in-place operators). The receiver stands
// on side of op. With temp true the receiver is a temporary the VM is
// about to discard, and InPlace must decline (return false) unless the
// in-place result is exactly what the ordinary operator would return
// (same shape, dtype and unit); with temp false it serves an augmented
// assignment (a += b) and reports numpy's errors when the result cannot
// be stored.
type HasInPlace interface {
	InPlace(op lang.Op, other Value, side Side, temp bool) (bool, error)
}

// BinaryFlags applies op like Binary, using the compile-time knowledge in
// flags (compiler.InplaceFlag, TempLeftFlag, TempRightFlag, passed here
// as inplace, tempLeft, tempRight) to update arrays in place instead of
// allocating a result.
func BinaryFlags(op lang.Op, x, y Value, inplace, tempLeft, tempRight bool) (Value, error) {
	if inplace || tempLeft {
		if ip, ok := x.obj.(HasInPlace); ok {
			done, err := ip.InPlace(op, y, Left, !inplace)
			if err != nil {
				return Value{}, err
			}
			if done {
				return x, nil
			}
		}
	}
	if tempRight {
		if ip, ok := y.obj.(HasInPlace); ok {
			done, err := ip.InPlace(op, x, Right, true)
			if err != nil {
				return Value{}, err
			}
			if done {
				return y, nil
			}
		}
	}
	return Binary(op, x, y)
}
