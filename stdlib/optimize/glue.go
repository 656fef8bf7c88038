package optimize

import (
	"fmt"
	"math"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/units"
)

// paramVec describes a vector of parameters, each with its own physical
// dimension; solvers see their SI values as plain floats.
type paramVec struct {
	dims []units.Dim
	// asArray is true when the input was an array (or a list of numbers
	// with one unit): results come back as an array.
	uniform bool
}

// parseParams reads a vector of parameters (array, list or tuple of
// numbers/quantities, or a scalar) into SI floats and their dimensions.
func parseParams(fname, what string, v runtime.Value) ([]float64, paramVec, error) {
	if a, ok := v.Obj().(*array.Array); ok {
		data := append([]float64(nil), a.Float64s()...)
		dims := make([]units.Dim, len(data))
		for i := range dims {
			dims[i] = a.Dim()
		}
		return data, paramVec{dims: dims, uniform: true}, nil
	}
	var elems []runtime.Value
	switch v.Obj().(type) {
	case runtime.Tuple, *runtime.List:
		var err error
		if elems, err = runtime.ToSlice(v); err != nil {
			return nil, paramVec{}, err
		}
	default:
		elems = []runtime.Value{v}
	}
	data := make([]float64, len(elems))
	pv := paramVec{dims: make([]units.Dim, len(elems)), uniform: true}
	for i, e := range elems {
		a, err := array.From(e)
		if err != nil || a.Size() != 1 {
			return nil, paramVec{}, runtime.Errorf("%s() %s must be a sequence of numbers, got %s at index %d", fname, what, runtime.TypeName(e), i)
		}
		data[i] = a.Float64s()[0]
		pv.dims[i] = a.Dim()
		if pv.dims[i] != pv.dims[0] {
			pv.uniform = false
		}
	}
	return data, pv, nil
}

// plain returns n dimensionless parameters.
func plain(n int) paramVec {
	return paramVec{dims: make([]units.Dim, n), uniform: true}
}

// scalar returns parameter i as a script value with its unit.
func (p paramVec) scalar(i int, x float64) runtime.Value {
	return runtime.MakeQuantity(x, p.dims[i])
}

// values appends the parameters as script values to dst.
func (p paramVec) values(dst []runtime.Value, x []float64) []runtime.Value {
	for i, v := range x {
		dst = append(dst, p.scalar(i, v))
	}
	return dst
}

// vector returns x as one array (one unit) or, for mixed units, a list of
// quantities.
func (p paramVec) vector(x []float64) runtime.Value {
	data := append([]float64(nil), x...)
	if p.uniform {
		var d units.Dim
		if len(p.dims) > 0 {
			d = p.dims[0]
		}
		return array.Value(array.New([]int{len(data)}, data, d))
	}
	return runtime.NewList(p.values(nil, data))
}

// matrix returns an n×n matrix whose (i, j) element has dimension
// dims[i]·dims[j] (a covariance); mixed units give SI floats.
func (p paramVec) matrix(m []float64) runtime.Value {
	n := len(p.dims)
	var d units.Dim
	if p.uniform && n > 0 {
		d = p.dims[0].Mul(p.dims[0])
	}
	return array.Value(array.New([]int{n, n}, append([]float64(nil), m...), d))
}

// floats converts a function result to SI floats and its dimension.
func floats(v runtime.Value) ([]float64, units.Dim, error) {
	if f, ok := v.ToFloat(); ok && v.Kind() != runtime.ObjKind {
		return []float64{f}, units.Dim{}, nil
	}
	a, err := array.From(v)
	if err != nil {
		return nil, units.Dim{}, err
	}
	return a.Float64s(), a.Dim(), nil
}

// scalarResult converts a function result that must be one number to a
// float and its dimension.
func scalarResult(fname string, v runtime.Value) (float64, units.Dim, error) {
	switch v.Kind() {
	case runtime.FloatKind, runtime.IntKind, runtime.BoolKind:
		f, _ := v.ToFloat()
		return f, units.Dim{}, nil
	}
	if q, ok := v.Obj().(runtime.Quantity); ok {
		return q.V, q.D, nil
	}
	a, err := array.From(v)
	if err != nil || a.Size() != 1 {
		return 0, units.Dim{}, runtime.Errorf("%s(): the objective function must return a scalar, not %s", fname, runtime.TypeName(v))
	}
	return a.Float64s()[0], a.Dim(), nil
}

