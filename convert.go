package sim

import (
	"fmt"
	"reflect"
	"sort"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

// Quantity is a number with a physical unit, as Go code sees it. Value is
// in SI base units (3 mV is Value 0.003 with the dimension of volt).
type Quantity struct {
	Value float64
	Dim   units.Dim
}

// Q returns value times the named unit: Q(2.5, "nS") is 2.5 nS. It panics
// on an unknown unit name, since such a name is a programming error.
func Q(value float64, unit string) Quantity {
	scale, dim, err := units.ParseUnit(unit)
	if err != nil {
		panic("sim.Q: " + err.Error())
	}
	return Quantity{Value: value * scale, Dim: dim}
}

// String formats q in its best display unit ("2.5 nS").
func (q Quantity) String() string { return units.Format(q.Value, q.Dim) }

// In returns q expressed as a plain number of the named unit
// (Q(3, "mV").In("volt") is 0.003), or an error if the dimensions differ.
func (q Quantity) In(unit string) (float64, error) {
	scale, dim, err := units.ParseUnit(unit)
	if err != nil {
		return 0, err
	}
	if dim != q.Dim {
		return 0, fmt.Errorf("cannot express %s in %s: units do not match (%s vs %s)", q, unit, units.DimName(q.Dim), units.DimName(dim))
	}
	return q.Value / scale, nil
}

// Array is an n-dimensional array as Go code sees it: row-major float64
// data, its shape, and one unit for all elements (Data in SI base units).
type Array struct {
	Shape []int
	Data  []float64
	Dim   units.Dim
}

// toGo converts a runtime value to the Go value documented in the package
// comment.
func toGo(v runtime.Value) (any, error) {
	switch v.Kind() {
	case runtime.NoneKind, runtime.Invalid:
		return nil, nil
	case runtime.BoolKind:
		return v.AsBool(), nil
	case runtime.IntKind:
		return v.AsInt(), nil
	case runtime.FloatKind:
		return v.AsFloat(), nil
	}
	switch o := v.Obj().(type) {
	case runtime.String:
		return string(o), nil
	case runtime.Quantity:
		return Quantity{Value: o.V, Dim: o.D}, nil
	case runtime.Tuple:
		return listToGo(o)
	case *runtime.List:
		return listToGo(o.Elems)
	case *runtime.Dict:
		out := map[string]any{}
		for _, kv := range o.Items() {
			k, ok := runtime.AsString(kv[0])
			if !ok {
				return nil, fmt.Errorf("cannot convert dict with %s keys to Go (only str keys)", runtime.TypeName(kv[0]))
			}
			gv, err := toGo(kv[1])
			if err != nil {
				return nil, err
			}
			out[k] = gv
		}
		return out, nil
	case runtime.HasFloats:
		data, shape, dim := o.Floats()
		return Array{Shape: append([]int(nil), shape...), Data: append([]float64(nil), data...), Dim: dim}, nil
	}
	// Functions, modules and other objects pass through as runtime values.
	return v, nil
}

func listToGo(elems []runtime.Value) ([]any, error) {
	out := make([]any, len(elems))
	for i, e := range elems {
		g, err := toGo(e)
		if err != nil {
			return nil, err
		}
		out[i] = g
	}
	return out, nil
}

// fromGo converts a Go value to a runtime value.
func fromGo(x any) (runtime.Value, error) {
	switch x := x.(type) {
	case nil:
		return runtime.None, nil
	case runtime.Value:
		return x, nil
	case bool:
		return runtime.MakeBool(x), nil
	case string:
		return runtime.MakeStr(x), nil
	case float64:
		return runtime.MakeFloat(x), nil
	case float32:
		return runtime.MakeFloat(float64(x)), nil
	case int:
		return runtime.MakeInt(int64(x)), nil
	case int64:
		return runtime.MakeInt(x), nil
	case int32:
		return runtime.MakeInt(int64(x)), nil
	case uint8, uint16, uint32, int8, int16:
		return runtime.MakeInt(reflect.ValueOf(x).Convert(reflect.TypeOf(int64(0))).Int()), nil
	case Quantity:
		return runtime.MakeQuantity(x.Value, x.Dim), nil
	case Array:
		n := 1
		for _, s := range x.Shape {
			n *= s
		}
		if n != len(x.Data) {
			return runtime.Value{}, fmt.Errorf("Array shape %v does not match %d data elements", x.Shape, len(x.Data))
		}
		return array.Value(array.New(append([]int(nil), x.Shape...), append([]float64(nil), x.Data...), x.Dim)), nil
	case []float64:
		return array.Value(array.New([]int{len(x)}, append([]float64(nil), x...), units.Dim{})), nil
	}
	rv := reflect.ValueOf(x)
	switch rv.Kind() {
	case reflect.Func:
		return wrapFunc("func", rv, nil)
	case reflect.Slice, reflect.Array:
		elems := make([]runtime.Value, rv.Len())
		for i := range elems {
			e, err := fromGo(rv.Index(i).Interface())
			if err != nil {
				return runtime.Value{}, err
			}
			elems[i] = e
		}
		return runtime.NewList(elems), nil
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			return runtime.Value{}, fmt.Errorf("cannot convert %s: map keys must be strings", rv.Type())
		}
		d := runtime.NewDict()
		keys := rv.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			v, err := fromGo(rv.MapIndex(k).Interface())
			if err != nil {
				return runtime.Value{}, err
			}
			if err := d.Set(runtime.MakeStr(k.String()), v); err != nil {
				return runtime.Value{}, err
			}
		}
		return runtime.MakeObj(d), nil
	}
	return runtime.Value{}, fmt.Errorf("cannot convert Go value of type %T to a sim value", x)
}
