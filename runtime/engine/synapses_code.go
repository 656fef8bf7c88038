package engine

import (
	"fmt"
	goruntime "runtime"
	"sort"

	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/runtime/vecvm"
	"github.com/sim-lang/sim/units"
)

// Index slots of a synapses context: the synapses' absolute pre- and
// postsynaptic neurons, and zeros (for shared variables of the groups).
const (
	idxPre = iota
	idxPost
	idxZero
	numSynIndices
)

// synLayout places everything synaptic code reads in a vecvm context.
type synLayout struct {
	srcBase, tgtBase          int // array slot of group variable k: base + k
	rangePre, rangePost       int // i and j per neuron (relative indices)
	nIn, nOut                 int
	delay                     map[*Pathway]int // per-synapse delays
	scalarSlots               map[string]int   // shared synaptic variables
	preAbs, postAbs, zeros    []int32
	rangePreV, rangePostV     []float64
	absRange                  int                      // k for every neuron k of either group
	linkSyms                  map[string]vector.Symbol // linked variables of the groups
	synapsesN, sourceN, targN int
}

// SynapseSpecials are the names synaptic code may use besides the
// equations and the pre-/postsynaptic variables.
func SynapseSpecials() map[string]model.Special {
	sp := Specials()
	delete(sp, "lastspike")
	delete(sp, "not_refractory")
	for _, n := range []string{"j", "N_pre", "N_post", "N_incoming", "N_outgoing", "i_pre", "i_post",
		groupI + "_pre", groupI + "_post", groupN + "_pre", groupN + "_post"} {
		sp[n] = model.Special{Type: vector.Int}
	}
	sp["delay"] = model.Special{Dim: secondDim, Type: vector.Float}
	return sp
}

// refVars returns the pre-/postsynaptic variables as parameters of the
// synaptic equations (read-only when constant in their group).
func (s *Synapses) refVars() []*model.Variable {
	var out []*model.Variable
	for _, name := range sortedNames(s.refs) {
		r := s.refs[name]
		g := s.Source.G
		if r.post {
			g = s.Target.G
		}
		v := g.vars[r.name]
		mv := &model.Variable{Name: name, Kind: model.Parameter, Dim: v.Dim, Type: v.Type, Text: name + " (of group '" + g.name + "')"}
		if v.Constant {
			mv.Flags = []string{"constant"}
		}
		out = append(out, mv)
	}
	return out
}

// asParameter turns a variable into a parameter of the same unit (state
// variables integrated elsewhere).
func asParameter(v *model.Variable) *model.Variable {
	c := *v
	c.Kind, c.Expr, c.Flags = model.Parameter, nil, nil
	return &c
}

// codeEquations are the equations seen by pathway code and summed
// variables: summed variables dropped, group variables and the groups'
// subexpressions used by the synapses or by texts (code about to be
// compiled) added.
func (s *Synapses) codeEquations(texts ...string) *model.Equations {
	return s.Eqs.Derive(func(v *model.Variable) *model.Variable {
		if v.HasFlag("summed") {
			return nil
		}
		return v
	}, append(append(s.refVars(), s.linkVars()...), s.usedSubRefs(texts)...))
}

// updateEquations are the clock-driven equations (event-driven ones as
// parameters).
func (s *Synapses) updateEquations(eventDriven bool) *model.Equations {
	return s.Eqs.Derive(func(v *model.Variable) *model.Variable {
		switch {
		case v.HasFlag("summed"):
			return nil
		case v.Kind == model.StateVar && v.HasFlag("event-driven") != eventDriven:
			return asParameter(v)
		}
		return v
	}, append(append(s.refVars(), s.linkVars()...), s.usedSubRefs(nil)...))
}

func (s *Synapses) hasClockDriven() bool {
	for _, v := range s.Eqs.Vars {
		if v.Kind == model.StateVar && !v.HasFlag("event-driven") {
			return true
		}
	}
	return false
}

