package engine

import (
	"fmt"
	"math"
	"sort"

	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/runtime/vecvm"
	"github.com/sim-lang/sim/units"
)

// Var is the storage of one variable of a group: float64 values in SI
// base units (Int and Bool variables hold whole numbers and 0/1).
type Var struct {
	Name string
	Dim  units.Dim
	Type vector.Type
	// Data holds N values, or one for a shared variable.
	Data     []float64
	Shared   bool
	Constant bool
	// Kind is the kind of equation that defined it (StateVar or
	// Parameter); lastspike and not_refractory are parameters.
	Kind model.VarKind
	slot int
}

// RefractoryKind says how a group's refractoriness is given.
type RefractoryKind uint8

// Kinds of refractoriness.
const (
	NoRefractory     RefractoryKind = iota
	RefractoryPeriod                // a time (Period)
	RefractoryExpr                  // a string: a time or a boolean condition
)

// Refractory is the refractory argument of a NeuronGroup.
type Refractory struct {
	Kind   RefractoryKind
	Period float64 // seconds
	Expr   string
}

// GroupConfig is everything NewNeuronGroup needs.
type GroupConfig struct {
	Name       string
	N          int
	Model      string
	Threshold  string // "" for none
	Reset      string // "" for none
	Refractory Refractory
	Method     string
	Clock      *Clock
	// Events are custom events: name -> condition.
	Events map[string]string
	// Namespace holds names given to the group itself; they take
	// precedence over the run's namespace.
	Namespace map[string]model.External
	Order     int
}

// event is a thresholder (spike or a custom event) and its code.
type event struct {
	name string
	cond string
	when string
	// code runs on the event's elements (reset, run_on_event).
	code     string
	codeWhen string
	// compiled per run
	condProg *vector.Program
	codeProg *vector.Program
	// current step's elements, ascending
	idx []int32
}

// NeuronGroup is a group of N neurons sharing one model.
type NeuronGroup struct {
	name       string
	N          int
	Eqs        *model.Equations
	Clock      *Clock
	Order      int
	Method     string
	refractory Refractory
	namespace  map[string]model.External

	vars     map[string]*Var
	varOrder []string
	events   []*event // spike first, then custom events by name
	regular  []*Regular

	// compiled per run
	update      *vector.Program
	refProg     *vector.Program // refractory expression
	refIsTime   bool
	chosen      string
	reported    bool
	ctx         vecvm.Context
	scalarSlots map[string]int
	refBuf      []float64
	// refList holds the neurons that may be refractory while refTrack
	// is set (see updateRefractory); refTrackable says that no code but
	// the group's state updater and thresholder writes lastspike or
	// not_refractory during the run (set by the network).
	refList []int32
	// links are the targets of linked variables; linkSyms their symbols
	// in the current context.
	links        map[string]*link
	linkSyms     map[string]vector.Symbol
	refTrack     bool
	refTrackable bool
	// foldFinite: the state update writes every state variable, so the
	// VM's finite check of the values it writes replaces a full scan.
	foldFinite bool
	// CheckFinite turns the NaN/Inf check after each state update on.
	CheckFinite bool
	// Seed is the base of the group's random streams (set by the network).
	Seed uint64
	// assignments counts string assignments, to vary their streams.
	assignments int64
}

// NewNeuronGroup parses the model and allocates the state.
func NewNeuronGroup(cfg GroupConfig) (*NeuronGroup, error) {
	if cfg.N < 0 {
		return nil, fmt.Errorf("the number of neurons has to be non-negative, got %d", cfg.N)
	}
	eqs, err := model.ParseEquations(cfg.Model)
	if err != nil {
		return nil, err
	}
	g := &NeuronGroup{
		name: cfg.Name, N: cfg.N, Eqs: eqs, Clock: cfg.Clock, Order: cfg.Order,
		Method: cfg.Method, refractory: cfg.Refractory, namespace: cfg.Namespace,
		vars: map[string]*Var{}, CheckFinite: true,
	}
	for _, v := range eqs.Vars {
		if v.Kind == model.SubExpr || v.HasFlag("linked") {
			continue
		}
		g.addVar(&Var{Name: v.Name, Dim: v.Dim, Type: v.Type, Shared: v.HasFlag("shared"), Constant: v.HasFlag("constant"), Kind: v.Kind})
	}
	for _, s := range []string{"lastspike", "not_refractory"} {
		if _, ok := eqs.Lookup(s); ok {
			return nil, fmt.Errorf("the name '%s' is reserved: the group defines it", s)
		}
	}
	g.addVar(&Var{Name: "lastspike", Dim: units.BaseDim(units.Time), Type: vector.Float, Kind: model.Parameter})
	g.addVar(&Var{Name: "not_refractory", Type: vector.Bool, Kind: model.Parameter})
	fill(g.vars["lastspike"].Data, -1e4)
	fill(g.vars["not_refractory"].Data, 1)
	if cfg.Threshold != "" {
		g.events = append(g.events, &event{name: "spike", cond: cfg.Threshold, when: "thresholds"})
	}
	names := make([]string, 0, len(cfg.Events))
	for name := range cfg.Events {
		if name == "spike" {
			return nil, fmt.Errorf("the event name 'spike' is reserved for the threshold condition")
		}
		if !validIdentifier(name) {
			return nil, fmt.Errorf("the name '%s' cannot be used as an event name", name)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		g.events = append(g.events, &event{name: name, cond: cfg.Events[name], when: "after_thresholds"})
	}
	if cfg.Reset != "" {
		if cfg.Threshold == "" {
			return nil, fmt.Errorf("a reset needs a threshold")
		}
		g.events[0].code, g.events[0].codeWhen = cfg.Reset, "resets"
	}
	return g, nil
}

func validIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for k, r := range s {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || k > 0 && r >= '0' && r <= '9' {
			continue
		}
		return false
	}
	return true
}

