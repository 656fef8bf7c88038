package array

import (
	"math"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

// gather copies the elements of src at offs into a new slice.
func gather[T any](src []T, offs []int) []T {
	out := make([]T, len(offs))
	for k, o := range offs {
		out[k] = src[o]
	}
	return out
}

// Copy returns a new contiguous array with the same dtype, shape, values
// and unit.
func (a *Array) Copy() *Array {
	c := &Array{dtype: a.dtype, shape: a.Shape(), strides: cStrides(a.shape), dim: a.dim}
	n := a.Size()
	if a.contiguous() {
		switch a.dtype {
		case Float:
			c.f = append([]float64(nil), a.f[a.offset:a.offset+n]...)
		case Int:
			c.i = append([]int64(nil), a.i[a.offset:a.offset+n]...)
		default:
			c.b = append([]bool(nil), a.b[a.offset:a.offset+n]...)
		}
		return c
	}
	switch a.dtype {
	case Float:
		c.f = newFloats(n)
		gatherInto(c.f, a.f, a.shape, a.strides, a.offset)
	case Int:
		c.i = make([]int64, n)
		gatherInto(c.i, a.i, a.shape, a.strides, a.offset)
	default:
		c.b = make([]bool, n)
		gatherInto(c.b, a.b, a.shape, a.strides, a.offset)
	}
	return c
}

// contig returns a itself when contiguous with offset 0 and a full-length
// backing slice, otherwise a contiguous copy.
func (a *Array) contig() *Array {
	if a.contiguous() && a.offset == 0 && a.backingLen() == a.Size() {
		return a
	}
	return a.Copy()
}

func (a *Array) backingLen() int {
	switch a.dtype {
	case Float:
		return len(a.f)
	case Int:
		return len(a.i)
	}
	return len(a.b)
}

// AsType returns a new contiguous array converted to dtype dt (floats are
// truncated toward zero when converted to int, like numpy).
func (a *Array) AsType(dt DType) *Array {
	if dt == a.dtype {
		return a.Copy()
	}
	src := a.contig()
	n := src.Size()
	c := &Array{dtype: dt, shape: a.Shape(), strides: cStrides(a.shape), dim: a.dim}
	switch dt {
	case Float:
		c.f = make([]float64, n)
		if src.dtype == Int {
			for k, v := range src.i {
				c.f[k] = float64(v)
			}
		} else {
			for k, v := range src.b {
				if v {
					c.f[k] = 1
				}
			}
		}
	case Int:
		c.i = make([]int64, n)
		if src.dtype == Float {
			for k, v := range src.f {
				c.i[k] = floatToInt(v)
			}
		} else {
			for k, v := range src.b {
				if v {
					c.i[k] = 1
				}
			}
		}
	default:
		c.b = make([]bool, n)
		if src.dtype == Float {
			for k, v := range src.f {
				c.b[k] = v != 0
			}
		} else {
			for k, v := range src.i {
				c.b[k] = v != 0
			}
		}
	}
	return c
}

func floatToInt(v float64) int64 {
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) >= 9.2e18 {
		return math.MinInt64 // numpy's result on x86
	}
	return int64(v)
}

// floatAt returns the element at backing offset off as float64.
func (a *Array) floatAt(off int) float64 {
	switch a.dtype {
	case Float:
		return a.f[off]
	case Int:
		return float64(a.i[off])
	}
	if a.b[off] {
		return 1
	}
	return 0
}

// valueAt returns the element at backing offset off as a script scalar
// (a Quantity when the array has a unit).
func (a *Array) valueAt(off int) runtime.Value {
	if !a.dim.IsDimensionless() {
		return runtime.MakeQuantity(a.floatAt(off), a.dim)
	}
	switch a.dtype {
	case Float:
		return runtime.MakeFloat(a.f[off])
	case Int:
		return runtime.MakeInt(a.i[off])
	}
	return runtime.MakeBool(a.b[off])
}

// Item returns the single element of a size-1 array as a script scalar.
func (a *Array) Item() (runtime.Value, error) {
	if a.Size() != 1 {
		return runtime.Value{}, runtime.Errorf("can only convert an array of size 1 to a Python scalar")
	}
	return a.valueAt(a.offset), nil
}

// scalar returns a 0-d array holding one value.
func scalarFloat(v float64, d units.Dim) *Array {
	return &Array{dtype: Float, shape: []int{}, strides: []int{}, f: []float64{v}, dim: d}
}

func scalarInt(v int64) *Array {
	return &Array{dtype: Int, shape: []int{}, strides: []int{}, i: []int64{v}}
}

func scalarBool(v bool) *Array {
	return &Array{dtype: Bool, shape: []int{}, strides: []int{}, b: []bool{v}}
}

// result turns a 0-d array into a script scalar (numpy returns scalars
// from operations on scalars) and wraps any other array.
func result(a *Array) runtime.Value {
	if len(a.shape) == 0 {
		return a.valueAt(a.offset)
	}
	return Value(a)
}

// Result is like Value but returns a script scalar for a 0-d array, as
// numpy functions return scalars when given scalars.
func Result(a *Array) runtime.Value { return result(a) }
