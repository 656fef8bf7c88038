package array

import (
	"github.com/sim-lang/sim/lang"
	rt "github.com/sim-lang/sim/runtime"
)

// InPlace implements runtime.HasInPlace. With temp false it is numpy's
// augmented assignment a op= other (a on the left), written into a's
// memory so that views of a see the change, with numpy's errors when the
// result does not fit a's shape, dtype or unit. With temp true a is a
// temporary the VM is about to discard (on side of op); the result is
// computed into a's memory only when it is exactly what the ordinary
// operator would return, and InPlace declines (false, nil) otherwise.
func (a *Array) InPlace(op lang.Op, other rt.Value, side rt.Side, temp bool) (bool, error) {
	o, ok := operand(other)
	if !ok {
		return false, nil
	}
	if !temp {
		if side != rt.Left {
			return false, nil
		}
		return true, a.InPlaceOp(op, o)
	}
	return a.intoTemp(op, o, side), nil
}

// intoTemp computes x op y into a's storage (a is x for side Left, y for
// side Right) when that gives exactly the ordinary result.
func (a *Array) intoTemp(op lang.Op, o *Array, side rt.Side) bool {
	if op == lang.At || op.IsComparison() || !a.contiguous() || a.offset != 0 || a.backingLen() != a.Size() {
		return false
	}
	if overlaps(a, o) && o != a {
		return false
	}
	x, y := a, o
	if side == rt.Right {
		x, y = o, a
	}
	dim, err := resultDim(op, x, y)
	if err != nil || dim != a.dim {
		return false
	}
	shape, err := broadcastShapes(x.shape, y.shape)
	if err != nil || !equalInts(shape, a.shape) {
		return false
	}
	if resultDType(op, x.dtype, y.dtype) != a.dtype {
		return false
	}
	n := a.Size()
	switch a.dtype {
	case Float:
		k := floatKernels[op]
		if k == nil {
			return false
		}
		run2Into(x.AsTypeView(Float), y.AsTypeView(Float), shape, k, getF, a.f[:n])
	case Int:
		k := intKernels[op]
		if k == nil || op == lang.StarStar {
			return false
		}
		run2Into(x.AsTypeView(Int), y.AsTypeView(Int), shape, k, getI, a.i[:n])
	default:
		k := boolKernels[op]
		if k == nil {
			return false
		}
		run2Into(x, y, shape, k, getB, a.b[:n])
	}
	return true
}

// resultDType is the dtype BinaryOp gives op on operands of dtypes xd, yd
// (comparisons and errors aside).
func resultDType(op lang.Op, xd, yd DType) DType {
	dt := max(xd, yd)
	switch {
	case op.IsComparison():
		return Bool
	case op == lang.Slash:
		return Float
	case dt == Bool && boolKernels[op] != nil:
		return Bool
	case dt == Bool:
		return Int
	}
	return dt
}

// InPlaceOp computes a = a op o into a's memory (numpy's a op= o).
func (a *Array) InPlaceOp(op lang.Op, o *Array) error {
	dim, err := resultDim(op, a, o)
	if err != nil {
		return err
	}
	if dim != a.dim {
		return rt.Errorf("cannot apply %s= in place: the result has units of %s, the array %s", op, DimName(dim), DimName(a.dim))
	}
	shape, err := broadcastShapes(a.shape, o.shape)
	if err != nil {
		return err
	}
	if !equalInts(shape, a.shape) {
		return rt.Errorf("non-broadcastable output operand with shape %s doesn't match the broadcast shape %s", shapeTight(a.shape), shapeTight(shape))
	}
	if k := floatKernels[op]; k != nil && a.dtype == Float && a.contiguous() && !overlaps(a, o) {
		n := a.Size()
		run2Into(a, o.AsTypeView(Float), shape, k, getF, a.f[a.offset:a.offset+n])
		return nil
	}
	r, err := BinaryOp(op, a, o)
	if err != nil {
		return err
	}
	if r.dtype > a.dtype {
		return rt.Errorf("Cannot cast ufunc '%s' output from dtype('%s') to dtype('%s') with casting rule 'same_kind'", inplaceNames[op], r.dtype, a.dtype)
	}
	return a.Assign(r)
}

var inplaceNames = map[lang.Op]string{
	lang.Plus: "add", lang.Minus: "subtract", lang.Star: "multiply", lang.Slash: "divide",
	lang.SlashSlash: "floor_divide", lang.Percent: "remainder", lang.StarStar: "power",
	lang.Amp: "bitwise_and", lang.Pipe: "bitwise_or", lang.Hat: "bitwise_xor",
	lang.LShift: "left_shift", lang.RShift: "right_shift",
}