func fill(xs []float64, v float64) {
	for k := range xs {
		xs[k] = v
	}
}

func (g *NeuronGroup) addVar(v *Var) {
	n := g.N
	if v.Shared {
		n = 1
	}
	v.Data = make([]float64, n)
	v.slot = len(g.varOrder)
	g.vars[v.Name] = v
	g.varOrder = append(g.varOrder, v.Name)
}

// Name returns the group's name.
func (g *NeuronGroup) Name() string { return g.name }

// Var returns the storage of a state variable or parameter (lastspike
// and not_refractory included).
func (g *NeuronGroup) Var(name string) (*Var, bool) {
	v, ok := g.vars[name]
	return v, ok
}

// VarNames returns the stored variables in definition order.
func (g *NeuronGroup) VarNames() []string { return append([]string(nil), g.varOrder...) }

// Refractory returns the group's refractoriness.
func (g *NeuronGroup) Refractory() Refractory { return g.refractory }

// ChosenMethod returns the integration method used by the last run.
func (g *NeuronGroup) ChosenMethod() string { return g.chosen }

// EventNames returns the group's events ("spike" first when there is a
// threshold).
func (g *NeuronGroup) EventNames() []string {
	out := make([]string, len(g.events))
	for k, e := range g.events {
		out[k] = e.name
	}
	return out
}

func (g *NeuronGroup) event(name string) (*event, bool) {
	for _, e := range g.events {
		if e.name == name {
			return e, true
		}
	}
	return nil, false
}

// Events returns the elements that had event name in the current step.
func (g *NeuronGroup) Events(name string) []int32 {
	if e, ok := g.event(name); ok {
		return e.idx
	}
	return nil
}

// HasEvent reports whether the group defines the event.
func (g *NeuronGroup) HasEvent(name string) bool {
	_, ok := g.event(name)
	return ok
}

// RunOnEvent attaches code to run on the elements of an event (Brian2's
// run_on_event; when defaults to "after_resets").
func (g *NeuronGroup) RunOnEvent(name, code, when string) error {
	e, ok := g.event(name)
	if !ok {
		msg := fmt.Sprintf("unknown event '%s'", name)
		if name == "spike" {
			msg += ": did you forget to define a threshold?"
		}
		return fmt.Errorf("%s", msg)
	}
	if e.code != "" {
		return fmt.Errorf("cannot add code for event '%s', code for this event has already been added", name)
	}
	if when == "" {
		when = "after_resets"
	}
	if _, err := slotIndex(when); err != nil {
		return err
	}
	e.code, e.codeWhen = code, when
	return nil
}

// checkFinite reports the first NaN or Inf in the state variables.
func (g *NeuronGroup) checkFinite(t float64) error {
	for _, name := range g.varOrder {
		v := g.vars[name]
		if v.Kind != model.StateVar {
			continue
		}
		if allFinite(v.Data) {
			continue
		}
		for k, x := range v.Data {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				what := "NaN"
				if math.IsInf(x, 0) {
					what = "infinite"
				}
				return fmt.Errorf("%s became %s for neuron %d at t = %s (in group '%s')", name, what, k, units.Format(t, units.BaseDim(units.Time)), g.name)
			}
		}
	}
	return nil
}

// allFinite reports whether xs holds no NaN or Inf (vector loops where
// the machine has them).
func allFinite(xs []float64) bool { return vecvm.AllFinite(xs) }
