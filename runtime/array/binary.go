package array

import (
	"runtime"
	"sync"

	"github.com/sim-lang/sim/lang"
	rt "github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

// Binary implements runtime.HasBinary: arithmetic, bitwise, comparison
// and @ with numpy broadcasting, dtype promotion and unit checks. The
// other operand may be a number, Quantity, list, tuple or array; anything
// else gives the zero Value so that the other side is tried.
func (a *Array) Binary(op lang.Op, other rt.Value, side rt.Side) (rt.Value, error) {
	if op == lang.In || op == lang.NotIn {
		if side != rt.Right {
			return rt.Value{}, nil
		}
		return a.contains(op, other)
	}
	o, ok := operand(other)
	if !ok {
		return rt.Value{}, nil
	}
	x, y := a, o
	if side == rt.Right {
		x, y = o, a
	}
	r, err := BinaryOp(op, x, y)
	if err != nil || r == nil {
		return rt.Value{}, err
	}
	return result(r), nil
}

func (a *Array) contains(op lang.Op, v rt.Value) (rt.Value, error) {
	o, ok := operand(v)
	if !ok {
		return rt.MakeBool(op == lang.NotIn), nil
	}
	eq, err := BinaryOp(lang.Eq, a, o)
	if err != nil {
		return rt.Value{}, err
	}
	found := false
	for _, b := range eq.Bools() {
		if b {
			found = true
			break
		}
	}
	return rt.MakeBool(found != (op == lang.NotIn)), nil
}

// operand converts the other side of an operator to an array.
func operand(v rt.Value) (*Array, bool) {
	switch v.Kind() {
	case rt.BoolKind, rt.IntKind, rt.FloatKind:
		a, _, _ := fromScalar(v)
		return a, true
	case rt.ObjKind:
		switch o := v.Obj().(type) {
		case *Array:
			return o, true
		case rt.Quantity:
			return scalarFloat(o.V, o.D), true
		case rt.Tuple, *rt.List:
			a, err := From(v)
			if err != nil {
				return nil, false
			}
			return a, true
		}
	}
	return nil, false
}

var verbs = map[lang.Op]string{
	lang.Plus: "add", lang.Minus: "subtract", lang.SlashSlash: "floor-divide",
	lang.Percent: "take the remainder of", lang.Eq: "compare", lang.Ne: "compare",
	lang.Lt: "compare", lang.Le: "compare", lang.Gt: "compare", lang.Ge: "compare",
}

// allZero reports whether a is a plain (dimensionless) array of zeros,
// which Brian2 accepts next to any unit.
func (a *Array) allZero() bool {
	if !a.dim.IsDimensionless() || a.Size() > 64 {
		return false
	}
	for _, v := range a.Float64s() {
		if v != 0 {
			return false
		}
	}
	return true
}

// MismatchError returns the error for an operation between values of
// different dimensions: "cannot add 3 mV and 2 nA: units do not match
// (volt vs amp)".
func MismatchError(verb string, x, y *Array) error {
	return rt.Errorf("cannot %s %s and %s: units do not match (%s vs %s)", verb, x.Describe(), y.Describe(), DimName(x.dim), DimName(y.dim))
}

// Describe gives a short form of a for messages: the scalar ("3 mV"), the
// str of a small array, or its shape and unit.
func (a *Array) Describe() string {
	if len(a.shape) == 0 {
		v := a.valueAt(a.offset)
		if q, ok := v.Obj().(rt.Quantity); ok {
			return units.Format(q.V, q.D)
		}
		return rt.Repr(v)
	}
	if a.Size() <= 8 {
		return a.Str()
	}
	s := "array of shape " + ShapeString(a.shape)
	if !a.dim.IsDimensionless() {
		s += " in " + DimName(a.dim)
	}
	return s
}

// resultDim checks units and returns the dimension of x op y.
func resultDim(op lang.Op, x, y *Array) (units.Dim, error) {
	switch op {
	case lang.Star, lang.At:
		return x.dim.Mul(y.dim), nil
	case lang.Slash:
		return x.dim.Div(y.dim), nil
	case lang.StarStar:
		if !y.dim.IsDimensionless() {
			return units.Dim{}, rt.Errorf("exponent must be dimensionless, got %s", y.Describe())
		}
		if x.dim.IsDimensionless() {
			return x.dim, nil
		}
		p, ok := uniform(y)
		if !ok {
			return units.Dim{}, rt.Errorf("the exponent of an array with units must be a single number")
		}
		d, ok := x.dim.PowFloat(p)
		if !ok {
			return units.Dim{}, rt.Errorf("cannot raise %s to the power %g", DimName(x.dim), p)
		}
		return d, nil
	case lang.Amp, lang.Pipe, lang.Hat, lang.LShift, lang.RShift:
		if !x.dim.IsDimensionless() || !y.dim.IsDimensionless() {
			return units.Dim{}, rt.Errorf("bitwise operator %s needs dimensionless operands", op)
		}
		return units.Dim{}, nil
	}
	verb, ok := verbs[op]
	if !ok {
		return units.Dim{}, rt.Errorf("unsupported operator %s for ndarray", op)
	}
	d := x.dim
	if x.dim != y.dim {
		switch {
		case x.allZero():
			d = y.dim
		case y.allZero():
		default:
			return units.Dim{}, MismatchError(verb, x, y)
		}
	}
	if op.IsComparison() || op == lang.SlashSlash {
		return units.Dim{}, nil
	}
	return d, nil
}

// uniform returns the single value of an array whose elements are all
// equal.
func uniform(a *Array) (float64, bool) {
	vs := a.Float64s()
	if len(vs) == 0 {
		return 0, false
	}
	for _, v := range vs[1:] {
		if v != vs[0] {
			return 0, false
		}
	}
	return vs[0], true
}

// BinaryOp applies op to x and y elementwise with broadcasting (or the
// matrix product for @) and returns the new array.
func BinaryOp(op lang.Op, x, y *Array) (*Array, error) {
	dim, err := resultDim(op, x, y)
	if err != nil {
		return nil, err
	}
	if op == lang.At {
		return matmul(x, y, dim)
	}
	shape, err := broadcastShapes(x.shape, y.shape)
	if err != nil {
		return nil, err
	}
	dt := max(x.dtype, y.dtype)
	var r *Array
	switch {
	case op.IsComparison():
		switch dt {
		case Float:
			r = run2(x.AsTypeView(Float), y.AsTypeView(Float), shape, floatCmp[op], getF, newB)
		case Int:
			r = run2(x.AsTypeView(Int), y.AsTypeView(Int), shape, intCmp[op], getI, newB)
		default:
			r = run2(x, y, shape, boolKernels[op], getB, newB)
		}
	case op == lang.Slash:
		r = run2(x.AsTypeView(Float), y.AsTypeView(Float), shape, floatKernels[op], getF, newF)
	case dt == Bool && boolKernels[op] != nil:
		r = run2(x, y, shape, boolKernels[op], getB, newB)
	case dt == Bool && op == lang.Minus:
		return nil, rt.Errorf("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
	case dt == Float:
		k := floatKernels[op]
		if k == nil {
			return nil, rt.Errorf("ufunc '%s' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''", ufuncName[op])
		}
		r = run2(x.AsTypeView(Float), y.AsTypeView(Float), shape, k, getF, newF)
	default:
		yi := y.AsTypeView(Int)
		if op == lang.StarStar {
			for _, v := range yi.Int64s() {
				if v < 0 {
					return nil, rt.Errorf("Integers to negative integer powers are not allowed.")
				}
			}
		}
		k := intKernels[op]
		if k == nil {
			return nil, rt.Errorf("unsupported operator %s for ndarray", op)
		}
		r = run2(x.AsTypeView(Int), yi, shape, k, getI, newI)
	}
	r.dim = dim
	return r, nil
}

var ufuncName = map[lang.Op]string{
	lang.Amp: "bitwise_and", lang.Pipe: "bitwise_or", lang.Hat: "bitwise_xor",
	lang.LShift: "left_shift", lang.RShift: "right_shift",
}

// AsTypeView returns a itself when it already has dtype dt, else a
// converted copy.
func (a *Array) AsTypeView(dt DType) *Array {
	if a.dtype == dt {
		return a
	}
	return a.AsType(dt)
}

func getF(a *Array) []float64 { return a.f }
func getI(a *Array) []int64   { return a.i }
func getB(a *Array) []bool    { return a.b }

func newF(shape []int, n int) (*Array, []float64) {
	a := &Array{dtype: Float, shape: shape, strides: cStrides(shape), f: newFloats(n)}
	return a, a.f
}

func newI(shape []int, n int) (*Array, []int64) {
	a := &Array{dtype: Int, shape: shape, strides: cStrides(shape), i: make([]int64, n)}
	return a, a.i
}

func newB(shape []int, n int) (*Array, []bool) {
	a := &Array{dtype: Bool, shape: shape, strides: cStrides(shape), b: make([]bool, n)}
	return a, a.b
}

// flatStride returns 1 for a contiguous view and 0 for a fully broadcast
// one (a single element), ok false otherwise.
func flatStride(a *Array) (int, bool) {
	if a.contiguous() {
		return 1, true
	}
	for k, s := range a.strides {
		if s != 0 && a.shape[k] != 1 {
			return 0, false
		}
	}
	return 0, true
}

// parallelMin is the size from which a flat elementwise operation is
// split across two goroutines.
const parallelMin = 1 << 17

var workers = min(runtime.GOMAXPROCS(0), 4)

// run2 broadcasts x and y to shape and applies k row by row into a new
// array.
func run2[T, R any](x, y *Array, shape []int, k kern[T, R], get func(*Array) []T, mk func([]int, int) (*Array, []R)) *Array {
	out, o := mk(shape, prod(shape))
	run2Into(x, y, shape, k, get, o)
	return out
}

// run2Into is run2 writing into o (contiguous, len prod(shape)); o may be
// the storage of x or y itself, as each element is read before it is
// written.
func run2Into[T, R any](x, y *Array, shape []int, k kern[T, R], get func(*Array) []T, o []R) {
	n := prod(shape)
	xb, yb := x.broadcastTo(shape), y.broadcastTo(shape)
	xs, ys := get(xb), get(yb)
	if sx, ok := flatStride(xb); ok {
		if sy, ok := flatStride(yb); ok {
			if n >= parallelMin && workers > 1 {
				var wg sync.WaitGroup
				chunk := (n + workers - 1) / workers
				for lo := 0; lo < n; lo += chunk {
					hi := min(lo+chunk, n)
					wg.Add(1)
					go func(lo, hi int) {
						defer wg.Done()
						k(o[lo:hi], xs, xb.offset+lo*sx, sx, ys, yb.offset+lo*sy, sy)
					}(lo, hi)
				}
				wg.Wait()
				return
			}
			k(o, xs, xb.offset, sx, ys, yb.offset, sy)
			return
		}
	}
	pos := 0
	rows(shape, [][]int{xb.strides, yb.strides}, []int{xb.offset, yb.offset}, func(offs []int, m int) {
		k(o[pos:pos+m], xs, offs[0], lastStride(xb.strides), ys, offs[1], lastStride(yb.strides))
		pos += m
	})
}
