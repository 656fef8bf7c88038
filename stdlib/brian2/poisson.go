package brian2

import (
	"fmt"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/runtime/engine"
	"github.com/sim-lang/sim/units"
)

var (
	_ = def("PoissonGroup", newPoissonGroup)
	_ = def("PoissonInput", newPoissonInput)
	_ = def("SpikeGeneratorGroup", newSpikeGeneratorGroup)
)

// newPoissonGroup is PoissonGroup(N, rates): N neurons spiking as
// independent Poisson processes, with Brian2's threshold
// rand() < rates*dt; rates is a quantity, an array of N rates, or a
// string expression (then a subexpression of the group).
func newPoissonGroup(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "PoissonGroup"
	var n int
	var rates, dt, when, order, namespace, name runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "N", &n, "rates", &rates, "dt?", &dt, "clock?", new(runtime.Value),
		"when?", &when, "order?", &order, "namespace?", &namespace, "name?", &name); err != nil {
		return runtime.Value{}, err
	}
	st := stateOf(th)
	cfg := engine.GroupConfig{N: n, Clock: st.defaultClock, Model: "rates : hertz", Threshold: "rand() < rates*dt"}
	expr, isExpr := runtime.AsString(rates)
	if isExpr {
		cfg.Model = "rates = " + expr + " : hertz"
	}
	var err error
	if cfg.Namespace, err = dictNamespace(namespace); err != nil {
		return runtime.Value{}, err
	}
	if order.IsValid() && !order.IsNone() {
		o, ok := order.ToInt()
		if !ok {
			return runtime.Value{}, runtime.Errorf("PoissonGroup() argument 'order' must be an int")
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
	nm, err := optString(fn, "name", name)
	if err != nil {
		return runtime.Value{}, err
	}
	cfg.Name = st.uniqueName(nm, "poissongroup")
	g, err := engine.NewNeuronGroup(cfg)
	if err != nil {
		return runtime.Value{}, err
	}
	if !isExpr {
		a, err := array.From(rates)
		if err != nil {
			return runtime.Value{}, runtime.Errorf("PoissonGroup() argument 'rates' must be a rate, an array of rates or a string, not %s", runtime.TypeName(rates))
		}
		vals := a.Flatten().Float64s()
		if a.Dim() != hertzDim && !(a.Dim().IsDimensionless() && allZero(vals)) {
			return runtime.Value{}, runtime.Errorf("PoissonGroup() argument 'rates' must be in units of Hz, not %s", units.DimName(a.Dim()))
		}
		v, _ := g.Var("rates")
		switch len(vals) {
		case 1:
			for k := range v.Data {
				v.Data[k] = vals[0]
			}
		case n:
			copy(v.Data, vals)
		default:
			return runtime.Value{}, runtime.Errorf("PoissonGroup() needs one rate or %d rates, got %d", n, len(vals))
		}
	}
	st.groups++
	g.Seed = seedFor(st.seed, st.groups)
	if err := st.magic.Add(g); err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(&Group{g: g, src: engine.Whole(g), st: st}), nil
}

// PoissonInput is the script object of Brian2's PoissonInput.
type PoissonInput struct {
	p *engine.PoissonInput
}

// newPoissonInput is PoissonInput(target, target_var, N, rate, weight,
// when='synapses', order=0).
func newPoissonInput(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "PoissonInput"
	var target, rate, weight, when, order runtime.Value
	var varName string
	var n int
	if err := runtime.UnpackArgs(fn, args, kwargs, "target", &target, "target_var", &varName, "N", &n, "rate", &rate,
		"weight", &weight, "when?", &when, "order?", &order); err != nil {
		return runtime.Value{}, err
	}
	st := stateOf(th)
	G, ok := target.Obj().(*Group)
	if !ok {
		return runtime.Value{}, runtime.Errorf("PoissonInput() needs a NeuronGroup as its target, not %s", runtime.TypeName(target))
	}
	r, err := quantity(fn, "rate", rate, hertzDim)
	if err != nil {
		return runtime.Value{}, err
	}
	wexpr, isExpr := runtime.AsString(weight)
	var wval float64
	var wdim units.Dim
	if !isExpr {
		a, err := array.From(weight)
		if err != nil || a.Size() != 1 {
			return runtime.Value{}, runtime.Errorf("PoissonInput() argument 'weight' must be a quantity or a string, not %s", runtime.TypeName(weight))
		}
		wval, wdim = a.Float64s()[0], a.Dim()
	}
	p, err := engine.NewPoissonInput(st.uniqueName("", "poissoninput"), G.src, varName, int64(n), r, wexpr, wval, wdim)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("%v", err)
	}
	if w, err := optString(fn, "when", when); err != nil {
		return runtime.Value{}, err
	} else if w != "" {
		p.When = w
	}
	if order.IsValid() && !order.IsNone() {
		o, ok := order.ToInt()
		if !ok {
			return runtime.Value{}, runtime.Errorf("PoissonInput() argument 'order' must be an int")
		}
		p.Order = int(o)
	}
	st.groups++
	p.Seed = seedFor(st.seed, st.groups)
	if err := st.magic.Add(p); err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(&PoissonInput{p: p}), nil
}

