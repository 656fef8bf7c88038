package brian2

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/runtime/engine"
	"github.com/sim-lang/sim/units"
)

// Group is a NeuronGroup or a subgroup of one (G[10:20]) as a script
// object.
type Group struct {
	g   *engine.NeuronGroup
	src engine.Source
	st  *state
}

var _ = def("NeuronGroup", newNeuronGroup)

func newNeuronGroup(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "NeuronGroup"
	var nV, modelV, threshold, reset, refractory, method, dt, events, namespace, name, order runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "N", &nV, "model", &modelV, "threshold?", &threshold,
		"reset?", &reset, "refractory?", &refractory, "method?", &method, "dt?", &dt,
		"events?", &events, "namespace?", &namespace, "name?", &name, "order?", &order); err != nil {
		return runtime.Value{}, err
	}
	n, err := countArg(fn, "N", nV)
	if err != nil {
		return runtime.Value{}, err
	}
	st := stateOf(th)
	cfg := engine.GroupConfig{N: n, Clock: st.defaultClock}
	if cfg.Model, err = modelString(fn, modelV); err != nil {
		return runtime.Value{}, err
	}
	if cfg.Threshold, err = optString(fn, "threshold", threshold); err != nil {
		if _, ok := threshold.Obj().(runtime.Quantity); ok {
			return runtime.Value{}, runtime.Errorf("threshold condition has to be a string, not a quantity: probably you intended to use 'v > ...'?")
		}
		return runtime.Value{}, err
	}
	if cfg.Reset, err = optString(fn, "reset", reset); err != nil {
		return runtime.Value{}, err
	}
	if cfg.Method, err = optString(fn, "method", method); err != nil {
		return runtime.Value{}, err
	}
	if cfg.Refractory, err = parseRefractory(refractory); err != nil {
		return runtime.Value{}, err
	}
	if dt.IsValid() && !dt.IsNone() {
		d, err := quantity(fn, "dt", dt, secondDim)
		if err != nil {
			return runtime.Value{}, err
		}
		cfg.Clock = engine.NewClock(st.uniqueName("", "clock"), d)
		if err := cfg.Clock.SetDt(d); err != nil {
			return runtime.Value{}, err
		}
	}
	if events.IsValid() && !events.IsNone() {
		d, ok := events.Obj().(*runtime.Dict)
		if !ok {
			return runtime.Value{}, runtime.Errorf("NeuronGroup() argument 'events' must be a dict of name: condition")
		}
		cfg.Events = map[string]string{}
		for _, k := range d.Keys() {
			ks, ok1 := runtime.AsString(k)
			v, _, _ := d.Get(k)
			vs, ok2 := runtime.AsString(v)
			if !ok1 || !ok2 {
				return runtime.Value{}, runtime.Errorf("the 'events' dict must map event names to condition strings")
			}
			cfg.Events[ks] = vs
		}
	}
	if cfg.Namespace, err = dictNamespace(namespace); err != nil {
		return runtime.Value{}, err
	}
	if order.IsValid() {
		o, ok := order.ToInt()
		if !ok {
			return runtime.Value{}, runtime.Errorf("NeuronGroup() argument 'order' must be an int")
		}
		cfg.Order = int(o)
	}
	nm, err := optString(fn, "name", name)
	if err != nil {
		return runtime.Value{}, err
	}
	cfg.Name = st.uniqueName(nm, "neurongroup")
	g, err := engine.NewNeuronGroup(cfg)
	if err != nil {
		return runtime.Value{}, err
	}
	st.groups++
	g.Seed = seedFor(st.seed, st.groups)
	if err := st.magic.Add(g); err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(&Group{g: g, src: engine.Whole(g), st: st}), nil
}

