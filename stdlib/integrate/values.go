package integrate

import (
	"math"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

// layout describes the state vector's units: one dimension per
// component, and whether they are all the same (then y travels as one
// array with that unit; otherwise as a list of quantities).
type layout struct {
	dims        []units.Dim
	homogeneous bool
	tDim        units.Dim
}

// dim returns the common dimension of a homogeneous state.
func (l *layout) dim() units.Dim {
	if len(l.dims) == 0 {
		return units.Dim{}
	}
	return l.dims[0]
}

// scalarOf reads a number or quantity: its SI value and dimension.
func scalarOf(v runtime.Value) (float64, units.Dim, bool) {
	switch v.Kind() {
	case runtime.IntKind, runtime.FloatKind, runtime.BoolKind:
		f, ok := v.ToFloat()
		return f, units.Dim{}, ok
	}
	switch o := v.Obj().(type) {
	case runtime.Quantity:
		return o.V, o.D, true
	case *array.Array:
		if o.Size() == 1 {
			return o.Float64s()[0], o.Dim(), true
		}
	}
	return 0, units.Dim{}, false
}

// readState reads y0: an array, a list/tuple of numbers or quantities,
// or a single number.
func readState(fn string, v runtime.Value) ([]float64, []units.Dim, error) {
	if x, d, ok := scalarOf(v); ok {
		if _, isArr := v.Obj().(*array.Array); !isArr {
			return []float64{x}, []units.Dim{d}, nil
		}
	}
	switch o := v.Obj().(type) {
	case *array.Array:
		if o.NDim() > 1 {
			return nil, nil, runtime.Errorf("%s: y0 must be 1-dimensional, not of shape %s", fn, array.ShapeString(o.Shape()))
		}
		ys := append([]float64(nil), o.Float64s()...)
		ds := make([]units.Dim, len(ys))
		for i := range ds {
			ds[i] = o.Dim()
		}
		return ys, ds, nil
	case *runtime.List:
		return readElems(fn, o.Elems)
	case runtime.Tuple:
		return readElems(fn, o)
	}
	return nil, nil, runtime.Errorf("%s: y0 must be a number, a list or an array, not %s", fn, runtime.TypeName(v))
}

func readElems(fn string, elems []runtime.Value) ([]float64, []units.Dim, error) {
	ys := make([]float64, len(elems))
	ds := make([]units.Dim, len(elems))
	for i, e := range elems {
		x, d, ok := scalarOf(e)
		if !ok {
			return nil, nil, runtime.Errorf("%s: y0[%d] must be a number or a quantity, not %s", fn, i, runtime.TypeName(e))
		}
		ys[i], ds[i] = x, d
	}
	return ys, ds, nil
}

// newLayout builds the layout of a state with component dims ds.
func newLayout(ds []units.Dim, tDim units.Dim) *layout {
	l := &layout{dims: ds, homogeneous: true, tDim: tDim}
	for _, d := range ds {
		if d != ds[0] {
			l.homogeneous = false
		}
	}
	return l
}

// quantityArg reads a scalar argument that must have dimension want (a
// plain number is accepted for a dimensionless want, or for zero).
func quantityArg(fn, name string, v runtime.Value, want units.Dim) (float64, error) {
	x, d, ok := scalarOf(v)
	if !ok {
		return 0, runtime.Errorf("%s: %s must be a number, not %s", fn, name, runtime.TypeName(v))
	}
	if d != want && !(d.IsDimensionless() && x == 0) {
		return 0, runtime.Errorf("%s: %s has units of %s, but time is in %s", fn, name, array.DimName(d), array.DimName(want))
	}
	return x, nil
}

// tolArg reads rtol (scalar) or atol (scalar or per component; a
// quantity must have the component's unit).
func tolArg(fn, name string, v runtime.Value, lay *layout, n int) ([]float64, error) {
	out := make([]float64, n)
	check := func(i int, x float64, d units.Dim) error {
		if !d.IsDimensionless() && d != lay.dims[i] {
			return runtime.Errorf("%s: %s has units of %s, but y[%d] is in %s", fn, name, array.DimName(d), i, array.DimName(lay.dims[i]))
		}
		if x < 0 || math.IsNaN(x) {
			return runtime.Errorf("%s: %s must be non-negative", fn, name)
		}
		out[i] = x
		return nil
	}
	if x, d, ok := scalarOf(v); ok {
		if a, isArr := v.Obj().(*array.Array); !isArr || a.NDim() == 0 {
			for i := range out {
				if err := check(i, x, d); err != nil {
					return nil, err
				}
			}
			return out, nil
		}
	}
	xs, ds, err := readState(fn, v)
	if err != nil {
		return nil, runtime.Errorf("%s: %s must be a number or a sequence of %d numbers", fn, name, n)
	}
	if len(xs) != n {
		return nil, runtime.Errorf("%s: %s has %d elements, but y has %d components", fn, name, len(xs), n)
	}
	for i := range xs {
		if err := check(i, xs[i], ds[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// floatsArg reads a 1-d sequence of times with dimension want.
func floatsArg(fn, name string, v runtime.Value, want units.Dim) ([]float64, error) {
	a, err := array.From(v)
	if err != nil {
		return nil, runtime.Errorf("%s: %s must be a sequence of numbers: %v", fn, name, err)
	}
	if a.NDim() != 1 {
		return nil, runtime.Errorf("%s: %s must be 1-dimensional", fn, name)
	}
	if a.Dim() != want && a.Size() > 0 {
		return nil, runtime.Errorf("%s: %s has units of %s, but time is in %s", fn, name, array.DimName(a.Dim()), array.DimName(want))
	}
	return append([]float64(nil), a.Float64s()...), nil
}

// stateValue converts a state vector to a script value: an array with
// the common unit, or a list of quantities.
func (l *layout) stateValue(y []float64) runtime.Value {
	if l.homogeneous {
		return array.Value(array.New([]int{len(y)}, append([]float64(nil), y...), l.dim()))
	}
	elems := make([]runtime.Value, len(y))
	for i, v := range y {
		elems[i] = runtime.MakeQuantity(v, l.dims[i])
	}
	return runtime.NewList(elems)
}

// matrixValue converts per-time state vectors to y of shape (n, m)
// (transposed when rowsAreTimes is false, as odeint's (m, n)).
func (l *layout) matrixValue(ys [][]float64, n int, timesFirst bool) runtime.Value {
	m := len(ys)
	if l.homogeneous || timesFirst {
		data := make([]float64, n*m)
		for k, y := range ys {
			for i := 0; i < n; i++ {
				if timesFirst {
					data[k*n+i] = y[i]
				} else {
					data[i*m+k] = y[i]
				}
			}
		}
		shape := []int{n, m}
		if timesFirst {
			shape = []int{m, n}
		}
		d := units.Dim{}
		if l.homogeneous {
			d = l.dim()
		}
		return array.Value(array.New(shape, data, d))
	}
	rows := make([]runtime.Value, n)
	for i := 0; i < n; i++ {
		row := make([]float64, m)
		for k, y := range ys {
			row[k] = y[i]
		}
		rows[i] = array.Value(array.New([]int{m}, row, l.dims[i]))
	}
	return runtime.NewList(rows)
}
