package brian2

import (
	"fmt"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/runtime/engine"
	"github.com/sim-lang/sim/units"
)

var _ = def("TimedArray", newTimedArray)

// TimedArray is the script object of a timed array: callable from model
// code (ta(t), ta(t, i)) and from scripts.
type TimedArray struct {
	ta *engine.TimedArray
}

func newTimedArray(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var values, dt, name runtime.Value
	if err := runtime.UnpackArgs("TimedArray", args, kwargs, "values", &values, "dt", &dt, "name?", &name); err != nil {
		return runtime.Value{}, err
	}
	a, err := array.From(values)
	if err != nil {
		return runtime.Value{}, err
	}
	d, err := quantity("TimedArray", "dt", dt, secondDim)
	if err != nil {
		return runtime.Value{}, err
	}
	nm, err := optString("TimedArray", "name", name)
	if err != nil {
		return runtime.Value{}, err
	}
	nm = stateOf(th).uniqueName(nm, "timedarray")
	shape := a.Shape()
	var nt, ni int
	switch len(shape) {
	case 1:
		nt, ni = shape[0], 1
	case 2:
		nt, ni = shape[0], shape[1]
	default:
		return runtime.Value{}, runtime.Errorf("TimedArray needs a 1-d or 2-d array of values, got %d dimensions", len(shape))
	}
	data := append([]float64(nil), a.Float64s()...)
	ta, err := engine.NewTimedArray(nm, data, nt, ni, len(shape) == 2, a.Dim(), d)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("%v", err)
	}
	return runtime.MakeObj(&TimedArray{ta: ta}), nil
}

// Type implements runtime.Object.
func (T *TimedArray) Type() string { return "TimedArray" }

// String implements runtime.Object.
func (T *TimedArray) String() string {
	return fmt.Sprintf("<TimedArray '%s' of %d×%d values, dt=%s>", T.ta.Name(), T.ta.NT, T.ta.NI, units.Format(T.ta.Dt, secondDim))
}

// Truth implements runtime.Object.
func (T *TimedArray) Truth() (bool, error) { return true, nil }

// Name implements runtime.Callable.
func (T *TimedArray) Name() string { return T.ta.Name() }

// Call implements runtime.Callable: ta(t) or ta(t, i) from a script; t
// may be an array of times.
func (T *TimedArray) Call(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var t, i runtime.Value
	if err := runtime.UnpackArgs(T.ta.Name(), args, kwargs, "t", &t, "i?", &i); err != nil {
		return runtime.Value{}, err
	}
	if T.ta.TwoD != i.IsValid() {
		return runtime.Value{}, runtime.Errorf("%s() takes %d arguments", T.ta.Name(), T.ta.NumArgs())
	}
	ts, err := array.From(t)
	if err != nil {
		return runtime.Value{}, err
	}
	if ts.Dim() != secondDim && !(ts.Dim().IsDimensionless() && allZero(ts.Float64s())) {
		return runtime.Value{}, runtime.Errorf("%s() needs a time, got %s", T.ta.Name(), runtime.Repr(t))
	}
	args2 := [][]float64{ts.Float64s()}
	shape := ts.Shape()
	n := ts.Size()
	if i.IsValid() {
		is, err := array.From(i)
		if err != nil {
			return runtime.Value{}, err
		}
		args2 = append(args2, is.Float64s())
		if is.Size() > n {
			n, shape = is.Size(), is.Shape()
		}
	}
	out := make([]float64, n)
	if err := T.ta.Eval(args2, out); err != nil {
		return runtime.Value{}, runtime.Errorf("%v", err)
	}
	if len(shape) == 0 {
		return runtime.MakeQuantity(out[0], T.ta.Dim), nil
	}
	return quantityArray(out, shape, T.ta.Dim), nil
}

func allZero(xs []float64) bool {
	for _, x := range xs {
		if x != 0 {
			return false
		}
	}
	return true
}

// Attr implements runtime.HasAttrs.
func (T *TimedArray) Attr(name string) (runtime.Value, error) {
	switch name {
	case "values":
		shape := []int{T.ta.NT}
		if T.ta.TwoD {
			shape = append(shape, T.ta.NI)
		}
		return quantityArray(append([]float64{}, T.ta.Values...), shape, T.ta.Dim), nil
	case "dt":
		return runtime.MakeQuantity(T.ta.Dt, secondDim), nil
	case "name":
		return runtime.MakeStr(T.ta.Name()), nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (T *TimedArray) AttrNames() []string { return []string{"values", "dt", "name"} }