func seedFor(seed uint64, k int) uint64 {
	z := seed + uint64(k)*0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// parseRefractory reads refractory=: False/None, a time, or a string.
func parseRefractory(v runtime.Value) (engine.Refractory, error) {
	if !v.IsValid() || v.IsNone() || (v.Kind() == runtime.BoolKind && !v.AsBool()) {
		return engine.Refractory{}, nil
	}
	if s, ok := runtime.AsString(v); ok {
		return engine.Refractory{Kind: engine.RefractoryExpr, Expr: s}, nil
	}
	p, err := quantity("NeuronGroup", "refractory", v, secondDim)
	if err != nil {
		return engine.Refractory{}, runtime.Errorf("refractory period has to be specified in units of seconds (or as a string expression), got %s", runtime.Repr(v))
	}
	return engine.Refractory{Kind: engine.RefractoryPeriod, Period: p}, nil
}

// Type implements runtime.Object.
func (G *Group) Type() string { return "NeuronGroup" }

// String implements runtime.Object.
func (G *Group) String() string {
	if G.src.Start != 0 || G.src.Stop != G.g.N {
		return fmt.Sprintf("<Subgroup '%s' of '%s' from %d to %d>", G.src.Name(), G.g.Name(), G.src.Start, G.src.Stop)
	}
	return fmt.Sprintf("NeuronGroup(clock=%s, name='%s')", units.Format(G.g.Clock.Dt(), secondDim), G.g.Name())
}

// Truth implements runtime.Object.
func (G *Group) Truth() (bool, error) { return true, nil }

// Len implements runtime.Sequence.
func (G *Group) Len() int { return G.src.Len() }

// Index implements runtime.Indexable: G[a:b] is a subgroup, G[k] a
// one-neuron subgroup.
func (G *Group) Index(key runtime.Value) (runtime.Value, error) {
	n := G.src.Len()
	lo, hi := 0, n
	switch k := key.Obj().(type) {
	case *runtime.Slice:
		start, stop, step, _, err := k.Indices(n)
		if err != nil {
			return runtime.Value{}, err
		}
		if step != 1 {
			return runtime.Value{}, runtime.Errorf("subgroups can only be constructed using contiguous indices (step 1)")
		}
		lo, hi = start, stop
	default:
		i, ok := key.ToInt()
		if !ok {
			return runtime.Value{}, runtime.Errorf("subgroups are made with a slice (G[10:20]) or an index, not %s", runtime.TypeName(key))
		}
		if i < 0 {
			i += int64(n)
		}
		if i < 0 || int(i) >= n {
			return runtime.Value{}, runtime.Errorf("index %d out of range for a group of %d neurons", i, n)
		}
		lo, hi = int(i), int(i)+1
	}
	src, err := G.src.Sub(lo, hi)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("%v", err)
	}
	return runtime.MakeObj(&Group{g: G.g, src: src, st: G.st}), nil
}

// methods of groups.
var groupMethods = map[string]func(G *Group, th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error){
	"run_regularly": (*Group).runRegularly,
	"run_on_event":  (*Group).runOnEvent,
	"dump_bytecode": (*Group).dumpBytecode,
}

// Attr implements runtime.HasAttrs.
func (G *Group) Attr(name string) (runtime.Value, error) {
	if m, ok := groupMethods[name]; ok {
		return runtime.NewBuiltin(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return m(G, th, args, kwargs)
		}), nil
	}
	if v, ok := G.spikeGenAttr(name); ok {
		return v, nil
	}
	switch name {
	case "N":
		return runtime.MakeInt(int64(G.src.Len())), nil
	case "name":
		return runtime.MakeStr(G.src.Name()), nil
	case "t":
		return runtime.MakeQuantity(G.g.Clock.T(), secondDim), nil
	case "t_":
		return runtime.MakeFloat(G.g.Clock.T()), nil
	case "dt":
		return runtime.MakeQuantity(G.g.Clock.Dt(), secondDim), nil
	case "dt_":
		return runtime.MakeFloat(G.g.Clock.Dt()), nil
	case "method":
		return runtime.MakeStr(G.g.ChosenMethod()), nil
	case "events":
		var out []runtime.Value
		for _, e := range G.g.EventNames() {
			out = append(out, runtime.MakeStr(e))
		}
		return runtime.NewList(out), nil
	}
	base, unitless := name, false
	if strings.HasSuffix(name, "_") {
		base, unitless = name[:len(name)-1], true
	}
	if G.hasVar(base) {
		vv := &VarView{G: G, name: base}
		if unitless {
			a, err := vv.array()
			if err != nil {
				return runtime.Value{}, err
			}
			return array.Value(a.WithDim(units.Dim{})), nil
		}
		return runtime.MakeObj(vv), nil
	}
	return runtime.Value{}, nil
}

