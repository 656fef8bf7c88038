package engine

import (
	"fmt"
	goruntime "runtime"
	"strings"

	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/runtime/vecvm"
	"github.com/sim-lang/sim/units"
)

// newContext returns a vector-VM context over the group's storage.
func (g *NeuronGroup) newContext() vecvm.Context {
	ctx := vecvm.Context{Seed: g.Seed, Threads: goruntime.GOMAXPROCS(0)}
	ctx.Arrays = make([][]float64, len(g.varOrder))
	g.scalarSlots = map[string]int{}
	ctx.Scalars = make([]float64, numFixedScalars)
	for k, name := range g.varOrder {
		v := g.vars[name]
		ctx.Arrays[k] = v.Data
		if v.Shared {
			g.scalarSlots[name] = len(ctx.Scalars)
			ctx.Scalars = append(ctx.Scalars, v.Data[0])
		}
	}
	g.addLinks(&ctx)
	g.setTime(&ctx)
	return ctx
}

// setTime loads the clock and shared variables into ctx's scalars.
func (g *NeuronGroup) setTime(ctx *vecvm.Context) {
	ctx.Scalars[scalarT] = g.Clock.T()
	ctx.Scalars[scalarDt] = g.Clock.Dt()
	ctx.Scalars[scalarN] = float64(g.N)
	ctx.Step = g.Clock.Step
	for name, s := range g.scalarSlots {
		ctx.Scalars[s] = g.vars[name].Data[0]
	}
}

// storeScalars writes shared variables back from ctx.
func (g *NeuronGroup) storeScalars(ctx *vecvm.Context) {
	for name, s := range g.scalarSlots {
		g.vars[name].Data[0] = ctx.Scalars[s]
	}
}

// hasStateVars reports whether the model has differential equations.
func (g *NeuronGroup) hasStateVars() bool {
	for _, v := range g.Eqs.Vars {
		if v.Kind == model.StateVar {
			return true
		}
	}
	return false
}

// Prepare compiles the group's code for a run, resolving external names
// through rc.Namespace (layered under the group's own namespace).
func (g *NeuronGroup) Prepare(rc *RunContext) error {
	if err := g.checkLinks(); err != nil {
		return err
	}
	ns := withDt(Layered(g.namespace, rc.Namespace), g.Clock.Dt())
	sp := Specials()
	res := g.resolver(ns, 0)
	opts := options(ns)
	g.ctx = g.newContext()
	g.update = nil
	g.refTrack, g.refTrackable = false, false
	if g.hasStateVars() {
		code, chosen, err := model.StateUpdate(g.Eqs, g.Method, ns, sp)
		if err != nil {
			return err
		}
		g.chosen = chosen
		if g.Method == "" && !g.reported && rc.Info != nil {
			fmt.Fprintf(rc.Info, "INFO       No numerical integration method specified for group '%s', using method '%s'.\n", g.name, chosen)
			g.reported = true
		}
		if g.update, err = vector.Compile(code, res, opts); err != nil {
			return fmt.Errorf("group '%s': %w", g.name, err)
		}
		g.foldFinite = g.writesAllStateVars()
	}
	if err := g.prepareRefractory(ns, sp, res, opts); err != nil {
		return err
	}
	for _, e := range g.events {
		cond, err := model.CompileCondition(g.Eqs, e.cond, ns, sp)
		if err != nil {
			return err
		}
		if e.condProg, err = vector.CompileExpr(cond, res, opts); err != nil {
			return fmt.Errorf("group '%s', condition of event '%s': %w", g.name, e.name, err)
		}
		e.codeProg = nil
		if e.code != "" {
			stmts, err := model.CompileCode(g.Eqs, e.code, ns, sp)
			if err != nil {
				return err
			}
			if e.codeProg, err = vector.Compile(stmts, res, opts); err != nil {
				return fmt.Errorf("group '%s', code of event '%s': %w", g.name, e.name, err)
			}
		}
		e.idx = e.idx[:0]
	}
	for _, r := range g.regular {
		stmts, err := model.CompileCode(g.Eqs, r.Code, ns, sp)
		if err != nil {
			return err
		}
		if r.prog, err = vector.Compile(stmts, g.resolver(ns, -r.Start), opts); err != nil {
			return fmt.Errorf("%s: %w", r.Name, err)
		}
	}
	return nil
}