// newContext lays out the synapses' storage, the groups' variables and the
// index arrays in a vecvm context.
func (s *Synapses) newContext() vecvm.Context {
	ctx := vecvm.Context{Seed: s.Seed, Threads: goruntime.GOMAXPROCS(0)}
	l := synLayout{delay: map[*Pathway]int{}, scalarSlots: map[string]int{}}
	ctx.Scalars = make([]float64, numFixedScalars)
	for _, name := range s.varOrder {
		v := s.vars[name]
		ctx.Arrays = append(ctx.Arrays, v.Data)
		if v.Shared {
			l.scalarSlots[name] = len(ctx.Scalars)
			ctx.Scalars = append(ctx.Scalars, v.Data[0])
		}
	}
	l.srcBase = len(ctx.Arrays)
	for _, name := range s.Source.G.varOrder {
		ctx.Arrays = append(ctx.Arrays, s.Source.G.vars[name].Data)
	}
	l.tgtBase = l.srcBase
	if s.Target.G != s.Source.G {
		l.tgtBase = len(ctx.Arrays)
		for _, name := range s.Target.G.varOrder {
			ctx.Arrays = append(ctx.Arrays, s.Target.G.vars[name].Data)
		}
	}
	l.rangePreV = relRange(s.Source)
	l.rangePostV = relRange(s.Target)
	l.rangePre, l.rangePost = len(ctx.Arrays), len(ctx.Arrays)+1
	ctx.Arrays = append(ctx.Arrays, l.rangePreV, l.rangePostV)
	l.absRange = len(ctx.Arrays)
	ctx.Arrays = append(ctx.Arrays, relRange(Whole(biggest(s.Source.G, s.Target.G))))
	if len(s.nIn) != s.Target.G.N || len(s.nOut) != s.Source.G.N {
		s.updateCounts()
	}
	l.nIn, l.nOut = len(ctx.Arrays), len(ctx.Arrays)+1
	ctx.Arrays = append(ctx.Arrays, s.nIn, s.nOut)
	for _, p := range s.pathways {
		if !p.Scalar {
			l.delay[p] = len(ctx.Arrays)
			ctx.Arrays = append(ctx.Arrays, p.Delay)
		}
	}
	l.preAbs = absolute(s.I, s.Source.Start)
	l.postAbs = absolute(s.J, s.Target.Start)
	l.zeros = make([]int32, len(s.I))
	ctx.Indices = [][]int32{idxPre: l.preAbs, idxPost: l.postAbs, idxZero: l.zeros}
	s.addLinkSyms(&ctx, &l)
	s.layout = l
	s.setTime(&ctx, s.Clock)
	return ctx
}

// biggest returns the group with more neurons.
func biggest(a, b *NeuronGroup) *NeuronGroup {
	if a.N >= b.N {
		return a
	}
	return b
}

// relRange returns k - src.Start for every neuron k of src's group.
func relRange(src Source) []float64 {
	out := make([]float64, src.G.N)
	for k := range out {
		out[k] = float64(k - src.Start)
	}
	return out
}

func absolute(rel []int32, start int) []int32 {
	if start == 0 {
		return rel
	}
	out := make([]int32, len(rel))
	for k, x := range rel {
		out[k] = x + int32(start)
	}
	return out
}

// setTime loads a clock's time and the shared variables into ctx.
func (s *Synapses) setTime(ctx *vecvm.Context, c *Clock) {
	ctx.Scalars[scalarT] = c.T()
	ctx.Scalars[scalarDt] = c.Dt()
	ctx.Scalars[scalarN] = float64(len(s.I))
	ctx.Step = c.Step
	for name, k := range s.layout.scalarSlots {
		ctx.Scalars[k] = s.vars[name].Data[0]
	}
}

// storeScalars writes shared synaptic variables back from ctx.
func (s *Synapses) storeScalars(ctx *vecvm.Context) {
	for name, k := range s.layout.scalarSlots {
		s.vars[name].Data[0] = ctx.Scalars[k]
	}
}

