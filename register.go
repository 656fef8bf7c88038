package sim

import (
	"context"
	"fmt"
	"reflect"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

// Register makes the Go function fn callable from scripts under name.
// paramNames name fn's parameters, so that scripts may pass them by
// keyword and errors name them; without names they are arg1, arg2...
//
// Parameters may be float64, float32, int, int64, bool, string, []float64,
// Quantity, Array, any (converted as by Get), runtime.Value (unconverted),
// and a leading context.Context (receives the running script's context).
// Results: none, one value, or a value and an error; a non-nil error is
// raised in the script at the call's position.
func (in *Interp) Register(name string, fn any, paramNames ...string) error {
	rv := reflect.ValueOf(fn)
	if rv.Kind() != reflect.Func {
		return fmt.Errorf("sim.Register(%q): want a function, got %T", name, fn)
	}
	v, err := wrapFunc(name, rv, paramNames)
	if err != nil {
		return fmt.Errorf("sim.Register(%q): %w", name, err)
	}
	in.env.Set(name, v)
	return nil
}

var (
	ctxType      = reflect.TypeOf((*context.Context)(nil)).Elem()
	errorType    = reflect.TypeOf((*error)(nil)).Elem()
	valueType    = reflect.TypeOf(runtime.Value{})
	quantityType = reflect.TypeOf(Quantity{})
	arrayType    = reflect.TypeOf(Array{})
	floatsType   = reflect.TypeOf([]float64(nil))
	anyType      = reflect.TypeOf((*any)(nil)).Elem()
)

// wrapFunc builds a builtin that converts arguments by fn's parameter
// types, calls fn, and converts its results back.
func wrapFunc(name string, fn reflect.Value, paramNames []string) (runtime.Value, error) {
	t := fn.Type()
	if t.IsVariadic() {
		return runtime.Value{}, fmt.Errorf("variadic functions are not supported")
	}
	first := 0
	if t.NumIn() > 0 && t.In(0) == ctxType {
		first = 1
	}
	nparams := t.NumIn() - first
	names := make([]string, nparams)
	for i := range names {
		if i < len(paramNames) {
			names[i] = paramNames[i]
		} else {
			names[i] = fmt.Sprintf("arg%d", i+1)
		}
	}
	if len(paramNames) > nparams {
		return runtime.Value{}, fmt.Errorf("%d parameter names for %d parameters", len(paramNames), nparams)
	}
	nout := t.NumOut()
	if nout > 2 || nout == 2 && t.Out(1) != errorType {
		return runtime.Value{}, fmt.Errorf("results must be (), (T), (error) or (T, error)")
	}
	for i := first; i < t.NumIn(); i++ {
		if !convertible(t.In(i)) {
			return runtime.Value{}, fmt.Errorf("parameter %s has unsupported type %s", names[i-first], t.In(i))
		}
	}
	call := func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		vals := make([]runtime.Value, nparams)
		pairs := make([]any, 0, 2*nparams)
		for i := range vals {
			pairs = append(pairs, names[i], &vals[i])
		}
		if err := runtime.UnpackArgs(name, args, kwargs, pairs...); err != nil {
			return runtime.Value{}, err
		}
		in := make([]reflect.Value, 0, t.NumIn())
		if first == 1 {
			in = append(in, reflect.ValueOf(th.Ctx))
		}
		for i, v := range vals {
			gv, err := argToGo(v, t.In(i+first))
			if err != nil {
				return runtime.Value{}, runtime.Errorf("%s() argument '%s' %v", name, names[i], err)
			}
			in = append(in, gv)
		}
		out := fn.Call(in)
		if nout > 0 && t.Out(nout-1) == errorType {
			if e := out[nout-1]; !e.IsNil() {
				return runtime.Value{}, runtime.Errorf("%s(): %v", name, e.Interface())
			}
			out = out[:nout-1]
		}
		if len(out) == 0 {
			return runtime.None, nil
		}
		return fromGo(out[0].Interface())
	}
	return runtime.NewBuiltin(name, call), nil
}

func convertible(t reflect.Type) bool {
	switch t {
	case valueType, quantityType, arrayType, floatsType, anyType:
		return true
	}
	switch t.Kind() {
	case reflect.Float64, reflect.Float32, reflect.Int, reflect.Int64, reflect.Int32, reflect.Bool, reflect.String:
		return true
	}
	return false
}

// argToGo converts one script argument to the Go parameter type t.
func argToGo(v runtime.Value, t reflect.Type) (reflect.Value, error) {
	switch t {
	case valueType:
		return reflect.ValueOf(v), nil
	case anyType:
		g, err := toGo(v)
		if err != nil {
			return reflect.Value{}, err
		}
		if g == nil {
			return reflect.Zero(anyType), nil
		}
		return reflect.ValueOf(&g).Elem(), nil
	case quantityType:
		if q, ok := v.Obj().(runtime.Quantity); ok {
			return reflect.ValueOf(Quantity{q.V, q.D}), nil
		}
		if f, ok := v.ToFloat(); ok {
			return reflect.ValueOf(Quantity{Value: f}), nil
		}
		return reflect.Value{}, fmt.Errorf("must be a quantity, not %s", runtime.TypeName(v))
	case arrayType, floatsType:
		a, err := toArray(v)
		if err != nil {
			return reflect.Value{}, err
		}
		if t == arrayType {
			return reflect.ValueOf(a), nil
		}
		if len(a.Shape) != 1 || !a.Dim.IsDimensionless() {
			return reflect.Value{}, fmt.Errorf("must be a 1-d dimensionless array, got shape %v with unit %s", a.Shape, units.DimName(a.Dim))
		}
		return reflect.ValueOf(a.Data), nil
	}
	switch t.Kind() {
	case reflect.Float64, reflect.Float32:
		f, ok := v.ToFloat()
		if !ok {
			return reflect.Value{}, fmt.Errorf("must be a number, not %s", runtime.TypeName(v))
		}
		return reflect.ValueOf(f).Convert(t), nil
	case reflect.Int, reflect.Int64, reflect.Int32:
		i, ok := v.ToInt()
		if !ok {
			return reflect.Value{}, fmt.Errorf("must be an int, not %s", runtime.TypeName(v))
		}
		return reflect.ValueOf(i).Convert(t), nil
	case reflect.Bool:
		if v.Kind() != runtime.BoolKind {
			return reflect.Value{}, fmt.Errorf("must be a bool, not %s", runtime.TypeName(v))
		}
		return reflect.ValueOf(v.AsBool()), nil
	case reflect.String:
		s, ok := runtime.AsString(v)
		if !ok {
			return reflect.Value{}, fmt.Errorf("must be a str, not %s", runtime.TypeName(v))
		}
		return reflect.ValueOf(s), nil
	}
	return reflect.Value{}, fmt.Errorf("has unsupported type %s", t)
}

// toArray converts a list, number or array argument to an Array.
func toArray(v runtime.Value) (Array, error) {
	if _, ok := v.Obj().(runtime.HasFloats); !ok && runtime.ToArray != nil {
		av, err := runtime.ToArray(v)
		if err != nil {
			return Array{}, err
		}
		v = av
	}
	hf, ok := v.Obj().(runtime.HasFloats)
	if !ok {
		return Array{}, fmt.Errorf("must be an array, not %s", runtime.TypeName(v))
	}
	data, shape, dim := hf.Floats()
	return Array{Shape: append([]int(nil), shape...), Data: append([]float64(nil), data...), Dim: dim}, nil
}
