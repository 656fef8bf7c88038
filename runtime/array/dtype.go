package array

import (
	"github.com/sim-lang/sim/lang"
	rt "github.com/sim-lang/sim/runtime"
)

// DTypeObject is the script value of a dtype: np.float64, a.dtype. It
// compares equal to the same dtype and to its name, and calling it
// converts a value (np.float64(3) is 3.0).
type DTypeObject struct{ DT DType }

// Type implements runtime.Object.
func (d DTypeObject) Type() string { return "dtype" }

// String implements runtime.Object: dtype('float64').
func (d DTypeObject) String() string { return "dtype('" + d.DT.String() + "')" }

// Str implements runtime.HasStr: float64.
func (d DTypeObject) Str() string { return d.DT.String() }

// Truth implements runtime.Object.
func (d DTypeObject) Truth() (bool, error) { return true, nil }

// Name implements runtime.Callable.
func (d DTypeObject) Name() string { return d.DT.String() }

// Attr implements runtime.HasAttrs (name, kind).
func (d DTypeObject) Attr(name string) (rt.Value, error) {
	switch name {
	case "name":
		return rt.MakeStr(d.DT.String()), nil
	case "kind":
		return rt.MakeStr(string("bif"[d.DT])), nil
	}
	return rt.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (d DTypeObject) AttrNames() []string { return []string{"kind", "name"} }

// Call implements runtime.Callable: convert a scalar or array.
func (d DTypeObject) Call(th *rt.Thread, args []rt.Value, kwargs []rt.Kwarg) (rt.Value, error) {
	var x rt.Value
	if err := rt.UnpackArgs(d.DT.String(), args, kwargs, "x?", &x); err != nil {
		return rt.Value{}, err
	}
	if !x.IsValid() {
		x = rt.MakeInt(0)
	}
	if s, ok := rt.AsString(x); ok && d.DT == Float {
		switch s {
		case "nan":
			x = rt.MakeFloat(nan())
		case "inf":
			x = rt.MakeFloat(inf(1))
		case "-inf":
			x = rt.MakeFloat(inf(-1))
		}
	}
	a, err := From(x)
	if err != nil {
		return rt.Value{}, err
	}
	return result(a.AsType(d.DT)), nil
}

// Binary implements runtime.HasBinary for == and !=.
func (d DTypeObject) Binary(op lang.Op, other rt.Value, side rt.Side) (rt.Value, error) {
	if op != lang.Eq && op != lang.Ne {
		return rt.Value{}, nil
	}
	o, err := ParseDType(other)
	eq := err == nil && o == d.DT
	return rt.MakeBool(eq == (op == lang.Eq)), nil
}

var dtypeAliases = map[string]DType{
	"float64": Float, "float": Float, "f8": Float, "double": Float, "float_": Float,
	"int64": Int, "int": Int, "i8": Int, "int_": Int, "intp": Int,
	"bool": Bool, "bool_": Bool, "?": Bool,
}

// ParseDType reads a dtype argument: a dtype object, a name such as
// "float64" or "int", or the builtins float, int and bool.
func ParseDType(v rt.Value) (DType, error) {
	switch o := v.Obj().(type) {
	case DTypeObject:
		return o.DT, nil
	case rt.String:
		if dt, ok := dtypeAliases[string(o)]; ok {
			return dt, nil
		}
		return 0, rt.Errorf("data type '%s' not understood", string(o))
	case rt.Callable:
		if dt, ok := dtypeAliases[o.Name()]; ok {
			return dt, nil
		}
	}
	return 0, rt.Errorf("data type %s not understood", rt.Repr(v))
}
