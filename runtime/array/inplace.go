package array

import (
	"github.com/sim-lang/sim/lang"
	rt "github.com/sim-lang/sim/runtime"
)

// InPlace performs numpy's augmented assignment a op= other, writing into
// a's memory (so views of a see the change) and returning a. The result
// must broadcast to a's shape, fit a's dtype (an int array cannot take a
// float result) and keep a's unit. The runtime's augmented assignment can
// use it through an interface with this method; it also lets a caller
// that knows a is a dead temporary reuse its memory.
func (a *Array) InPlace(op lang.Op, other rt.Value) (rt.Value, error) {
	o, ok := operand(other)
	if !ok {
		return rt.Value{}, nil
	}
	if err := a.InPlaceOp(op, o); err != nil {
		return rt.Value{}, err
	}
	return Value(a), nil
}

// InPlaceOp computes a = a op o into a's memory.
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
	// fast path: float array, float-compatible operand, arithmetic kernel
	if k := floatKernels[op]; k != nil && a.dtype == Float && a.contiguous() && !overlaps(a, o) {
		ob := o.AsTypeView(Float).broadcastTo(shape)
		n := a.Size()
		out := a.f[a.offset : a.offset+n]
		if so, ok := flatStride(ob); ok {
			k(out, a.f, a.offset, 1, ob.f, ob.offset, so)
			return nil
		}
		pos := 0
		rows(shape, [][]int{a.strides, ob.strides}, []int{a.offset, ob.offset}, func(offs []int, m int) {
			k(out[pos:pos+m], a.f, offs[0], 1, ob.f, offs[1], lastStride(ob.strides))
			pos += m
		})
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
