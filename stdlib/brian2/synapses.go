package brian2

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/runtime/engine"
	"github.com/sim-lang/sim/units"
)

// Synapses is the script object of Brian2's Synapses.
type Synapses struct {
	s   *engine.Synapses
	st  *state
	src *Group
	tgt *Group
}

var _ = def("Synapses", newSynapses)

// wrapped maps the neuron groups of objects that stand in for them in a
// network (SpikeGeneratorGroup) to those objects.
var wrapped sync.Map // *engine.NeuronGroup -> engine.Object

// engineObjectOf returns the engine object a script value adds to a
// network, for the objects of this file (ok false for others).
func engineObjectOf(v runtime.Value) (engine.Object, bool) {
	switch o := v.Obj().(type) {
	case *Synapses:
		return o.s, true
	case *PoissonInput:
		return o.p, true
	case *Group:
		if w, ok := wrapped.Load(o.g); ok {
			return w.(engine.Object), true
		}
	}
	return nil, false
}

func newSynapses(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "Synapses"
	var source, target, modelV, onPre, onPost, pre, post, delay, onEvent, multi, namespace, method, name, dt, order, connect runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "source", &source, "target?", &target, "model?", &modelV,
		"on_pre?", &onPre, "pre?", &pre, "on_post?", &onPost, "post?", &post, "connect?", &connect, "delay?", &delay,
		"on_event?", &onEvent, "multisynaptic_index?", &multi, "namespace?", &namespace, "dtype?", new(runtime.Value),
		"codeobj_class?", new(runtime.Value), "dt?", &dt, "clock?", new(runtime.Value), "order?", &order,
		"method?", &method, "method_options?", new(runtime.Value), "name?", &name); err != nil {
		return runtime.Value{}, err
	}
	if connect.IsValid() && !connect.IsNone() {
		return runtime.Value{}, runtime.Errorf("the connect keyword argument is no longer supported, call the connect method instead")
	}
	for _, x := range []struct {
		old  runtime.Value
		neu  *runtime.Value
		name string
	}{{pre, &onPre, "pre"}, {post, &onPost, "post"}} {
		if x.old.IsValid() && !x.old.IsNone() {
			if x.neu.IsValid() && !x.neu.IsNone() {
				return runtime.Value{}, runtime.Errorf("cannot specify both '%s' and 'on_%s'; the '%s' keyword is deprecated, use 'on_%s'", x.name, x.name, x.name, x.name)
			}
			*x.neu = x.old
		}
	}
	st := stateOf(th)
	src, ok := source.Obj().(*Group)
	if !ok {
		return runtime.Value{}, runtime.Errorf("Synapses() needs a NeuronGroup (or subgroup) as its source, not %s", runtime.TypeName(source))
	}
	tgt := src
	if target.IsValid() && !target.IsNone() {
		if tgt, ok = target.Obj().(*Group); !ok {
			return runtime.Value{}, runtime.Errorf("Synapses() needs a NeuronGroup (or subgroup) as its target, not %s", runtime.TypeName(target))
		}
	}
	cfg := engine.SynapsesConfig{Source: src.src, Target: tgt.src, Clock: st.defaultClock}
	var err error
	if cfg.Model, err = modelString(fn, modelV); err != nil {
		return runtime.Value{}, err
	}
	if cfg.Method, err = optString(fn, "method", method); err != nil {
		return runtime.Value{}, err
	}
	if cfg.MultisynapticIndex, err = optString(fn, "multisynaptic_index", multi); err != nil {
		return runtime.Value{}, err
	}
	if cfg.Namespace, err = dictNamespace(namespace); err != nil {
		return runtime.Value{}, err
	}
	if order.IsValid() && !order.IsNone() {
		o, ok := order.ToInt()
		if !ok {
			return runtime.Value{}, runtime.Errorf("Synapses() argument 'order' must be an int")
		}
		cfg.Order = int(o)
	}
	if dt.IsValid() && !dt.IsNone() {
		d, err := quantity(fn, "dt", dt, secondDim)
		if err != nil {
			return runtime.Value{}, err
		}
		cfg.Clock = engine.NewClock(st.uniqueName("", "clock"), d)
	}
	delays, err := delayArg(delay)
	if err != nil {
		return runtime.Value{}, err
	}
	events := map[string]string{}
	defaultEvent := "spike"
	if onEvent.IsValid() && !onEvent.IsNone() {
		if s, ok := runtime.AsString(onEvent); ok {
			defaultEvent = s
		} else if d, ok := onEvent.Obj().(*runtime.Dict); ok {
			for _, k := range d.Keys() {
				ks, _ := runtime.AsString(k)
				v, _, _ := d.Get(k)
				vs, ok := runtime.AsString(v)
				if !ok {
					return runtime.Value{}, runtime.Errorf("Synapses() argument 'on_event' must map pathway names to event names")
				}
				events[ks] = vs
			}
		} else {
			return runtime.Value{}, runtime.Errorf("Synapses() argument 'on_event' must be a string or a dict")
		}
	}
	used := map[string]bool{}
	for _, side := range []struct {
		v    runtime.Value
		name string
		post bool
	}{{onPre, "pre", false}, {onPost, "post", true}} {
		if !side.v.IsValid() || side.v.IsNone() {
			continue
		}
		add := func(pname, code string) {
			pc := engine.PathwayConfig{Name: pname, Post: side.post, Code: code, Event: defaultEvent}
			if e, ok := events[pname]; ok {
				pc.Event = e
			}
			if d, ok := delays[pname]; ok {
				pc.Delay, pc.HasDelay = d, true
			}
			used[pname] = true
			cfg.Pathways = append(cfg.Pathways, pc)
		}
		if code, ok := runtime.AsString(side.v); ok {
			if code != "" {
				add(side.name, code)
			}
			continue
		}
		d, ok := side.v.Obj().(*runtime.Dict)
		if !ok {
			return runtime.Value{}, runtime.Errorf("Synapses() argument 'on_%s' must be a string or a dict of pathway names to code, not %s", side.name, runtime.TypeName(side.v))
		}
		for _, k := range d.Keys() {
			ks, ok := runtime.AsString(k)
			if !ok {
				return runtime.Value{}, runtime.Errorf("keys for the 'on_%s' argument have to be strings, got %s instead", side.name, runtime.TypeName(k))
			}
			v, _, _ := d.Get(k)
			code, ok := runtime.AsString(v)
			if !ok {
				return runtime.Value{}, runtime.Errorf("the code of pathway '%s' must be a string", ks)
			}
			add(ks, code)
		}
	}
	for pname := range delays {
		if !used[pname] {
			return runtime.Value{}, runtime.Errorf("cannot set the delay for pathway '%s': unknown pathway", pname)
		}
	}
	nm, err := optString(fn, "name", name)
	if err != nil {
		return runtime.Value{}, err
	}
	cfg.Name = st.uniqueName(nm, "synapses")
	s, err := engine.NewSynapses(cfg)
	if err != nil {
		return runtime.Value{}, err
	}
	st.groups++
	s.Seed = seedFor(st.seed, st.groups)
	if err := st.magic.Add(s); err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(&Synapses{s: s, st: st, src: src, tgt: tgt}), nil
}

