// Package np is sim's numpy module: array construction, elementwise math
// with units, reductions, manipulation, sorting, linear algebra
// (np.linalg, via gonum) and seeded random generators (np.random). It
// registers itself as "numpy" and "np", and predeclares the elementwise
// functions that Brian2 scripts use without import (exp, sqrt, ...).
package np

import (
	"math"
	"sort"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

func init() {
	runtime.RegisterModule([]string{"numpy", "np"}, build)
	runtime.RegisterModule([]string{"numpy.linalg"}, buildLinalg)
	runtime.RegisterModule([]string{"numpy.random"}, buildRandom)
	predeclare()
}

// fn is the signature of the module's functions.
type fn = runtime.BuiltinFunc

// members collects the module table; each file adds its functions.
var members = map[string]fn{}

// memberFlags holds the runtime.BuiltinFlags of functions that have any.
var memberFlags = map[string]runtime.BuiltinFlags{}

func def(name string, f fn) { members[name] = f }

// defFlags defines a function with flags: FreshResult for those that
// always return a new array, InPlaceArgs for those that reuse a temporary
// argument's storage.
func defFlags(name string, flags runtime.BuiltinFlags, f fn) {
	members[name] = f
	memberFlags[name] = flags
}

func build() *runtime.Module {
	m := &runtime.Module{Name: "numpy", Members: map[string]runtime.Value{}}
	for name, f := range members {
		m.Members[name] = runtime.NewBuiltinFlags(name, memberFlags[name], f)
	}
	for name, v := range constants() {
		m.Members[name] = v
	}
	if l, ok := runtime.LoadModule("numpy.linalg"); ok {
		m.Members["linalg"] = runtime.MakeObj(l)
	}
	if r, ok := runtime.LoadModule("numpy.random"); ok {
		m.Members["random"] = runtime.MakeObj(r)
	}
	return m
}

func constants() map[string]runtime.Value {
	return map[string]runtime.Value{
		"pi":        runtime.MakeFloat(math.Pi),
		"e":         runtime.MakeFloat(math.E),
		"inf":       runtime.MakeFloat(math.Inf(1)),
		"nan":       runtime.MakeFloat(math.NaN()),
		"newaxis":   runtime.None,
		"s_":        runtime.MakeObj(indexExpression{}),
		"index_exp": runtime.MakeObj(indexExpression{tuple: true}),
		"r_":        runtime.MakeObj(rowConcat{}),
		"float64":   runtime.MakeObj(array.DTypeObject{DT: array.Float}),
		"float_":    runtime.MakeObj(array.DTypeObject{DT: array.Float}),
		"int64":     runtime.MakeObj(array.DTypeObject{DT: array.Int}),
		"int_":      runtime.MakeObj(array.DTypeObject{DT: array.Int}),
		"bool_":     runtime.MakeObj(array.DTypeObject{DT: array.Bool}),
		"ndarray":   runtime.MakeObj(array.DTypeObject{DT: array.Float}),
	}
}

// Names returns the names of the module's functions, sorted (for tests
// and documentation).
func Names() []string {
	out := make([]string, 0, len(members))
	for k := range members {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// toArray converts an argument to an array.
func toArray(v runtime.Value) (*array.Array, error) { return array.From(v) }

// toArrays converts a sequence argument (list/tuple of arrays) to arrays.
func toArrays(fname string, v runtime.Value) ([]*array.Array, error) {
	var elems []runtime.Value
	switch o := v.Obj().(type) {
	case runtime.Tuple:
		elems = o
	case *runtime.List:
		elems = o.Elems
	case *array.Array:
		n := o.Len()
		for k := 0; k < n; k++ {
			e, err := o.Index(runtime.MakeInt(int64(k)))
			if err != nil {
				return nil, err
			}
			elems = append(elems, e)
		}
	default:
		return nil, runtime.Errorf("%s() argument must be a sequence of arrays, not %s", fname, runtime.TypeName(v))
	}
	out := make([]*array.Array, len(elems))
	for k, e := range elems {
		a, err := toArray(e)
		if err != nil {
			return nil, err
		}
		out[k] = a
	}
	return out, nil
}

// ret wraps an array result, turning 0-d arrays into scalars.
func ret(a *array.Array, err error) (runtime.Value, error) {
	if err != nil {
		return runtime.Value{}, err
	}
	return array.Result(a), nil
}

// retArr wraps an array result, keeping 0-d arrays as arrays.
func retArr(a *array.Array, err error) (runtime.Value, error) {
	if err != nil {
		return runtime.Value{}, err
	}
	return array.Value(a), nil
}

// intArg reads an optional int argument that may be None.
func optInt(v runtime.Value, def int) (int, error) {
	if !v.IsValid() || v.IsNone() {
		return def, nil
	}
	i, ok := v.ToInt()
	if !ok {
		return 0, runtime.Errorf("'%s' object cannot be interpreted as an integer", runtime.TypeName(v))
	}
	return int(i), nil
}
