package array

import (
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

// DType is the element type of an Array. The order is numpy's promotion
// order: bool < int64 < float64.
type DType uint8

// The element types.
const (
	Bool DType = iota
	Int
	Float
)

var dtypeNames = [...]string{"bool", "int64", "float64"}

// String returns numpy's name of the dtype ("float64").
func (d DType) String() string { return dtypeNames[d] }

// Array is an n-dimensional array: a strided view of one backing slice
// (float64, int64 or bool, whichever matches the dtype) with one unit.
type Array struct {
	dtype   DType
	shape   []int
	strides []int // in elements, may be 0 or negative
	offset  int
	f       []float64
	i       []int64
	b       []bool
	dim     units.Dim
	// scalarSel marks the 0-d result of indexing with ints only.
	scalarSel bool
}

// New returns a float64 array of the given shape holding data in row-major
// order (data is used, not copied; nil data means zeros) with dimension
// dim. len(data) must equal the product of shape.
func New(shape []int, data []float64, dim units.Dim) *Array {
	n := prod(shape)
	if data == nil {
		data = make([]float64, n)
	}
	if len(data) != n {
		panic("array.New: data length does not match shape")
	}
	return &Array{dtype: Float, shape: append([]int(nil), shape...), strides: cStrides(shape), f: data, dim: dim}
}

// FromFloats returns a dimensionless float64 array holding data (not
// copied), 1-d unless a shape is given.
func FromFloats(data []float64, shape ...int) *Array {
	if shape == nil {
		shape = []int{len(data)}
	}
	return New(shape, data, units.Dim{})
}

// FromInts returns an int64 array holding data (not copied), 1-d unless a
// shape is given.
func FromInts(data []int64, shape ...int) *Array {
	if shape == nil {
		shape = []int{len(data)}
	}
	if len(data) != prod(shape) {
		panic("array.FromInts: data length does not match shape")
	}
	return &Array{dtype: Int, shape: append([]int(nil), shape...), strides: cStrides(shape), i: data}
}

// FromBools returns a bool array holding data (not copied), 1-d unless a
// shape is given.
func FromBools(data []bool, shape ...int) *Array {
	if shape == nil {
		shape = []int{len(data)}
	}
	if len(data) != prod(shape) {
		panic("array.FromBools: data length does not match shape")
	}
	return &Array{dtype: Bool, shape: append([]int(nil), shape...), strides: cStrides(shape), b: data}
}

// Zeros returns a new zero-filled array of the given dtype and shape.
func Zeros(dt DType, shape []int, dim units.Dim) *Array {
	n := prod(shape)
	a := &Array{dtype: dt, shape: append([]int(nil), shape...), strides: cStrides(shape), dim: dim}
	switch dt {
	case Float:
		a.f = make([]float64, n)
	case Int:
		a.i = make([]int64, n)
	default:
		a.b = make([]bool, n)
	}
	return a
}

// Value wraps a as a script value.
func Value(a *Array) runtime.Value { return runtime.MakeObj(a) }

// Shape returns a copy of the shape.
func (a *Array) Shape() []int { return append([]int{}, a.shape...) }

// NDim returns the number of dimensions.
func (a *Array) NDim() int { return len(a.shape) }

// Size returns the number of elements.
func (a *Array) Size() int { return prod(a.shape) }

// Dim returns the physical dimension of the elements.
func (a *Array) Dim() units.Dim { return a.dim }

// DType returns the element type.
func (a *Array) DType() DType { return a.dtype }

// WithDim returns a view of a sharing its data but carrying dimension d.
func (a *Array) WithDim(d units.Dim) *Array {
	c := *a
	c.dim = d
	return &c
}

// Float64s returns the elements as float64 in row-major order, in SI base
// units: the backing slice itself when a is a contiguous float64 array
// (writes go to the array), otherwise a new slice.
func (a *Array) Float64s() []float64 {
	if a.dtype == Float && a.contiguous() {
		return a.f[a.offset : a.offset+a.Size()]
	}
	return a.AsType(Float).f
}

// Int64s returns the elements as int64 in row-major order (floats are
// truncated): the backing slice when a is a contiguous int64 array,
// otherwise a new slice.
func (a *Array) Int64s() []int64 {
	if a.dtype == Int && a.contiguous() {
		return a.i[a.offset : a.offset+a.Size()]
	}
	return a.AsType(Int).i
}

// Bools returns the elements as bool in row-major order (non-zero is
// true): the backing slice when a is a contiguous bool array, otherwise a
// new slice.
func (a *Array) Bools() []bool {
	if a.dtype == Bool && a.contiguous() {
		return a.b[a.offset : a.offset+a.Size()]
	}
	return a.AsType(Bool).b
}

// Floats implements runtime.HasFloats.
func (a *Array) Floats() ([]float64, []int, units.Dim) {
	return a.Float64s(), a.Shape(), a.dim
}

// Dimensions implements runtime.HasDim.
func (a *Array) Dimensions() units.Dim { return a.dim }

// Type implements runtime.Object.
func (a *Array) Type() string { return "ndarray" }

func prod(shape []int) int {
	n := 1
	for _, s := range shape {
		n *= s
	}
	return n
}

func cStrides(shape []int) []int {
	st := make([]int, len(shape))
	s := 1
	for k := len(shape) - 1; k >= 0; k-- {
		st[k] = s
		s *= shape[k]
	}
	return st
}

// contiguous reports whether the elements are laid out in row-major order
// without gaps starting at a.offset.
func (a *Array) contiguous() bool {
	s := 1
	for k := len(a.shape) - 1; k >= 0; k-- {
		if a.shape[k] != 1 && a.strides[k] != s {
			return false
		}
		s *= a.shape[k]
	}
	return true
}

// offsets returns the backing-slice offset of every element in row-major
// order.
func (a *Array) offsets() []int {
	n := a.Size()
	out := make([]int, n)
	if a.contiguous() {
		for k := range out {
			out[k] = a.offset + k
		}
		return out
	}
	k := 0
	walk(a.shape, a.strides, a.offset, func(off int) {
		out[k] = off
		k++
	})
	return out
}

// walk calls f with the offset of every element in row-major order.
func walk(shape, strides []int, offset int, f func(int)) {
	walkRows(shape, strides, offset, func(off, stride, n int) {
		for ; n > 0; n-- {
			f(off)
			off += stride
		}
	})
}