// resolver maps names in synaptic code to vector symbols; p is the
// pathway whose code is compiled (its delays are `delay`), or nil.
func (s *Synapses) resolver(ns model.Namespace, p *Pathway) vector.Resolver {
	l := &s.layout
	if p == nil {
		p, _ = s.Pathway("pre")
	}
	return func(name string) (vector.Symbol, bool) {
		if v, ok := s.vars[name]; ok {
			if v.Shared {
				return vector.Symbol{Kind: vector.Scalar, Type: v.Type, Slot: l.scalarSlots[name], ReadOnly: v.Constant}, true
			}
			return vector.Symbol{Kind: vector.Array, Type: v.Type, Slot: v.slot, ReadOnly: v.Constant}, true
		}
		if r, ok := s.refs[name]; ok {
			g, base, idx := s.Source.G, l.srcBase, idxPre
			if r.post {
				g, base, idx = s.Target.G, l.tgtBase, idxPost
			}
			v := g.vars[r.name]
			if v.Shared {
				idx = idxZero
			}
			return vector.Symbol{Kind: vector.IndexedArray, Type: v.Type, Slot: base + v.slot, Index: idx, ReadOnly: v.Constant}, true
		}
		if sym, ok := l.linkSyms[name]; ok {
			return sym, true
		}
		switch name {
		case "t":
			return vector.Symbol{Kind: vector.Scalar, Type: vector.Float, Slot: scalarT, ReadOnly: true}, true
		case "dt":
			return vector.Symbol{Kind: vector.Scalar, Type: vector.Float, Slot: scalarDt, ReadOnly: true}, true
		case "N":
			return vector.Symbol{Kind: vector.Scalar, Type: vector.Int, Slot: scalarN, ReadOnly: true}, true
		case "i", "i_pre":
			return vector.Symbol{Kind: vector.IndexedArray, Type: vector.Int, Slot: l.rangePre, Index: idxPre, ReadOnly: true}, true
		case "j", "i_post":
			return vector.Symbol{Kind: vector.IndexedArray, Type: vector.Int, Slot: l.rangePost, Index: idxPost, ReadOnly: true}, true
		case "N_pre":
			return vector.Symbol{Kind: vector.Constant, Type: vector.Int, Value: float64(s.Source.Len()), ReadOnly: true}, true
		case "N_post":
			return vector.Symbol{Kind: vector.Constant, Type: vector.Int, Value: float64(s.Target.Len()), ReadOnly: true}, true
		case groupI + "_pre":
			return vector.Symbol{Kind: vector.IndexedArray, Type: vector.Int, Slot: l.absRange, Index: idxPre, ReadOnly: true}, true
		case groupI + "_post":
			return vector.Symbol{Kind: vector.IndexedArray, Type: vector.Int, Slot: l.absRange, Index: idxPost, ReadOnly: true}, true
		case groupN + "_pre":
			return vector.Symbol{Kind: vector.Constant, Type: vector.Int, Value: float64(s.Source.G.N), ReadOnly: true}, true
		case groupN + "_post":
			return vector.Symbol{Kind: vector.Constant, Type: vector.Int, Value: float64(s.Target.G.N), ReadOnly: true}, true
		case "N_incoming":
			return vector.Symbol{Kind: vector.IndexedArray, Type: vector.Int, Slot: l.nIn, Index: idxPost, ReadOnly: true}, true
		case "N_outgoing":
			return vector.Symbol{Kind: vector.IndexedArray, Type: vector.Int, Slot: l.nOut, Index: idxPre, ReadOnly: true}, true
		case "delay":
			if p == nil {
				return vector.Symbol{}, false
			}
			if p.Scalar {
				return vector.Symbol{Kind: vector.Constant, Type: vector.Float, Value: p.Delay[0], ReadOnly: true}, true
			}
			return vector.Symbol{Kind: vector.Array, Type: vector.Float, Slot: l.delay[p], ReadOnly: true}, true
		}
		if _, ok := s.Eqs.Lookup(name); ok {
			return vector.Symbol{}, false
		}
		if ns != nil {
			if x, ok := ns(name); ok && x.Func == nil {
				return vector.Symbol{Kind: vector.Constant, Type: vector.Float, Value: x.Value, ReadOnly: true}, true
			}
		}
		return vector.Symbol{}, false
	}
}

// withoutDt hides dt from a namespace (event-driven updates integrate
// over t - lastupdate, not over one time step).
func withoutDt(ns model.Namespace) model.Namespace {
	return func(name string) (model.External, bool) {
		if name == "dt" || ns == nil {
			return model.External{}, false
		}
		return ns(name)
	}
}