// delayArg reads delay=: a time (the "pre" pathway) or a dict of
// pathway names to times.
func delayArg(v runtime.Value) (map[string]float64, error) {
	out := map[string]float64{}
	if !v.IsValid() || v.IsNone() {
		return out, nil
	}
	if d, ok := v.Obj().(*runtime.Dict); ok {
		for _, k := range d.Keys() {
			ks, ok := runtime.AsString(k)
			if !ok {
				return nil, runtime.Errorf("delay dict keys must be pathway names")
			}
			x, _, _ := d.Get(k)
			f, err := quantity("Synapses", "delay", x, secondDim)
			if err != nil {
				return nil, runtime.Errorf("cannot set the delay for pathway '%s': %v", ks, err)
			}
			out[ks] = f
		}
		return out, nil
	}
	f, err := quantity("Synapses", "delay", v, secondDim)
	if err != nil {
		return nil, runtime.Errorf("delay has to be specified in units of seconds (a scalar quantity or a dict of pathway names to quantities), got %s", runtime.Repr(v))
	}
	out["pre"] = f
	return out, nil
}

// Type implements runtime.Object.
func (S *Synapses) Type() string { return "Synapses" }

// String implements runtime.Object.
func (S *Synapses) String() string {
	return fmt.Sprintf("<Synapses object '%s' from '%s' to '%s' with %d synapses>", S.s.Name(), S.s.Source.Name(), S.s.Target.Name(), S.s.Len())
}

// Truth implements runtime.Object.
func (S *Synapses) Truth() (bool, error) { return true, nil }

// Len implements runtime.Sequence: the number of synapses.
func (S *Synapses) Len() int { return S.s.Len() }

