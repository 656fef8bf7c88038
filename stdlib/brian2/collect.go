package brian2

import (
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/engine"
	"github.com/sim-lang/sim/stdlib/unitsmod"
)

var _ = def("collect", collect)

func init() {
	mn := runtime.MakeObj(magicNetworkProxy{})
	runtime.Predeclare("magic_network", mn)
	unitsmod.AddBrian2Member("magic_network", mn)
}

// createdKey is the thread-local key of the script values of the objects
// a script created (see remember).
const createdKey = "brian2.created"

// created maps engine objects to the script values that stand for them,
// so that collect() returns the very objects the script holds.
type created struct {
	vals map[engine.Object]runtime.Value
}

// remembered wraps a builtin so that the objects it creates are
// remembered for collect().
func remembered(f runtime.BuiltinFunc) runtime.BuiltinFunc {
	return func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		v, err := f(th, args, kwargs)
		if err == nil && v.Kind() == runtime.ObjKind {
			remember(th, v)
		}
		return v, err
	}
}

// remember records v when it stands for an object of a network.
func remember(th *runtime.Thread, v runtime.Value) {
	o, err := engineObject(v)
	if err != nil {
		return
	}
	c, _ := th.Local(createdKey).(*created)
	if c == nil {
		c = &created{vals: map[engine.Object]runtime.Value{}}
		th.SetLocal(createdKey, c)
	}
	c.vals[o] = v
	// forget objects that start_scope() left behind, now and then
	magic := stateOf(th).magic
	if len(c.vals) > 2*len(magic.Objects)+64 {
		keep := make(map[engine.Object]runtime.Value, len(magic.Objects))
		for _, x := range magic.Objects {
			if v, ok := c.vals[x]; ok {
				keep[x] = v
			}
		}
		c.vals = keep
	}
}

// collect is collect(level=0): the objects run() would simulate, as a
// list in the order they were created. sim's magic network holds every
// object created since the last start_scope() (Brian2 looks for them in
// the caller's frame; level is accepted for compatibility).
func collect(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var level runtime.Value
	if err := runtime.UnpackArgs("collect", args, kwargs, "level?", &level); err != nil {
		return runtime.Value{}, err
	}
	if level.IsValid() && !level.IsNone() {
		if k, ok := level.ToInt(); !ok || k < 0 || level.Kind() == runtime.BoolKind {
			return runtime.Value{}, runtime.Errorf("collect() argument 'level' must be a non-negative int, not %s", runtime.Repr(level))
		}
	}
	c, _ := th.Local(createdKey).(*created)
	var out []runtime.Value
	for _, o := range stateOf(th).magic.Objects {
		if c == nil {
			break
		}
		if v, ok := c.vals[o]; ok {
			out = append(out, v)
		}
	}
	return runtime.NewList(out), nil
}

// magicNetworkProxy is `magic_network`: the implicit network of every
// interpreter, seen from the thread that uses it.
type magicNetworkProxy struct{}

// ForThread implements runtime.PerThread.
func (magicNetworkProxy) ForThread(th *runtime.Thread) runtime.Value {
	return runtime.MakeObj(magicView{stateOf(th)})
}

// Type implements runtime.Object.
func (magicNetworkProxy) Type() string { return "MagicNetwork" }

// String implements runtime.Object.
func (magicNetworkProxy) String() string { return "MagicNetwork()" }

// Truth implements runtime.Object.
func (magicNetworkProxy) Truth() (bool, error) { return true, nil }

// magicView is the magic network of one interpreter: a Network that
// run(), store() and restore() use, which cannot be changed directly.
type magicView struct{ st *state }

// Type implements runtime.Object.
func (magicView) Type() string { return "MagicNetwork" }

// String implements runtime.Object.
func (magicView) String() string { return "MagicNetwork()" }

// Truth implements runtime.Object.
func (magicView) Truth() (bool, error) { return true, nil }

// AttrNames implements runtime.HasAttrs.
func (m magicView) AttrNames() []string { return (&Network{}).AttrNames() }

// Attr implements runtime.HasAttrs: those of a Network, with add and
// remove refusing (the magic network follows the objects created).
func (m magicView) Attr(name string) (runtime.Value, error) {
	switch name {
	case "add", "remove":
		return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return runtime.Value{}, runtime.Errorf("cannot directly modify MagicNetwork: create objects (or start_scope()) to change what run() simulates, or use a Network")
		}), nil
	}
	return (&Network{net: m.st.magic}).Attr(name)
}