// Type implements runtime.Object.
func (P *PoissonInput) Type() string { return "PoissonInput" }

// String implements runtime.Object.
func (P *PoissonInput) String() string {
	return fmt.Sprintf("PoissonInput(%s, '%s', %d, %s)", P.p.Target.Name(), P.p.Var, P.p.N, units.Format(P.p.Rate, hertzDim))
}

// Truth implements runtime.Object.
func (P *PoissonInput) Truth() (bool, error) { return true, nil }

// Attr implements runtime.HasAttrs.
func (P *PoissonInput) Attr(name string) (runtime.Value, error) {
	switch name {
	case "N":
		return runtime.MakeInt(P.p.N), nil
	case "rate":
		return runtime.MakeQuantity(P.p.Rate, hertzDim), nil
	case "target_var":
		return runtime.MakeStr(P.p.Var), nil
	case "name":
		return runtime.MakeStr(P.p.Name()), nil
	}
	return runtime.Value{}, nil
}

// AttrNames implements runtime.HasAttrs.
func (P *PoissonInput) AttrNames() []string { return []string{"N", "name", "rate", "target_var"} }

// newSpikeGeneratorGroup is SpikeGeneratorGroup(N, indices, times,
// period=0*second): a group whose neurons spike at the given times.
func newSpikeGeneratorGroup(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
	const fn = "SpikeGeneratorGroup"
	var n int
	var indices, times, dt, period, when, order, sorted, name runtime.Value
	if err := runtime.UnpackArgs(fn, args, kwargs, "N", &n, "indices", &indices, "times", &times, "dt?", &dt,
		"clock?", new(runtime.Value), "period?", &period, "when?", &when, "order?", &order, "sorted?", &sorted,
		"name?", &name, "codeobj_class?", new(runtime.Value)); err != nil {
		return runtime.Value{}, err
	}
	st := stateOf(th)
	idx, tv, per, err := spikeArgs(fn, indices, times, period)
	if err != nil {
		return runtime.Value{}, err
	}
	clock := st.defaultClock
	if dt.IsValid() && !dt.IsNone() {
		d, err := quantity(fn, "dt", dt, secondDim)
		if err != nil {
			return runtime.Value{}, err
		}
		clock = engine.NewClock(st.uniqueName("", "clock"), d)
	}
	o := 0
	if order.IsValid() && !order.IsNone() {
		k, ok := order.ToInt()
		if !ok {
			return runtime.Value{}, runtime.Errorf("SpikeGeneratorGroup() argument 'order' must be an int")
		}
		o = int(k)
	}
	nm, err := optString(fn, "name", name)
	if err != nil {
		return runtime.Value{}, err
	}
	sg, err := engine.NewSpikeGenerator(st.uniqueName(nm, "spikegeneratorgroup"), n, idx, tv, per, clock, o)
	if err != nil {
		return runtime.Value{}, runtime.Errorf("%v", err)
	}
	if w, err := optString(fn, "when", when); err != nil {
		return runtime.Value{}, err
	} else if w != "" {
		sg.When = w
	}
	st.groups++
	wrapped.Store(sg.G, sg)
	if err := st.magic.Add(sg); err != nil {
		return runtime.Value{}, err
	}
	return runtime.MakeObj(&Group{g: sg.G, src: engine.Whole(sg.G), st: st}), nil
}
