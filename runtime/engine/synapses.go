package engine

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/runtime/vecvm"
	"github.com/sim-lang/sim/units"
)

// PathwayConfig describes one synaptic pathway: code run for the synapses
// of neurons that had an event (on_pre or on_post).
type PathwayConfig struct {
	// Name is "pre", "post" or the key of an on_pre/on_post dict.
	Name string
	// Post makes the pathway react to the target's events (on_post).
	Post bool
	Code string
	// Event is the triggering event ("spike" when empty).
	Event string
	// Delay is a scalar delay in seconds, used when HasDelay is set;
	// otherwise delays are per synapse (initially 0).
	Delay    float64
	HasDelay bool
}

// SynapsesConfig is everything NewSynapses needs.
type SynapsesConfig struct {
	Name           string
	Source, Target Source
	Model          string
	// Pathways in the order given (pre pathways before post ones run
	// first anyway, by their scheduling order).
	Pathways []PathwayConfig
	Method   string
	// MultisynapticIndex names an integer variable numbering the synapses
	// between the same pair of neurons ("" for none).
	MultisynapticIndex string
	Namespace          map[string]model.External
	Clock              *Clock
	Order              int
}

// Pathway is a synaptic pathway with its spike queue.
type Pathway struct {
	// Name is the pathway's own name ("pre"); the operation is called
	// "<synapses>_<name>".
	Name  string
	Post  bool
	Code  string
	Event string
	// Delay holds one value (a scalar delay) or one per synapse, seconds.
	Delay  []float64
	Scalar bool

	queue spikeQueue
	prog  *vector.Program
	syn   *Synapses
}

// summedVar is a summed variable: target_post = sum over synapses.
type summedVar struct {
	name   string // x_post or x_pre
	target string // x
	pre    bool
	v      *model.Variable
	prog   *vector.Program
}

// groupRef is a variable of the pre- or postsynaptic group seen from
// synaptic code (v_pre, v_post, v).
type groupRef struct {
	post bool
	name string // the variable's name in its group
}

// Synapses connects a source to a target with synaptic variables,
// clock-driven, event-driven and summed equations and pathways that run
// code when the source (on_pre) or target (on_post) neurons spike.
// Connectivity is stored by synapse (I, J in creation order, as in
// Brian2); each pathway's spike queue holds a CSR index by source.
type Synapses struct {
	name           string
	Source, Target Source
	Eqs            *model.Equations
	Clock          *Clock
	Order          int
	Method         string
	Multisynaptic  string
	namespace      map[string]model.External
	// Seed is the base of the synapses' random streams.
	Seed uint64

	// I and J are the synapses' pre- and postsynaptic indices (relative
	// to Source and Target).
	I, J      []int32
	vars      map[string]*Var
	varOrder  []string
	refs      map[string]groupRef
	subRefs   map[string]*subRef
	pathways  []*Pathway
	summed    []*summedVar
	eventEqs  []*model.Variable
	connected bool
	connects  int64
	// nIn and nOut count incoming synapses per target neuron and outgoing
	// ones per source neuron (absolute indices of their groups).
	nIn, nOut []float64

	// compiled per run
	update      *vector.Program
	chosen      string
	reported    bool
	ctx         vecvm.Context
	layout      synLayout
	assignments int64
}