// eventDrivenCode integrates the event-driven equations exactly from
// lastupdate to t (Brian2 substitutes dt by t - lastupdate).
func (s *Synapses) eventDrivenCode(ns model.Namespace, sp map[string]model.Special) ([]vector.Stmt, error) {
	if len(s.eventEqs) == 0 {
		return nil, nil
	}
	code, _, err := model.StateUpdate(s.updateEquations(true), "exact", withoutDt(ns), sp)
	if err != nil {
		return nil, fmt.Errorf("cannot solve the differential equations as event-driven, use (clock-driven) instead: %w", err)
	}
	since := &lang.Binary{Op: lang.Minus, X: &lang.Ident{Name: "t"}, Y: &lang.Ident{Name: "lastupdate"}}
	repl := map[string]lang.Expr{"dt": since}
	out := make([]vector.Stmt, len(code))
	for k, st := range code {
		st.Value = model.Substitute(st.Value, repl)
		out[k] = st
	}
	return out, nil
}

// Prepare compiles the synapses' code for a run and sets up the spike
// queues.
func (s *Synapses) Prepare(rc *RunContext) error {
	if !s.connected && len(s.pathways) > 0 {
		return fmt.Errorf("Synapses object '%s' does not do anything, since it has not created synapses with 'connect'", s.name)
	}
	ns := Layered(s.namespace, rc.Namespace)
	sp := SynapseSpecials()
	s.ctx = s.newContext()
	opts := options(ns)
	s.update = nil
	if s.hasClockDriven() {
		code, chosen, err := model.StateUpdate(s.updateEquations(false), s.Method, ns, sp)
		if err != nil {
			return err
		}
		s.chosen = chosen
		if s.Method == "" && !s.reported && rc.Info != nil {
			fmt.Fprintf(rc.Info, "INFO       No numerical integration method specified for group '%s', using method '%s'.\n", s.name, chosen)
			s.reported = true
		}
		if s.update, err = vector.Compile(code, s.resolver(ns, nil), opts); err != nil {
			return fmt.Errorf("synapses '%s': %w", s.name, err)
		}
	}
	codeEqs := s.codeEquations()
	ed, err := s.eventDrivenCode(ns, sp)
	if err != nil {
		return err
	}
	for _, p := range s.pathways {
		stmts, err := model.CompileCode(codeEqs, p.Code, ns, sp)
		if err != nil {
			return err
		}
		all := append(append([]vector.Stmt{}, ed...), stmts...)
		if len(s.eventEqs) > 0 {
			all = append(all, vector.Stmt{Target: "lastupdate", Op: lang.Illegal, Value: &lang.Ident{Name: "t"}})
		}
		if p.prog, err = vector.Compile(all, s.resolver(ns, p), opts); err != nil {
			return fmt.Errorf("synapses '%s', pathway '%s': %w", s.name, p.Name, err)
		}
		src, srcIdx := s.Source, s.I
		if p.Post {
			src, srcIdx = s.Target, s.J
		}
		if err := p.queue.prepare(p.Delay, p.Scalar, src.G.Clock.Dt(), srcIdx, src.Start, src.Stop); err != nil {
			return fmt.Errorf("synapses '%s', pathway '%s': %w", s.name, p.Name, err)
		}
	}
	for _, sv := range s.summed {
		expr, dim, err := model.ExprDim(codeEqs, model.ExprString(sv.v.Expr), ns, sp)
		if err != nil {
			return err
		}
		if dim != sv.v.Dim {
			return fmt.Errorf("the target variable '%s' does not have the same dimensions as the right-hand side expression '%s' (%s vs %s)", sv.name, model.ExprString(sv.v.Expr), units.DimName(sv.v.Dim), units.DimName(dim))
		}
		if sv.prog, err = vector.Compile([]vector.Stmt{{Target: sv.name, Op: lang.Plus, Value: expr}}, s.resolver(ns, nil), opts); err != nil {
			return fmt.Errorf("synapses '%s', summed variable '%s': %w", s.name, sv.name, err)
		}
	}
	return nil
}