// callable checks that v can be called.
func callable(fname, what string, v runtime.Value) error {
	if _, ok := v.Obj().(runtime.Callable); !ok {
		return runtime.Errorf("%s() %s must be callable, not %s", fname, what, runtime.TypeName(v))
	}
	return nil
}

// numParams returns how many parameters a script function takes after
// skip leading ones, or -1 when it cannot tell.
func numParams(f runtime.Value, skip int) int {
	if p, ok := f.Obj().(interface{ Params() []string }); ok {
		return len(p.Params()) - skip
	}
	return -1
}

// optFloat reads an optional number that may be None.
func optFloat(fname, name string, v runtime.Value, def float64) (float64, error) {
	if !v.IsValid() || v.IsNone() {
		return def, nil
	}
	f, ok := v.ToFloat()
	if !ok {
		if q, isQ := v.Obj().(runtime.Quantity); isQ {
			return q.V, nil
		}
		return 0, runtime.Errorf("%s() argument '%s' must be a number, not %s", fname, name, runtime.TypeName(v))
	}
	return f, nil
}

// optInt reads an optional int that may be None.
func optInt(fname, name string, v runtime.Value, def int) (int, error) {
	if !v.IsValid() || v.IsNone() {
		return def, nil
	}
	i, ok := v.ToInt()
	if !ok || v.Kind() == runtime.FloatKind {
		return 0, runtime.Errorf("%s() argument '%s' must be an int, not %s", fname, name, runtime.TypeName(v))
	}
	return int(i), nil
}

// optBool reads an optional bool.
func optBool(v runtime.Value, def bool) (bool, error) {
	if !v.IsValid() || v.IsNone() {
		return def, nil
	}
	return runtime.Truth(v)
}

// optString reads an optional string that may be None.
func optString(fname, name string, v runtime.Value, def string) (string, error) {
	if !v.IsValid() || v.IsNone() {
		return def, nil
	}
	s, ok := runtime.AsString(v)
	if !ok {
		return "", runtime.Errorf("%s() argument '%s' must be a str, not %s", fname, name, runtime.TypeName(v))
	}
	return s, nil
}

// parseBounds reads bounds as SciPy's curve_fit/least_squares take them: a
// pair (lb, ub) of scalars or sequences, broadcast to n parameters. Units
// must match the parameters'.
func parseBounds(fname string, v runtime.Value, pv paramVec) (lb, ub []float64, err error) {
	n := len(pv.dims)
	lb, ub = make([]float64, n), make([]float64, n)
	for i := range lb {
		lb[i], ub[i] = math.Inf(-1), math.Inf(1)
	}
	if !v.IsValid() || v.IsNone() {
		return lb, ub, nil
	}
	pair, err := runtime.ToSlice(v)
	if err != nil || len(pair) != 2 {
		return nil, nil, runtime.Errorf("%s() bounds must be a pair (lower, upper)", fname)
	}
	for side, dst := range [][]float64{lb, ub} {
		vals, bpv, err := parseParams(fname, "bounds", pair[side])
		if err != nil {
			return nil, nil, err
		}
		switch len(vals) {
		case 1:
			for i := range dst {
				dst[i] = vals[0]
				if err := boundDim(fname, bpv.dims[0], pv.dims[i], vals[0]); err != nil {
					return nil, nil, err
				}
			}
		case n:
			for i := range dst {
				dst[i] = vals[i]
				if err := boundDim(fname, bpv.dims[i], pv.dims[i], vals[i]); err != nil {
					return nil, nil, err
				}
			}
		default:
			return nil, nil, runtime.Errorf("%s() bounds have %d values for %d parameters", fname, len(vals), n)
		}
	}
	for i := range lb {
		if !(lb[i] < ub[i]) {
			return nil, nil, runtime.Errorf("%s() each lower bound must be strictly less than the upper bound (parameter %d)", fname, i)
		}
	}
	return lb, ub, nil
}

func boundDim(fname string, got, want units.Dim, v float64) error {
	if got == want || math.IsInf(v, 0) || v == 0 {
		return nil
	}
	return runtime.Errorf("%s() bounds have units of %s but the parameter has %s", fname, array.DimName(got), array.DimName(want))
}

// warn writes a warning line to the thread's stderr.
func warn(th *runtime.Thread, format string, args ...any) {
	if th != nil && th.Stderr != nil {
		fmt.Fprintf(th.Stderr, "warning: "+format+"\n", args...)
	}
}

// floatArray returns data as a 1-d dimensionless array value.
func floatArray(data []float64) runtime.Value {
	return array.Value(array.FromFloats(append([]float64(nil), data...)))
}