// NewSynapses checks the model and creates a Synapses object without
// synapses (call Connect).
func NewSynapses(cfg SynapsesConfig) (*Synapses, error) {
	eqs, err := model.ParseEquations(cfg.Model)
	if err != nil {
		return nil, err
	}
	s := &Synapses{
		name: cfg.Name, Source: cfg.Source, Target: cfg.Target, Clock: cfg.Clock, Order: cfg.Order,
		Method: cfg.Method, Multisynaptic: cfg.MultisynapticIndex, namespace: cfg.Namespace,
		vars: map[string]*Var{}, refs: map[string]groupRef{},
	}
	for _, name := range []string{"i", "j", "delay"} {
		if _, ok := eqs.Lookup(name); ok {
			return nil, fmt.Errorf("'%s' is a reserved name that cannot be used as a variable name", name)
		}
	}
	extra := ""
	if s.Multisynaptic != "" {
		if !validIdentifier(s.Multisynaptic) {
			return nil, fmt.Errorf("multisynaptic_index '%s' is not a valid variable name", s.Multisynaptic)
		}
		extra += "\n" + s.Multisynaptic + " : integer"
	}
	for _, v := range eqs.Vars {
		if v.Kind == model.StateVar && v.HasFlag("unless refractory") {
			return nil, fmt.Errorf("%s: the flag 'unless refractory' is not allowed in synaptic equations (allowed: clock-driven, event-driven)", v.Text)
		}
		if v.HasFlag("event-driven") && v.HasFlag("clock-driven") {
			return nil, fmt.Errorf("%s: the flags 'event-driven' and 'clock-driven' cannot be combined", v.Text)
		}
		if v.HasFlag("summed") && len(v.Flags) > 1 {
			return nil, fmt.Errorf("%s: the flag 'summed' cannot be combined with other flags", v.Text)
		}
		if v.HasFlag("event-driven") {
			s.eventEqs = append(s.eventEqs, v)
		}
		if !v.HasFlag("summed") && (strings.HasSuffix(v.Name, "_pre") || strings.HasSuffix(v.Name, "_post")) {
			return nil, fmt.Errorf("'%s' cannot be used as a synaptic variable name: names ending in '_pre' or '_post' refer to the pre- and postsynaptic groups", v.Name)
		}
	}
	if err := eqs.CheckEventDriven(); err != nil {
		return nil, err
	}
	if len(s.eventEqs) > 0 {
		if _, ok := eqs.Lookup("lastupdate"); !ok {
			extra += "\nlastupdate : second"
		}
	}
	if extra != "" {
		src := cfg.Model + extra
		if eqs, err = model.ParseEquations(src); err != nil {
			return nil, err
		}
	}
	s.Eqs = eqs
	for _, v := range eqs.Vars {
		if v.Kind == model.SubExpr || v.HasFlag("linked") {
			continue
		}
		s.addVar(&Var{Name: v.Name, Dim: v.Dim, Type: v.Type, Shared: v.HasFlag("shared"), Constant: v.HasFlag("constant"), Kind: v.Kind})
	}
	if err := s.addRefs(); err != nil {
		return nil, err
	}
	s.addSubRefs()
	if err := s.addSummed(); err != nil {
		return nil, err
	}
	for _, pc := range cfg.Pathways {
		if err := s.addPathway(pc); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (s *Synapses) addVar(v *Var) {
	n := len(s.I)
	if v.Shared {
		n = 1
	}
	v.Data = make([]float64, n)
	v.slot = len(s.varOrder)
	s.vars[v.Name] = v
	s.varOrder = append(s.varOrder, v.Name)
}

// addRefs makes the variables of the source (name_pre) and target
// (name_post and the bare name) visible, as Brian2 does; a synaptic
// variable may not share a name with a pre- or postsynaptic variable.
func (s *Synapses) addRefs() error {
	for _, side := range []struct {
		src  Source
		post bool
		what string
	}{{s.Source, false, "pre-synaptic"}, {s.Target, true, "post-synaptic"}} {
		g := side.src.G
		for _, gv := range g.Eqs.Vars {
			if gv.Kind == model.SubExpr || gv.HasFlag("linked") {
				if err := s.checkClash(gv.Name, side.what); err != nil {
					return err
				}
			}
		}
		for _, name := range g.varOrder {
			if err := s.checkClash(name, side.what); err != nil {
				return err
			}
			suffix := "_pre"
			if side.post {
				suffix = "_post"
			}
			s.refs[name+suffix] = groupRef{post: side.post, name: name}
			if side.post {
				if _, ok := s.vars[name]; !ok && name != "lastupdate" {
					s.refs[name] = groupRef{post: true, name: name}
				}
			}
		}
	}
	return nil
}

// checkClash reports a synaptic variable named like a variable of the
// pre- or postsynaptic group (what), as Brian2 does.
func (s *Synapses) checkClash(name, what string) error {
	if v, ok := s.Eqs.Lookup(name); ok && name != "lastupdate" && !v.HasFlag("summed") {
		return fmt.Errorf("the %s variable '%s' has the same name as a synaptic variable, rename the synaptic variable (for example to '%s_syn') to avoid confusion", what, name, name)
	}
	return nil
}

// addSummed checks the summed variables: each names a parameter of the
// target (x_post) or source (x_pre) group with the same unit, and no two
// write the same variable.
func (s *Synapses) addSummed() error {
	seen := map[string]bool{}
	for _, v := range s.Eqs.Vars {
		if !v.HasFlag("summed") {
			continue
		}
		var sv summedVar
		switch {
		case strings.HasSuffix(v.Name, "_post"):
			sv = summedVar{name: v.Name, target: strings.TrimSuffix(v.Name, "_post"), v: v}
		case strings.HasSuffix(v.Name, "_pre"):
			sv = summedVar{name: v.Name, target: strings.TrimSuffix(v.Name, "_pre"), pre: true, v: v}
		default:
			return fmt.Errorf("the summed variable '%s' does not end in '_pre' or '_post'", v.Name)
		}
		g := s.Target.G
		if sv.pre {
			g = s.Source.G
		}
		tv, ok := g.Eqs.Lookup(sv.target)
		if _, stored := g.vars[sv.target]; !stored && !ok {
			return fmt.Errorf("the summed variable '%s' does not refer to any known variable in the target group", v.Name)
		}
		if !ok || tv.Kind != model.Parameter {
			return fmt.Errorf("the summed variable '%s' needs a corresponding parameter '%s' in the target group", v.Name, sv.target)
		}
		if tv.Dim != v.Dim {
			return fmt.Errorf("summed variables need to have the same units in Synapses and the target group: '%s' is in %s but '%s' is in %s", v.Name, units.DimName(v.Dim), sv.target, units.DimName(tv.Dim))
		}
		key := fmt.Sprintf("%v/%s", sv.pre, sv.target)
		if seen[key] || (s.Source.G == s.Target.G && seen[fmt.Sprintf("%v/%s", !sv.pre, sv.target)]) {
			return fmt.Errorf("the target variable '%s' is already updated by another summed variable", sv.target)
		}
		seen[key] = true
		sv2 := sv
		s.summed = append(s.summed, &sv2)
	}
	return nil
}

// addPathway adds an on_pre/on_post pathway.
func (s *Synapses) addPathway(pc PathwayConfig) error {
	src, group := s.Source, "Source"
	if pc.Post {
		src, group = s.Target, "Target"
	}
	if pc.Event == "" {
		pc.Event = "spike"
	}
	if !src.G.HasEvent(pc.Event) {
		hint := ""
		if pc.Event == "spike" {
			hint = " Did you forget to set a 'threshold'?"
		}
		return fmt.Errorf("%s group '%s' does not define an event '%s'.%s", group, src.G.name, pc.Event, hint)
	}
	for _, p := range s.pathways {
		if p.Name == pc.Name {
			return fmt.Errorf("cannot add a pathway called '%s': the synapses already have one", pc.Name)
		}
	}
	if _, ok := s.vars[pc.Name]; ok {
		return fmt.Errorf("cannot add a pathway called '%s': the synapses have a variable of that name", pc.Name)
	}
	p := &Pathway{Name: pc.Name, Post: pc.Post, Code: pc.Code, Event: pc.Event, syn: s}
	if pc.HasDelay {
		p.Delay, p.Scalar = []float64{pc.Delay}, true
	} else {
		p.Delay = make([]float64, len(s.I))
	}
	s.pathways = append(s.pathways, p)
	return nil
}

// Name returns the object's name.
func (s *Synapses) Name() string { return s.name }

// Len returns the number of synapses.
func (s *Synapses) Len() int { return len(s.I) }

// Connected reports whether Connect was called.
func (s *Synapses) Connected() bool { return s.connected }

// Var returns the storage of a synaptic variable.
func (s *Synapses) Var(name string) (*Var, bool) {
	v, ok := s.vars[name]
	return v, ok
}

// VarNames returns the synaptic variables in definition order.
func (s *Synapses) VarNames() []string { return append([]string(nil), s.varOrder...) }

// Pathways returns the pathways in the order they were given.
func (s *Synapses) Pathways() []*Pathway { return s.pathways }

// Pathway returns the pathway called name.
func (s *Synapses) Pathway(name string) (*Pathway, bool) {
	for _, p := range s.pathways {
		if p.Name == name {
			return p, true
		}
	}
	return nil, false
}

// ChosenMethod returns the integration method of the clock-driven
// equations used by the last run ("" when there are none).
func (s *Synapses) ChosenMethod() string { return s.chosen }

// NIncoming returns, per synapse, the number of synapses of its target
// neuron; NOutgoing the number of synapses of its source neuron.
func (s *Synapses) NIncoming() []int64 { return s.perSynapse(s.nIn, s.J, s.Target.Start) }

// NOutgoing returns, per synapse, the number of synapses of its source
// neuron.
func (s *Synapses) NOutgoing() []int64 { return s.perSynapse(s.nOut, s.I, s.Source.Start) }

func (s *Synapses) perSynapse(counts []float64, idx []int32, start int) []int64 {
	out := make([]int64, len(idx))
	for k, x := range idx {
		out[k] = int64(counts[int(x)+start])
	}
	return out
}

// resize grows every per-synapse array to n synapses (new values 0).
func (s *Synapses) resize(n int) {
	for _, name := range s.varOrder {
		v := s.vars[name]
		if !v.Shared {
			v.Data = growF(v.Data, n)
		}
	}
	for _, p := range s.pathways {
		if !p.Scalar {
			p.Delay = growF(p.Delay, n)
		}
	}
}

func growF(x []float64, n int) []float64 {
	if n <= len(x) {
		return x[:n]
	}
	out := make([]float64, n)
	copy(out, x)
	return out
}

// updateCounts recomputes N_incoming, N_outgoing and the multisynaptic
// index after synapses were added.
func (s *Synapses) updateCounts() {
	s.nIn = make([]float64, s.Target.G.N)
	s.nOut = make([]float64, s.Source.G.N)
	for k := range s.I {
		s.nOut[int(s.I[k])+s.Source.Start]++
		s.nIn[int(s.J[k])+s.Target.Start]++
	}
	if s.Multisynaptic == "" {
		return
	}
	seen := make(map[int64]float64, len(s.I))
	data := s.vars[s.Multisynaptic].Data
	for k := range s.I {
		key := int64(s.I[k])<<32 | int64(uint32(s.J[k]))
		data[k] = seen[key]
		seen[key]++
	}
}

// Indices returns the synapses (ascending) whose pre- and postsynaptic
// indices are in is and js (nil: any) and, when ks is not nil, whose
// multisynaptic index is in ks.
func (s *Synapses) Indices(is, js, ks []int64) ([]int64, error) {
	if ks != nil && s.Multisynaptic == "" {
		return nil, fmt.Errorf("to index by the third dimension you need to switch on the calculation of the 'multisynaptic_index' when you create the Synapses object")
	}
	set := func(xs []int64) map[int64]bool {
		if xs == nil {
			return nil
		}
		m := map[int64]bool{}
		for _, x := range xs {
			m[x] = true
		}
		return m
	}
	si, sj, sk := set(is), set(js), set(ks)
	var out []int64
	for k := range s.I {
		if si != nil && !si[int64(s.I[k])] || sj != nil && !sj[int64(s.J[k])] {
			continue
		}
		if sk != nil && !sk[int64(s.vars[s.Multisynaptic].Data[k])] {
			continue
		}
		out = append(out, int64(k))
	}
	return out, nil
}

// sortedNames returns the keys of m sorted.
func sortedNames[T any](m map[string]T) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
