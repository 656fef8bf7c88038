package brian2

import (
	"fmt"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/engine"
)

var (
	_ = def("network_operation", networkOperation)
	_ = def("NetworkOperation", newNetworkOperation)
)

// NetworkOperation is the script object of Brian2's NetworkOperation: a
// script function called at every step of a clock during a run.
type NetworkOperation struct {
	op *engine.NetworkOperation
	fn runtime.Value
}

// netopParams are the keyword arguments of NetworkOperation and
// network_operation besides the function, in Brian2's order.
var netopParams = []string{"dt", "clock", "when", "order", "name"}

// networkOperation is network_operation(function=None, dt=None,
// clock=None, when='start', order=0, name=...): called with a function
// it returns the NetworkOperation; called with keywords only it returns
// a decorator that makes one from the function it is given. Brian2
// silently drops the keywords of network_operation(f, when='end'); sim
// applies them, as the caller meant.
func networkOperation(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "network_operation"
	if len(args) == 1 {
		return makeNetop(th, fn, args[0], kwargs)
	}
	if len(args) > 1 {
		return runtime.Value{}, runtime.Errorf("%s() takes the function as its only positional argument; give dt, clock, when, order and name as keywords", fn)
	}
	// keywords only: check them now, apply them to the function later
	if err := checkNetopKwargs(fn, kwargs); err != nil {
		return runtime.Value{}, err
	}
	kw := append([]runtime.Kwarg(nil), kwargs...)
	return runtime.NewBuiltin(fn, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		if len(args) != 1 || len(kwargs) != 0 {
			return runtime.Value{}, runtime.Errorf("%s(...) makes a network operation from one function: call it with the function only", fn)
		}
		return makeNetop(th, fn, args[0], kw)
	}), nil
}

// newNetworkOperation is NetworkOperation(function, dt=None, clock=None,
// when='start', order=0, name='networkoperation*').
func newNetworkOperation(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "NetworkOperation"
	var f runtime.Value
	rest := kwargs[:0:0]
	for _, kw := range kwargs {
		if kw.Name == "function" {
			f = kw.Value
		} else {
			rest = append(rest, kw)
		}
	}
	switch {
	case len(args) == 1 && !f.IsValid():
		f = args[0]
	case len(args) > 1:
		return runtime.Value{}, runtime.Errorf("%s() takes the function as its only positional argument; give dt, clock, when, order and name as keywords", fn)
	case !f.IsValid():
		return runtime.Value{}, runtime.Errorf("%s() missing 1 required argument: 'function'", fn)
	case len(args) == 1:
		return runtime.Value{}, runtime.Errorf("%s() got multiple values for argument 'function'", fn)
	}
	return makeNetop(th, fn, f, rest)
}

// checkNetopKwargs rejects keywords NetworkOperation does not take.
func checkNetopKwargs(fn string, kwargs []runtime.Kwarg) error {
	for _, kw := range kwargs {
		known := false
		for _, p := range netopParams {
			known = known || kw.Name == p
		}
		if !known {
			return runtime.Errorf("%s() got an unexpected keyword argument '%s'%s", fn, kw.Name, runtime.Suggest(kw.Name, netopParams))
		}
	}
	return nil
}

// makeNetop builds a NetworkOperation calling f and adds it to the magic
// network.
func makeNetop(th *runtime.Thread, fn string, f runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var dt, clock, when, order, name runtime.Value
	if err := checkNetopKwargs(fn, kwargs); err != nil {
		return runtime.Value{}, err
	}
	if err := runtime.UnpackArgs(fn, nil, kwargs, "dt?", &dt, "clock?", &clock, "when?", &when, "order?", &order, "name?", &name); err != nil {
		return runtime.Value{}, err
	}
	hasArg, err := netopArity(fn, f)
	if err != nil {
		return runtime.Value{}, err
	}
	st := stateOf(th)
	given := func(v runtime.Value) bool { return v.IsValid() && !v.IsNone() }
	if given(dt) && given(clock) {
		return runtime.Value{}, runtime.Errorf("can only specify either a dt or a clock, not both")
	}
	w := "start"
	if given(when) {
		s, ok := runtime.AsString(when)
		if !ok {
			if isClock(when) {
				return runtime.Value{}, runtime.Errorf("do not use the 'when' argument for specifying a clock, either provide a timestep for the 'dt' argument or a Clock object for 'clock'")
			}
			return runtime.Value{}, runtime.Errorf("the 'when' argument has to be a string specifying the scheduling slot (e.g. 'start'), not %s", runtime.TypeName(when))
		}
		w = s
	}
	o := 0
	if given(order) {
		k, ok := order.ToInt()
		if !ok || order.Kind() == runtime.BoolKind {
			return runtime.Value{}, runtime.Errorf("%s() argument 'order' must be an int, not %s", fn, runtime.TypeName(order))
		}
		o = int(k)
	}
	nm, err := optString(fn, "name", name)
	if err != nil {
		return runtime.Value{}, err
	}
	nm = st.uniqueName(nm, "networkoperation")
	c := st.defaultClock
	switch {
	case given(dt):
		d, err := quantity(fn, "dt", dt, secondDim)
		if err != nil {
			return runtime.Value{}, err
		}
		c = engine.NewClock(st.uniqueName("", nm+"_clock"), d)
		if err := c.SetDt(d); err != nil {
			return runtime.Value{}, runtime.Errorf("%v", err)
		}
	case given(clock):
		cc, ok := clockOf(th, clock)
		if !ok {
			return runtime.Value{}, runtime.Errorf("%s() argument 'clock' must be a Clock (such as defaultclock), not %s", fn, runtime.TypeName(clock))
		}
		c = cc
	}
	call := func(t float64) error {
		var args []runtime.Value
		if hasArg {
			args = []runtime.Value{runtime.MakeQuantity(t, secondDim)}
		}
		_, err := runtime.Call(th, f, args, nil)
		return err
	}
	op, err := engine.NewNetworkOperation(nm, call, c, w, o)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("%v", err)
	}
	if err := st.magic.Add(op); err != nil {
		return runtime.Value{}, runtime.Errorf("%v", err)
	}
	v := runtime.MakeObj(&NetworkOperation{op: op, fn: f})
	remember(th, v)
	return v, nil
}

