package plot

import (
	"strings"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

// axisUnit is the unit an axis shows. The first quantity plotted on an
// axis chooses it (Brian2's best display unit for the values, e.g. mV);
// later quantities must have the same dimension and are shown in the same
// unit. Plain numbers plotted first keep the axis unitless.
type axisUnit struct {
	dim   units.Dim
	scale float64 // SI value of one display unit
	name  string  // "mV"
	set   bool    // the axis has a unit
	plain bool    // plain numbers were plotted
}

// data holds plotted values converted to display units, with their shape.
type data struct {
	vals  []float64
	shape []int
}

// convert turns a plotted argument (array, list, quantity, number) into
// display-unit values for the axis ("x" or "y" names it in errors).
func (u *axisUnit) convert(fn, axis string, v runtime.Value) (data, error) {
	a, err := array.From(v)
	if err != nil {
		return data{}, runtime.Errorf("%s(): %s values must be numbers or arrays: %v", fn, axis, err)
	}
	raw := a.Float64s()
	vals := make([]float64, len(raw))
	copy(vals, raw)
	d := a.Dim()
	if err := u.adopt(fn, axis, vals, d); err != nil {
		return data{}, err
	}
	if u.set {
		for k := range vals {
			vals[k] /= u.scale
		}
	}
	return data{vals: vals, shape: a.Shape()}, nil
}

// adopt checks values of dimension d against the axis, choosing the
// axis unit at the first quantity.
func (u *axisUnit) adopt(fn, axis string, vals []float64, d units.Dim) error {
	if d.IsDimensionless() {
		if u.set {
			return runtime.Errorf("%s(): %s values are plain numbers but the %s axis shows %s; multiply them by a unit or divide the other data by one", fn, axis, axis, u.name)
		}
		u.plain = true
		return nil
	}
	if !u.set {
		if u.plain {
			return runtime.Errorf("%s(): %s values are in %s but the %s axis already shows plain numbers; divide by a unit (e.g. /ms) to plot numbers", fn, axis, units.DimName(d), axis)
		}
		short, _, scale, ok := units.DisplayUnit(vals, d)
		if !ok {
			short, scale = units.DimName(d), 1
		}
		*u = axisUnit{dim: d, scale: scale, name: short, set: true}
		return nil
	}
	if d != u.dim {
		return runtime.Errorf("%s(): %s values are in %s but the %s axis shows %s (%s)", fn, axis, units.DimName(d), axis, u.name, units.DimName(u.dim))
	}
	return nil
}

// scalar converts one position (limits, axhline, text): a quantity of
// the axis dimension, or a plain number taken in display units.
func (u *axisUnit) scalar(fn, axis string, v runtime.Value) (float64, error) {
	if q, ok := v.Obj().(runtime.Quantity); ok {
		if u.set && q.D != u.dim {
			return 0, runtime.Errorf("%s(): a %s position in %s does not fit the %s axis in %s", fn, axis, units.DimName(q.D), axis, u.name)
		}
		if !u.set {
			if err := u.adopt(fn, axis, []float64{q.V}, q.D); err != nil {
				return 0, err
			}
		}
		return q.V / u.scale, nil
	}
	if a, ok := v.Obj().(*array.Array); ok && len(a.Float64s()) == 1 {
		d, err := u.convert(fn, axis, v)
		if err != nil {
			return 0, err
		}
		return d.vals[0], nil
	}
	f, ok := v.ToFloat()
	if !ok {
		return 0, runtime.Errorf("%s(): a %s position must be a number or a quantity, not %s", fn, axis, runtime.TypeName(v))
	}
	return f, nil
}

// label returns an axis label with the unit appended: "Time (ms)", the
// unit alone when there is no label, the label alone when it already
// names the unit in brackets.
func (u *axisUnit) label(text string) string {
	if !u.set {
		return text
	}
	if text == "" {
		return u.name
	}
	for _, form := range []string{"(" + u.name + ")", "[" + u.name + "]", "/ " + u.name, "in " + u.name} {
		if strings.Contains(text, form) {
			return text
		}
	}
	return text + " (" + u.name + ")"
}

// toSI returns a display-unit value as a script value (a quantity when
// the axis has a unit), for get_xlim and the like.
func (u *axisUnit) toSI(f float64) runtime.Value {
	if !u.set {
		return runtime.MakeFloat(f)
	}
	return runtime.MakeQuantity(f*u.scale, u.dim)
}