// Attr implements runtime.HasAttrs.
func (S *Synapses) Attr(name string) (runtime.Value, error) {
	switch name {
	case "connect":
		return runtime.NewBuiltin("connect", S.connect), nil
	case "N":
		return runtime.MakeInt(int64(S.s.Len())), nil
	case "name":
		return runtime.MakeStr(S.s.Name()), nil
	case "source":
		return runtime.MakeObj(S.src), nil
	case "target":
		return runtime.MakeObj(S.tgt), nil
	case "method":
		return runtime.MakeStr(S.s.ChosenMethod()), nil
	case "indices":
		return runtime.MakeObj(synapseIndices{S}), nil
	case "N_incoming":
		return array.Value(array.FromInts(S.s.NIncoming())), nil
	case "N_outgoing":
		return array.Value(array.FromInts(S.s.NOutgoing())), nil
	case "t":
		return runtime.MakeQuantity(S.s.Clock.T(), secondDim), nil
	case "dt":
		return runtime.MakeQuantity(S.s.Clock.Dt(), secondDim), nil
	}
	if p, ok := S.s.Pathway(name); ok {
		return runtime.MakeObj(&Pathway{S: S, p: p}), nil
	}
	base, unitless := name, false
	if strings.HasSuffix(name, "_") {
		base, unitless = name[:len(name)-1], true
	}
	if vv, ok := S.view(base); ok {
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

// view returns the variable view of name (a synaptic variable, delay,
// i, j, or anything synaptic code can read).
func (S *Synapses) view(name string) (*SynVarView, bool) {
	if name == "delay" {
		p, ok := S.s.Pathway("pre")
		if !ok {
			return nil, false
		}
		return &SynVarView{S: S, name: "delay", p: p}, true
	}
	if _, ok := S.s.Var(name); ok {
		return &SynVarView{S: S, name: name}, true
	}
	switch name {
	case "i", "j", "lastupdate":
		return &SynVarView{S: S, name: name}, true
	}
	if v, ok := S.s.Eqs.Lookup(name); ok && !v.HasFlag("summed") {
		return &SynVarView{S: S, name: name}, true
	}
	if strings.HasSuffix(name, "_pre") || strings.HasSuffix(name, "_post") {
		return &SynVarView{S: S, name: name}, true
	}
	return nil, false
}

// AttrNames implements runtime.HasAttrs.
func (S *Synapses) AttrNames() []string {
	names := []string{"connect", "indices", "N", "name", "source", "target", "method", "N_incoming", "N_outgoing", "t", "dt", "i", "j"}
	for _, p := range S.s.Pathways() {
		names = append(names, p.Name)
	}
	if _, ok := S.s.Pathway("pre"); ok {
		names = append(names, "delay")
	}
	names = append(names, S.s.VarNames()...)
	sort.Strings(names)
	return names
}

// SetAttr implements runtime.HasSetAttr: S.w = value or 'expression'.
func (S *Synapses) SetAttr(name string, v runtime.Value) error {
	base, unitless := name, false
	if strings.HasSuffix(name, "_") {
		base, unitless = name[:len(name)-1], true
	}
	vv, ok := S.view(base)
	if !ok {
		return runtime.Errorf("Synapses '%s' has no variable '%s'%s", S.s.Name(), name, runtime.Suggest(name, S.AttrNames()))
	}
	vv.unitless = unitless
	return vv.assign(nil, v)
}

// connect implements Synapses.connect(condition=None, i=None, j=None,
// p=1.0, n=1, skip_if_invalid=False, namespace=None, level=0).
func (S *Synapses) connect(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	var cond, iv, jv, pv, nv, skip, namespace, level runtime.Value
	if err := runtime.UnpackArgs("connect", args, kwargs, "condition?", &cond, "i?", &iv, "j?", &jv, "p?", &pv, "n?", &nv,
		"skip_if_invalid?", &skip, "namespace?", &namespace, "level?", &level); err != nil {
		return runtime.Value{}, err
	}
	a := engine.ConnectArgs{P: 1, N: 1}
	given := func(v runtime.Value) bool { return v.IsValid() && !v.IsNone() }
	if given(skip) {
		a.SkipIfInvalid = skip.AsBool()
	}
	if given(pv) {
		if s, ok := runtime.AsString(pv); ok {
			a.PExpr = s
		} else if f, ok := pv.ToFloat(); ok && pv.Kind() != runtime.ObjKind {
			a.P = f
		} else {
			return runtime.Value{}, runtime.Errorf("p must be float or string")
		}
	}
	if given(nv) {
		switch {
		case nv.Kind() == runtime.IntKind:
			a.N = nv.AsInt()
		default:
			if s, ok := runtime.AsString(nv); ok {
				a.NExpr = s
				break
			}
			arr, err := array.From(nv)
			if err != nil || arr.DType() != array.Int {
				return runtime.Value{}, runtime.Errorf("n must be int or string")
			}
			a.NArr = arr.Int64s()
		}
	}
	if given(cond) {
		if given(iv) || given(jv) {
			return runtime.Value{}, runtime.Errorf("cannot combine condition with i or j arguments")
		}
		switch cond.Kind() {
		case runtime.BoolKind:
			if cond.AsBool() {
				a.Condition = "True"
			} else {
				a.Condition = "False"
			}
		default:
			s, ok := runtime.AsString(cond)
			if !ok {
				return runtime.Value{}, runtime.Errorf("condition argument must be bool or string. If you want to connect based on indices, use connect(i=..., j=...)")
			}
			a.Condition = s
		}
	} else {
		is, iStr, err := indexArg("i", iv)
		if err != nil {
			return runtime.Value{}, err
		}
		js, jStr, err := indexArg("j", jv)
		if err != nil {
			return runtime.Value{}, err
		}
		switch {
		case is != nil && js != nil:
			a.HasArrays, a.I, a.J = true, is, js
		case iStr != "":
			if js != nil || jStr != "" {
				return runtime.Value{}, runtime.Errorf("generator syntax for i cannot be combined with j argument")
			}
			a.IGen = iStr
		case jStr != "":
			if is != nil {
				return runtime.Value{}, runtime.Errorf("generator syntax for j cannot be combined with i argument")
			}
			a.JGen = jStr
		case is != nil || js != nil:
			return runtime.Value{}, runtime.Errorf("must specify both i and j arrays (or a generator expression for one of them)")
		default:
			a.Condition = "True"
		}
	}
	ns := callerNamespace(th)
	if given(namespace) {
		d, err := dictNamespace(namespace)
		if err != nil {
			return runtime.Value{}, err
		}
		ns = engine.Layered(d, ns)
	}
	if err := S.s.Connect(a, ns); err != nil {
		return runtime.Value{}, runtime.Errorf("%v", err)
	}
	return runtime.None, nil
}

// indexArg reads i= or j=: an int, an array of ints, or a string
// (generator syntax).
func indexArg(name string, v runtime.Value) ([]int64, string, error) {
	if !v.IsValid() || v.IsNone() {
		return nil, "", nil
	}
	if s, ok := runtime.AsString(v); ok {
		return nil, s, nil
	}
	if v.Kind() == runtime.IntKind {
		return []int64{v.AsInt()}, "", nil
	}
	if G, ok := v.Obj().(*Group); ok {
		// a subgroup stands for its (absolute) indices
		out := make([]int64, G.src.Len())
		for k := range out {
			out[k] = int64(G.src.Start + k)
		}
		return out, "", nil
	}
	a, err := array.From(v)
	if err != nil || (a.DType() != array.Int && a.Len() > 0) {
		return nil, "", runtime.Errorf("%s argument must be int, array or string", name)
	}
	if a.NDim() > 1 {
		return nil, "", runtime.Errorf("can only use 1-dimensional indices")
	}
	return a.Flatten().Int64s(), "", nil
}

// Pathway is S.pre / S.post: a pathway with its delay.
type Pathway struct {
	S *Synapses
	p *engine.Pathway
}

// Type implements runtime.Object.
func (P *Pathway) Type() string { return "SynapticPathway" }

// String implements runtime.Object.
func (P *Pathway) String() string {
	return fmt.Sprintf("SynapticPathway(name='%s_%s', code='%s')", P.S.s.Name(), P.p.Name, P.p.Code)
}

// Truth implements runtime.Object.
func (P *Pathway) Truth() (bool, error) { return true, nil }

// Attr implements runtime.HasAttrs.
func (P *Pathway) Attr(name string) (runtime.Value, error) {
	switch name {
	case "delay":
		return runtime.MakeObj(&SynVarView{S: P.S, name: "delay", p: P.p}), nil
	case "delay_":
		vv := &SynVarView{S: P.S, name: "delay", p: P.p}
		a, err := vv.array()
		if err != nil {
			return runtime.Value{}, err
		}
		return array.Value(a.WithDim(units.Dim{})), nil
	case "code":
		return runtime.MakeStr(P.p.Code), nil
	case "event":
		return runtime.MakeStr(P.p.Event), nil
	case "name":
		return runtime.MakeStr(P.S.s.Name() + "_" + P.p.Name), nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (P *Pathway) AttrNames() []string { return []string{"code", "delay", "event", "name"} }

// SetAttr implements runtime.HasSetAttr: S.pre.delay = ...
func (P *Pathway) SetAttr(name string, v runtime.Value) error {
	if name != "delay" && name != "delay_" {
		return runtime.Errorf("cannot set attribute '%s' of a synaptic pathway", name)
	}
	vv := &SynVarView{S: P.S, name: "delay", p: P.p, unitless: name == "delay_"}
	return vv.assign(nil, v)
}

// reseed gives the objects of this file a new seed from next (for
// seed() called after they were created); false for other objects.
func reseed(o engine.Object, next func() uint64) bool {
	switch x := o.(type) {
	case *engine.Synapses:
		x.Seed = next()
	case *engine.PoissonInput:
		x.Seed = next()
	case *engine.SpikeGenerator:
		next()
	default:
		return false
	}
	return true
}