func (g *NeuronGroup) prepareRefractory(ns model.Namespace, sp map[string]model.Special, res vector.Resolver, opts vector.Options) error {
	g.refProg = nil
	if g.refractory.Kind != RefractoryExpr {
		return nil
	}
	src := g.refractory.Expr
	expr, dim, err := model.ExprDim(g.Eqs, src, ns, sp)
	if err != nil {
		return err
	}
	switch {
	case dim == secondDim:
		g.refIsTime = true
	case dim.IsDimensionless():
		g.refIsTime = false
		if expr, err = model.CompileCondition(g.Eqs, src, ns, sp); err != nil {
			return fmt.Errorf("refractory expression '%s' is dimensionless but not a boolean value: it has to evaluate to a timespan or to a boolean value (%v)", src, err)
		}
	default:
		return fmt.Errorf("refractory expression has to evaluate to a timespan or a boolean value, '%s' has units of %s instead", src, units.DimName(dim))
	}
	g.refProg, err = vector.CompileExpr(expr, res, opts)
	if err != nil {
		return fmt.Errorf("group '%s', refractory expression: %w", g.name, err)
	}
	if len(g.refBuf) != g.N {
		g.refBuf = make([]float64, g.N)
	}
	return nil
}

// updateRefractory recomputes not_refractory at the start of the state
// update, as Brian2's state updater does:
// timestep(t - lastspike, dt) >= timestep(refractory, dt) for a time, or
// not_refractory = not_refractory or not (condition) for a condition.
func (g *NeuronGroup) updateRefractory() error {
	if g.refractory.Kind == NoRefractory {
		return nil
	}
	t, dt := g.Clock.T(), g.Clock.Dt()
	ls := g.vars["lastspike"].Data
	nr := g.vars["not_refractory"].Data
	switch {
	case g.refractory.Kind == RefractoryPeriod:
		ref := Timestep(g.refractory.Period, dt)
		if y0, ok := timestepBound(ref, dt); ok {
			g.updateRefractoryPeriod(nr, ls, t, 1e-3*dt, y0)
			break
		}
		g.refTrack = false
		for k := range nr {
			nr[k] = b2f(Timestep(t-ls[k], dt) >= ref)
		}
	case g.refIsTime:
		if err := vecvm.Eval(g.refProg, &g.ctx, g.N, g.refBuf); err != nil {
			return err
		}
		for k := range nr {
			nr[k] = b2f(Timestep(t-ls[k], dt) >= Timestep(g.refBuf[k], dt))
		}
	default:
		if err := vecvm.Eval(g.refProg, &g.ctx, g.N, g.refBuf); err != nil {
			return err
		}
		for k := range nr {
			nr[k] = b2f(nr[k] != 0 || g.refBuf[k] == 0)
		}
	}
	return nil
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// stateUpdate is the operation at 'groups': refractoriness, then the
// integration step, then the NaN/Inf check.
func (g *NeuronGroup) stateUpdate() error {
	g.setTime(&g.ctx)
	if err := g.updateRefractory(); err != nil {
		return err
	}
	if g.update == nil {
		return nil
	}
	g.ctx.CheckFinite = g.CheckFinite && g.foldFinite
	err := vecvm.Run(g.update, &g.ctx, g.N)
	g.ctx.CheckFinite = false
	if err != nil {
		return fmt.Errorf("group '%s': %w", g.name, err)
	}
	g.storeScalars(&g.ctx)
	if g.CheckFinite && (!g.foldFinite || g.ctx.NonFinite) {
		return g.checkFinite(g.Clock.T())
	}
	return nil
}

// writesAllStateVars reports whether the compiled state update writes
// every state variable's array over all elements, so that the values it
// writes are all the values the NaN/Inf check has to see.
func (g *NeuronGroup) writesAllStateVars() bool {
	written := vecvm.WrittenSlots(&g.update.Block, nil)
	for k, name := range g.varOrder {
		if g.vars[name].Kind != model.StateVar {
			continue
		}
		found := false
		for _, s := range written {
			found = found || int(s) == k
		}
		if !found {
			return false
		}
	}
	return true
}

// threshold is an event's thresholder: the elements whose condition
// holds (and, for spikes of a refractory group, that are not refractory).
func (g *NeuronGroup) threshold(e *event) error {
	g.setTime(&g.ctx)
	if cap(e.idx) < g.N {
		e.idx = make([]int32, 0, g.N)
	}
	idx, err := vecvm.Where(e.condProg, &g.ctx, g.N, e.idx[:0])
	if err != nil {
		return fmt.Errorf("group '%s', event '%s': %w", g.name, e.name, err)
	}
	if e.name != "spike" {
		e.idx = idx
		return nil
	}
	t := g.Clock.T()
	ls := g.vars["lastspike"].Data
	if g.refractory.Kind != NoRefractory {
		nr := g.vars["not_refractory"].Data
		kept := idx[:0]
		for _, k := range idx {
			if nr[k] != 0 {
				kept = append(kept, k)
				nr[k] = 0
				ls[k] = t
				if g.refTrack {
					g.refList = append(g.refList, k)
				}
			}
		}
		idx = kept
	} else {
		for _, k := range idx {
			ls[k] = t
		}
	}
	e.idx = idx
	return nil
}

// runEventCode runs an event's code (reset) on the event's elements.
func (g *NeuronGroup) runEventCode(e *event) error {
	if len(e.idx) == 0 || e.codeProg == nil {
		return nil
	}
	g.setTime(&g.ctx)
	if err := vecvm.RunIndices(e.codeProg, &g.ctx, e.idx); err != nil {
		return fmt.Errorf("group '%s', code of event '%s': %w", g.name, e.name, err)
	}
	g.storeScalars(&g.ctx)
	return nil
}

// Ops returns the group's scheduled operations: state updater,
// thresholders, resetters and run_regularly operations.
func (g *NeuronGroup) Ops() []*Op {
	ops := []*Op{{Name: g.name + "_stateupdater", When: "groups", Order: g.Order, Clock: g.Clock, Run: g.stateUpdate, Active: true}}
	for _, e := range g.events {
		e := e
		ops = append(ops, &Op{Name: g.name + "_" + e.name + "_thresholder", When: e.when, Order: g.Order, Clock: g.Clock, Run: func() error { return g.threshold(e) }, Active: true})
		if e.code != "" {
			ops = append(ops, &Op{Name: g.name + "_" + e.name + "_resetter", When: e.codeWhen, Order: g.Order, Clock: g.Clock, Run: func() error { return g.runEventCode(e) }, Active: true})
		}
	}
	for _, r := range g.regular {
		r := r
		ops = append(ops, &Op{Name: r.Name, When: r.When, Order: r.Order, Clock: r.Clock, Run: func() error { return g.runRegular(r) }, Active: true})
	}
	return ops
}

// Disassemble compiles the group's code as a run would and returns the
// bytecode listing of every program (state update, refractoriness,
// event conditions and code, run_regularly operations).
func (g *NeuronGroup) Disassemble(rc *RunContext) (string, error) {
	quiet := *rc
	quiet.Info = nil
	if err := g.Prepare(&quiet); err != nil {
		return "", err
	}
	var b strings.Builder
	section := func(title string, p *vector.Program) {
		if p == nil {
			return
		}
		fmt.Fprintf(&b, "=== %s: %s ===\n%s", g.name, title, p.Disassemble())
		if s := b.String(); !strings.HasSuffix(s, "\n") {
			b.WriteByte('\n')
		}
	}
	section(fmt.Sprintf("state update (method %s)", g.chosen), g.update)
	section("refractoriness", g.refProg)
	for _, e := range g.events {
		section(fmt.Sprintf("condition of event '%s'", e.name), e.condProg)
		section(fmt.Sprintf("code of event '%s'", e.name), e.codeProg)
	}
	for _, r := range g.regular {
		section(r.Name, r.prog)
	}
	return b.String(), nil
}
