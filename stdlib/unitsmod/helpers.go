package unitsmod

import (
	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

type (
	value  = runtime.Value
	kwargs = []runtime.Kwarg
)

// dimOf returns the dimension of a number, quantity, array or Dimension.
func dimOf(v value) (units.Dim, bool) {
	if _, ok := v.ToFloat(); ok {
		return units.Dimensionless, true
	}
	switch o := v.Obj().(type) {
	case Dimension:
		return o.D, true
	case runtime.HasDim:
		return o.Dimensions(), true
	}
	return units.Dim{}, false
}

// mustDim is dimOf with an error naming the function.
func mustDim(fn string, v value) (units.Dim, error) {
	d, ok := dimOf(v)
	if !ok {
		return units.Dim{}, runtime.Errorf("%s() argument must be a number, quantity or array, not %s", fn, runtime.TypeName(v))
	}
	return d, nil
}

// scalar returns the SI value of a number or scalar quantity.
func scalar(v value) (float64, units.Dim, bool) {
	if f, ok := v.ToFloat(); ok {
		return f, units.Dimensionless, true
	}
	if q, ok := v.Obj().(runtime.Quantity); ok {
		return q.V, q.D, true
	}
	return 0, units.Dim{}, false
}

// inUnit is in_unit(x, unit): x expressed in unit, as a string ("3 mV").
// unit is a unit value (mV, cm**2) or a unit expression string
// ("mV/ms"); arrays are divided by the unit element by element.
func inUnit(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	var x, u value
	if err := runtime.UnpackArgs("in_unit", args, kw, "x", &x, "u", &u); err != nil {
		return value{}, err
	}
	var (
		scale float64
		ud    units.Dim
		name  string
	)
	if s, ok := runtime.AsString(u); ok {
		var err error
		if scale, ud, err = units.ParseUnit(s); err != nil {
			return value{}, runtime.Errorf("in_unit(): %v", err)
		}
		name = s
	} else {
		var ok bool
		scale, ud, ok = scalar(u)
		if !ok {
			return value{}, runtime.Errorf("in_unit() unit must be a unit such as mV or a string such as 'mV/ms', not %s", runtime.TypeName(u))
		}
		if scale == 0 {
			return value{}, runtime.Errorf("in_unit() unit must not be zero")
		}
		if n, ok := units.UnitName(scale, ud); ok {
			name = n
		} else if !(ud.IsDimensionless() && scale == 1) {
			name = "(" + units.Format(scale, ud) + ")"
		}
	}
	xd, err := mustDim("in_unit", x)
	if err != nil {
		return value{}, err
	}
	if xd != ud {
		return value{}, runtime.Errorf("in_unit(): cannot express %s in %s: units do not match (%s vs %s)",
			runtime.Repr(x), unitRepr(name, scale, ud), units.DimName(xd), units.DimName(ud))
	}
	var num string
	if xv, _, ok := scalar(x); ok {
		num = units.FormatNumber(xv / scale)
	} else {
		r, err := runtime.Binary(lang.Slash, x, runtime.MakeQuantity(scale, ud))
		if err != nil {
			return value{}, err
		}
		num = runtime.Str(r)
	}
	if name == "" {
		return runtime.MakeStr(num), nil
	}
	return runtime.MakeStr(num + " " + name), nil
}

func unitRepr(name string, scale float64, d units.Dim) string {
	if name != "" {
		return name
	}
	return units.Format(scale, d)
}

// getDimensions is get_dimensions(x): the Dimension of x.
func getDimensions(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	var x value
	if err := runtime.UnpackArgs("get_dimensions", args, kw, "obj", &x); err != nil {
		return value{}, err
	}
	d, err := mustDim("get_dimensions", x)
	if err != nil {
		return value{}, err
	}
	return NewDimension(d), nil
}

// getUnit is get_unit(x): the coherent SI unit of x's dimension (volt for
// 3 mV; 1.0 for a number).
func getUnit(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	var x value
	if err := runtime.UnpackArgs("get_unit", args, kw, "x", &x); err != nil {
		return value{}, err
	}
	d, err := mustDim("get_unit", x)
	if err != nil {
		return value{}, err
	}
	return runtime.MakeQuantity(1, d), nil
}

// haveSameDimensions is have_same_dimensions(a, b).
func haveSameDimensions(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	var a, b value
	if err := runtime.UnpackArgs("have_same_dimensions", args, kw, "obj1", &a, "obj2", &b); err != nil {
		return value{}, err
	}
	da, err := mustDim("have_same_dimensions", a)
	if err != nil {
		return value{}, err
	}
	db, err := mustDim("have_same_dimensions", b)
	if err != nil {
		return value{}, err
	}
	return runtime.MakeBool(da == db), nil
}

// isDimensionless is is_dimensionless(x).
func isDimensionless(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	var x value
	if err := runtime.UnpackArgs("is_dimensionless", args, kw, "obj", &x); err != nil {
		return value{}, err
	}
	d, err := mustDim("is_dimensionless", x)
	if err != nil {
		return value{}, err
	}
	return runtime.MakeBool(d.IsDimensionless()), nil
}
