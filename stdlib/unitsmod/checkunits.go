package unitsmod

import (
	"sort"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

// check_units(**au) is Brian2's decorator that checks the units of a
// function's arguments (and, with result=, of its return value) at every
// call: `@check_units(v=volt, n=1, flag=bool, w='v', result=amp)`. A unit
// (or 1 for dimensionless) requires that dimension, bool requires a bool,
// a string requires the same unit as the argument it names, None checks
// nothing. Arguments left to their defaults are not checked.
func checkUnits(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	if len(args) > 0 {
		return value{}, runtime.Errorf("check_units() takes keyword arguments only (argument=unit)")
	}
	specs := make([]runtime.Kwarg, 0, len(kw))
	var result value
	for _, k := range kw {
		if k.Name == "result" {
			result = k.Value
			continue
		}
		specs = append(specs, k)
	}
	sort.Slice(specs, func(i, j int) bool { return specs[i].Name < specs[j].Name })
	return runtime.NewBuiltin("check_units_decorator", func(th *runtime.Thread, args []value, kw kwargs) (value, error) {
		var f value
		if err := runtime.UnpackArgs("check_units", args, kw, "f", &f); err != nil {
			return value{}, err
		}
		c, ok := f.Obj().(runtime.Callable)
		if !ok {
			return value{}, runtime.Errorf("check_units can only decorate a function, not %s", runtime.TypeName(f))
		}
		w := &unitChecked{fn: f, name: c.Name(), specs: specs, result: result}
		if sf, ok := f.Obj().(*runtime.Function); ok {
			w.params = sf.Params()
		}
		return runtime.MakeObj(w), nil
	}), nil
}

// unitChecked is a function wrapped by check_units.
type unitChecked struct {
	fn     value
	name   string
	params []string // the wrapped script function's parameters (nil for builtins)
	specs  []runtime.Kwarg
	result value // the required unit of the result (invalid: none)
}

// Type, String, Truth and Name implement runtime.Callable.
func (w *unitChecked) Type() string         { return "function" }
func (w *unitChecked) String() string       { return "<function " + w.name + ">" }
func (w *unitChecked) Truth() (bool, error) { return true, nil }
func (w *unitChecked) Name() string         { return w.name }

// Call implements runtime.Callable: check the arguments, call, check the
// result.
func (w *unitChecked) Call(th *runtime.Thread, args []value, kw kwargs) (value, error) {
	for _, s := range w.specs {
		v, given := w.arg(s.Name, args, kw)
		if !given {
			continue
		}
		if err := w.checkArg(s.Name, s.Value, v, args, kw); err != nil {
			return value{}, err
		}
	}
	out, err := runtime.Call(th, w.fn, args, kw)
	if err != nil || !w.result.IsValid() || w.result.IsNone() {
		return out, err
	}
	want, ok := dimOf(w.result)
	if !ok {
		return value{}, runtime.Errorf("check_units: result must be given a unit, not %s", runtime.TypeName(w.result))
	}
	if got, ok := dimOf(out); !ok || got != want {
		return value{}, runtime.Errorf("DimensionMismatchError: The return value of function '%s' was expected to have unit %s but was %s (unit is %s)",
			w.name, units.DimName(want), runtime.Repr(out), unitOf(out))
	}
	return out, nil
}

// arg finds the value passed for the parameter name.
func (w *unitChecked) arg(name string, args []value, kw kwargs) (value, bool) {
	for _, k := range kw {
		if k.Name == name {
			return k.Value, true
		}
	}
	for i, p := range w.params {
		if p == name && i < len(args) {
			return args[i], true
		}
	}
	return value{}, false
}

// checkArg checks one argument against its requirement.
func (w *unitChecked) checkArg(name string, spec, v value, args []value, kw kwargs) error {
	if spec.IsNone() {
		return nil
	}
	if t, ok := spec.Obj().(*runtime.Type); ok && t.Name() == "bool" {
		if v.Kind() != runtime.BoolKind {
			return runtime.Errorf("TypeError: Function '%s' expected a boolean value for argument '%s' but got %s", w.name, name, runtime.Repr(v))
		}
		return nil
	}
	if other, ok := runtime.AsString(spec); ok {
		ov, given := w.arg(other, args, kw)
		if !given {
			return nil
		}
		d1, ok1 := dimOf(v)
		d2, ok2 := dimOf(ov)
		if !ok1 || !ok2 || d1 != d2 {
			return runtime.Errorf("DimensionMismatchError: Function '%s' expected the argument '%s' to have the same units as argument '%s', but argument '%s' has unit %s, while argument '%s' has unit %s",
				w.name, name, other, name, unitOf(v), other, unitOf(ov))
		}
		return nil
	}
	want, ok := dimOf(spec)
	if !ok {
		return runtime.Errorf("check_units: the requirement for '%s' must be a unit, 1, bool, None or another argument's name, not %s", name, runtime.TypeName(spec))
	}
	if got, ok := dimOf(v); !ok || got != want {
		return runtime.Errorf("DimensionMismatchError: Function '%s' expected a quantity with unit %s for argument '%s' but got %s (unit is %s)",
			w.name, units.DimName(want), name, runtime.Repr(v), unitOf(v))
	}
	return nil
}

// unitOf names the unit of a value for messages ("1" for numbers, "?"
// for values without one).
func unitOf(v value) string {
	if d, ok := dimOf(v); ok {
		return units.DimName(d)
	}
	return runtime.TypeName(v)
}
