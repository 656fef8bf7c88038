package array

import (
	"math"

	"github.com/sim-lang/sim/lang"
	rt "github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

// Unary implements runtime.HasUnary: -, + and ~ (bool and int only).
func (a *Array) Unary(op lang.Op) (rt.Value, error) {
	r, err := UnaryOp(op, a)
	if err != nil {
		return rt.Value{}, err
	}
	return result(r), nil
}

// UnaryOp applies -, + or ~ to a, returning a new array.
func UnaryOp(op lang.Op, a *Array) (*Array, error) {
	switch op {
	case lang.Plus:
		return a.Copy(), nil
	case lang.Minus:
		switch a.dtype {
		case Float:
			return MapFloatSlice(a, negSlice, a.dim), nil
		case Int:
			return mapInt(a, func(x int64) int64 { return -x }), nil
		}
		return nil, rt.Errorf("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.")
	case lang.Tilde:
		if !a.dim.IsDimensionless() {
			return nil, rt.Errorf("bitwise operator ~ needs a dimensionless operand")
		}
		switch a.dtype {
		case Int:
			return mapInt(a, func(x int64) int64 { return ^x }), nil
		case Bool:
			return MapBool(a, func(x bool) bool { return !x }), nil
		}
		return nil, rt.Errorf("ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
	}
	return nil, rt.Errorf("bad operand type for unary %s: 'ndarray'", op)
}

// Abs implements runtime.HasAbs (the unit is kept).
func (a *Array) Abs() (rt.Value, error) { return result(AbsArray(a)), nil }

// AbsArray returns |a| elementwise with a's dtype and unit (bools are
// returned unchanged).
func AbsArray(a *Array) *Array {
	switch a.dtype {
	case Float:
		return MapFloat(a, math.Abs, a.dim)
	case Int:
		return mapInt(a, func(x int64) int64 {
			if x < 0 {
				return -x
			}
			return x
		})
	}
	return a.Copy()
}

// MapFloat applies f to every element (converted to float64) and returns
// a new float64 array of the same shape with dimension dim.
func MapFloat(a *Array, f func(float64) float64, dim units.Dim) *Array {
	src := a.AsTypeView(Float)
	n := src.Size()
	out := newFloats(n)
	if src.contiguous() {
		s := src.f[src.offset : src.offset+n]
		for k, v := range s {
			out[k] = f(v)
		}
	} else {
		gatherInto(out, src.f, src.shape, src.strides, src.offset)
		for k, v := range out {
			out[k] = f(v)
		}
	}
	return New(src.shape, out, dim)
}

// MapFloatBool applies a predicate to every element (as float64) and
// returns a bool array of the same shape.
func MapFloatBool(a *Array, f func(float64) bool) *Array {
	src := a.AsTypeView(Float)
	out := make([]bool, src.Size())
	k := 0
	walk(src.shape, src.strides, src.offset, func(off int) {
		out[k] = f(src.f[off])
		k++
	})
	return FromBools(out, src.shape...)
}

func mapInt(a *Array, f func(int64) int64) *Array {
	src := a.AsTypeView(Int)
	out := make([]int64, src.Size())
	k := 0
	walk(src.shape, src.strides, src.offset, func(off int) {
		out[k] = f(src.i[off])
		k++
	})
	r := FromInts(out, src.shape...)
	r.dim = a.dim
	return r
}

// MapBool applies f to every element (as bool) and returns a bool array.
func MapBool(a *Array, f func(bool) bool) *Array {
	src := a.AsTypeView(Bool)
	out := make([]bool, src.Size())
	k := 0
	walk(src.shape, src.strides, src.offset, func(off int) {
		out[k] = f(src.b[off])
		k++
	})
	return FromBools(out, src.shape...)
}

// Len implements runtime.Sequence: the length of the first axis.
func (a *Array) Len() int {
	if len(a.shape) == 0 {
		return 0
	}
	return a.shape[0]
}

// Iterate implements runtime.Iterable over the first axis.
func (a *Array) Iterate() rt.Iterator {
	return &iterator{a: a}
}

type iterator struct {
	a *Array
	k int
}

// Next implements runtime.Iterator.
func (it *iterator) Next(p *rt.Value) bool {
	a := it.a
	if len(a.shape) == 0 || it.k >= a.shape[0] {
		return false
	}
	*p = a.sub(it.k)
	it.k++
	return true
}

// sub returns a[k] along the first axis: a scalar for 1-d arrays, a view
// otherwise.
func (a *Array) sub(k int) rt.Value {
	off := a.offset + k*a.strides[0]
	if len(a.shape) == 1 {
		return a.valueAt(off)
	}
	v := *a
	v.offset = off
	v.shape = a.shape[1:]
	v.strides = a.strides[1:]
	v.scalarSel = false
	return Value(&v)
}

// CheckIterable returns numpy's error for iterating a 0-d array.
func (a *Array) CheckIterable() error {
	if len(a.shape) == 0 {
		return rt.Errorf("iteration over a 0-d array")
	}
	return nil
}

// Map2Float broadcasts x and y and applies f elementwise on float64
// values, returning a float64 array with dimension dim.
func Map2Float(x, y *Array, f func(a, b float64) float64, dim units.Dim) (*Array, error) {
	shape, err := broadcastShapes(x.shape, y.shape)
	if err != nil {
		return nil, err
	}
	r := run2(x.AsTypeView(Float), y.AsTypeView(Float), shape, loop(f), getF, newF)
	r.dim = dim
	return r, nil
}