// hasVar reports whether name is a readable per-neuron name of the group.
func (G *Group) hasVar(name string) bool {
	if _, ok := G.g.Var(name); ok {
		return true
	}
	if v, ok := G.g.Eqs.Lookup(name); ok && (v.Kind == model.SubExpr || v.HasFlag("linked")) {
		return true
	}
	return name == "i"
}

// AttrNames implements runtime.HasAttrs.
func (G *Group) AttrNames() []string {
	names := []string{"N", "name", "t", "dt", "method", "events", "i"}
	for m := range groupMethods {
		names = append(names, m)
	}
	names = append(names, G.g.VarNames()...)
	if _, ok := G.spikeGenerator(); ok {
		names = append(names, spikeGenAttrNames...)
	}
	for _, v := range G.g.Eqs.Vars {
		if v.Kind == model.SubExpr {
			names = append(names, v.Name)
		}
	}
	sort.Strings(names)
	return names
}

// SetAttr implements runtime.HasSetAttr: G.v = value assigns every
// neuron of the (sub)group.
func (G *Group) SetAttr(name string, v runtime.Value) error {
	if ok, err := G.setLinked(name, v); ok {
		return err
	}
	base, unitless := name, false
	if strings.HasSuffix(name, "_") {
		base, unitless = name[:len(name)-1], true
	}
	if !G.hasVar(base) {
		return runtime.Errorf("NeuronGroup '%s' has no state variable '%s'%s", G.g.Name(), name, runtime.Suggest(name, G.AttrNames()))
	}
	vv := &VarView{G: G, name: base, unitless: unitless}
	return vv.assign(nil, v)
}

func (G *Group) runRegularly(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var code string
	var dt, when, order, name runtime.Value
	if err := runtime.UnpackArgs("run_regularly", args, kwargs, "code", &code, "dt?", &dt, "when?", &when, "order?", &order, "name?", &name); err != nil {
		return runtime.Value{}, err
	}
	var clock *engine.Clock
	if dt.IsValid() && !dt.IsNone() {
		d, err := quantity("run_regularly", "dt", dt, secondDim)
		if err != nil {
			return runtime.Value{}, err
		}
		clock = engine.NewClock(G.st.uniqueName("", "clock"), d)
		clock.SetDt(d)
	}
	w, err := optString("run_regularly", "when", when)
	if err != nil {
		return runtime.Value{}, err
	}
	nm, err := optString("run_regularly", "name", name)
	if err != nil {
		return runtime.Value{}, err
	}
	o := G.g.Order
	if order.IsValid() && !order.IsNone() {
		k, ok := order.ToInt()
		if !ok {
			return runtime.Value{}, runtime.Errorf("run_regularly() argument 'order' must be an int")
		}
		o = int(k)
	}
	r, err := G.g.RunRegularly(code, clock, w, o, nm)
	if err != nil {
		return runtime.Value{}, err
	}
	r.SetRange(G.src.Start, G.src.Stop)
	return runtime.None, nil
}

func (G *Group) runOnEvent(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var event, code string
	var when runtime.Value
	if err := runtime.UnpackArgs("run_on_event", args, kwargs, "event", &event, "code", &code, "when?", &when); err != nil {
		return runtime.Value{}, err
	}
	w, err := optString("run_on_event", "when", when)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, G.g.RunOnEvent(event, code, w)
}

// dumpBytecode compiles the group's code with the caller's namespace
// and returns the listing of every program.
func (G *Group) dumpBytecode(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("dump_bytecode", args, kwargs); err != nil {
		return runtime.Value{}, err
	}
	s, err := G.g.Disassemble(&engine.RunContext{Namespace: callerNamespace(th)})
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeStr(s), nil
}

var _ = def("dump_bytecode", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var g runtime.Value
	if err := runtime.UnpackArgs("dump_bytecode", args, kwargs, "group", &g); err != nil {
		return runtime.Value{}, err
	}
	G, ok := g.Obj().(*Group)
	if !ok {
		return runtime.Value{}, runtime.Errorf("dump_bytecode() needs a NeuronGroup, not %s", runtime.TypeName(g))
	}
	return G.dumpBytecode(th, nil, nil)
})