// Ops returns the clock-driven state update (groups slot), the summed
// variable updates (groups slot, just before their target group) and the
// pathways (synapses slot; pre pathways at order -1, post at +1).
func (s *Synapses) Ops() []*Op {
	var ops []*Op
	if s.hasClockDriven() {
		ops = append(ops, &Op{Name: s.name + "_stateupdater", When: "groups", Order: s.Order, Clock: s.Clock, Run: s.stateUpdate, Active: true})
	}
	for _, sv := range s.summed {
		sv := sv
		g := s.Target.G
		if sv.pre {
			g = s.Source.G
		}
		ops = append(ops, &Op{Name: s.name + "_summed_variable_" + sv.name, When: "groups", Order: g.Order - 1, Clock: g.Clock, Run: func() error { return s.runSummed(sv) }, Active: true})
	}
	for _, p := range s.pathways {
		p := p
		order, clock := -1, s.Source.G.Clock
		if p.Post {
			order, clock = 1, s.Target.G.Clock
		}
		ops = append(ops, &Op{Name: s.name + "_" + p.Name, When: "synapses", Order: order, Clock: clock, Run: func() error { return p.run(clock) }, Active: true})
	}
	return ops
}

func (s *Synapses) stateUpdate() error {
	if s.update == nil || len(s.I) == 0 {
		return nil
	}
	s.setTime(&s.ctx, s.Clock)
	if err := vecvm.Run(s.update, &s.ctx, len(s.I)); err != nil {
		return fmt.Errorf("synapses '%s': %w", s.name, err)
	}
	s.storeScalars(&s.ctx)
	return nil
}

// runSummed sets the target variable to the sum over each neuron's
// synapses.
func (s *Synapses) runSummed(sv *summedVar) error {
	src := s.Target
	if sv.pre {
		src = s.Source
	}
	v := src.G.vars[sv.target]
	if v.Shared {
		v.Data[0] = 0
	} else {
		clear(v.Data[src.Start:src.Stop])
	}
	if len(s.I) == 0 {
		return nil
	}
	s.setTime(&s.ctx, src.G.Clock)
	if err := vecvm.Run(sv.prog, &s.ctx, len(s.I)); err != nil {
		return fmt.Errorf("synapses '%s', summed variable '%s': %w", s.name, sv.name, err)
	}
	return nil
}

// run is one step of a pathway: queue the synapses of this step's
// events, then run the code on the synapses due now.
func (p *Pathway) run(clock *Clock) error {
	s := p.syn
	src := s.Source
	if p.Post {
		src = s.Target
	}
	spikes := src.G.Events(p.Event)
	if src.Start != 0 || src.Stop != src.G.N {
		spikes = within(spikes, src.Start, src.Stop)
	}
	p.queue.push(spikes)
	due := p.queue.peek()
	if len(due) > 0 && p.prog != nil {
		s.setTime(&s.ctx, clock)
		if err := vecvm.RunIndices(p.prog, &s.ctx, due); err != nil {
			return fmt.Errorf("synapses '%s', pathway '%s': %w", s.name, p.Name, err)
		}
		s.storeScalars(&s.ctx)
	}
	p.queue.advance()
	return nil
}

// within returns the part of the ascending list xs in lo..hi-1.
func within(xs []int32, lo, hi int) []int32 {
	a := sort.Search(len(xs), func(k int) bool { return int(xs[k]) >= lo })
	b := sort.Search(len(xs), func(k int) bool { return int(xs[k]) >= hi })
	return xs[a:b]
}

// checkSummed reports summed variables of different Synapses objects
// that write the same variable of overlapping groups (Brian2 raises the
// same error when a network starts a run).
func checkSummed(objs []Object) error {
	type target struct {
		src Source
		v   string
	}
	var seen []target
	for _, o := range objs {
		s, ok := o.(*Synapses)
		if !ok {
			continue
		}
		for _, sv := range s.summed {
			src := s.Target
			if sv.pre {
				src = s.Source
			}
			for _, t := range seen {
				if t.v != sv.target || t.src.G != src.G {
					continue
				}
				if t.src == src {
					return fmt.Errorf("multiple 'summed variables' target the variable '%s' in group '%s'. Use multiple variables in the target group instead", sv.target, src.Name())
				}
				if src.Start < t.src.Stop && t.src.Start < src.Stop {
					return fmt.Errorf("multiple 'summed variables' target the variable '%s' in overlapping groups '%s' and '%s'. Use separate variables in the target groups instead", sv.target, t.src.Name(), src.Name())
				}
			}
			seen = append(seen, target{src, sv.target})
		}
	}
	return nil
}