// netopArity applies Brian2's rule for the function of a network
// operation: a script function takes either no positional argument or
// one (the time t); other callables are called without arguments.
func netopArity(fn string, f runtime.Value) (bool, error) {
	if _, ok := f.Obj().(runtime.Callable); !ok || f.Kind() != runtime.ObjKind {
		return false, runtime.Errorf("%s() needs a function to call at every time step, not %s", fn, runtime.TypeName(f))
	}
	sf, ok := f.Obj().(*runtime.Function)
	if !ok {
		return false, nil
	}
	params := sf.Params()[:sf.NumPos()]
	if len(params) >= 1 && params[0] == "self" {
		return false, runtime.Errorf("the first argument of the function '%s' is 'self', suggesting it is an instance method and not a function", sf.Name())
	}
	switch len(params) {
	case 0:
		return false, nil
	case 1:
		return true, nil
	}
	return false, runtime.Errorf("function '%s' cannot be used as a network operation, it needs to have either only 't' as an argument or have no arguments, but it has %d arguments", sf.Name(), len(params))
}

// isClock reports whether v is a Clock script object.
func isClock(v runtime.Value) bool {
	switch v.Obj().(type) {
	case clockView, defaultClockProxy:
		return v.Kind() == runtime.ObjKind
	}
	return false
}

// clockOf returns the engine clock of a Clock script object.
func clockOf(th *runtime.Thread, v runtime.Value) (*engine.Clock, bool) {
	if v.Kind() != runtime.ObjKind {
		return nil, false
	}
	switch c := v.Obj().(type) {
	case clockView:
		return c.c, true
	case defaultClockProxy:
		return stateOf(th).defaultClock, true
	}
	return nil, false
}

// Type implements runtime.Object.
func (N *NetworkOperation) Type() string { return "NetworkOperation" }

// String implements runtime.Object, as Brian2's repr of a BrianObject.
func (N *NetworkOperation) String() string {
	return fmt.Sprintf("NetworkOperation(clock=%s, when=%s, order=%d, name='%s')", clockView{N.op.Clock}.String(), N.op.When(), N.op.Order(), N.op.Name())
}

// Truth implements runtime.Object.
func (N *NetworkOperation) Truth() (bool, error) { return true, nil }

var netopAttrNames = []string{"active", "clock", "dt", "function", "name", "order", "when"}

// AttrNames implements runtime.HasAttrs.
func (N *NetworkOperation) AttrNames() []string { return netopAttrNames }

// Attr implements runtime.HasAttrs.
func (N *NetworkOperation) Attr(name string) (runtime.Value, error) {
	switch name {
	case "active":
		return runtime.MakeBool(N.op.Active()), nil
	case "clock":
		return runtime.MakeObj(clockView{N.op.Clock}), nil
	case "dt":
		return runtime.MakeQuantity(N.op.Clock.Dt(), secondDim), nil
	case "function":
		return N.fn, nil
	case "name":
		return runtime.MakeStr(N.op.Name()), nil
	case "order":
		return runtime.MakeInt(int64(N.op.Order())), nil
	case "when":
		return runtime.MakeStr(N.op.When()), nil
	}
	return runtime.Value{}, nil
}

// SetAttr implements runtime.HasSetAttr: active, when and order can be
// changed (when and order take effect at the next run).
func (N *NetworkOperation) SetAttr(name string, v runtime.Value) error {
	switch name {
	case "active":
		b, err := runtime.Truth(v)
		if err != nil {
			return err
		}
		N.op.SetActive(b)
		return nil
	case "when":
		s, ok := runtime.AsString(v)
		if !ok {
			return runtime.Errorf("the 'when' attribute has to be a string specifying the scheduling slot (e.g. 'start'), not %s", runtime.TypeName(v))
		}
		if err := N.op.SetWhen(s); err != nil {
			return runtime.Errorf("%v", err)
		}
		return nil
	case "order":
		k, ok := v.ToInt()
		if !ok || v.Kind() == runtime.BoolKind {
			return runtime.Errorf("the 'order' attribute must be an int, not %s", runtime.TypeName(v))
		}
		N.op.SetOrder(int(k))
		return nil
	case "clock", "dt", "name", "function":
		return runtime.Errorf("the '%s' attribute of a NetworkOperation cannot be changed after it is created", name)
	}
	return runtime.Errorf("'NetworkOperation' object has no attribute '%s'%s", name, runtime.Suggest(name, netopAttrNames))
}
