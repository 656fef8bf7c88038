package engine

import (
	"fmt"

	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/runtime/vecvm"
	"github.com/sim-lang/sim/units"
)

// Recordable is what a StateMonitor records: a number of elements with
// named float64 state arrays that have dimensions. A group or subgroup
// (Source) and Synapses are recordable.
type Recordable interface {
	// Name names the object in messages.
	Name() string
	// Len returns the number of elements.
	Len() int
	// RecordClock is the clock a monitor follows unless given its own.
	RecordClock() *Clock
	// StateVar returns a stored variable (ok false when name is not
	// stored) and, in every case, the storage index of element 0.
	StateVar(name string) (v *Var, offset int, ok bool)
	// VarDim returns the dimension of a name a monitor can record, or an
	// error naming the readable names.
	VarDim(name string) (units.Dim, error)
	// recorder compiles a recordable name that is not stored (a
	// subexpression, a reference) into a function that evaluates it for
	// every element at time t; its result is indexed like StateVar's
	// storage.
	recorder(name string, ns model.Namespace) (func(t float64) ([]float64, error), error)
}

// RecordClock implements Recordable: the group's clock.
func (s Source) RecordClock() *Clock { return s.G.Clock }

// StateVar implements Recordable.
func (s Source) StateVar(name string) (*Var, int, bool) {
	v, ok := s.G.vars[name]
	return v, s.Start, ok
}

// VarDim implements Recordable.
func (s Source) VarDim(name string) (units.Dim, error) { return s.G.varDim(name) }

func (s Source) recorder(name string, rns model.Namespace) (func(t float64) ([]float64, error), error) {
	g := s.G
	ns := Layered(g.namespace, rns)
	x, _, err := model.ExprDim(g.Eqs, name, ns, Specials())
	if err != nil {
		return nil, err
	}
	prog, err := vector.CompileExpr(x, g.resolver(ns, -s.Start), options(ns))
	if err != nil {
		return nil, err
	}
	buf := make([]float64, g.N)
	return func(t float64) ([]float64, error) {
		ctx := g.ctx
		g.setTime(&ctx)
		ctx.Scalars[scalarT] = t
		return buf, vecvm.Eval(prog, &ctx, g.N, buf)
	}, nil
}

// RecordClock implements Recordable: the synapses' clock.
func (s *Synapses) RecordClock() *Clock { return s.Clock }

// StateVar implements Recordable.
func (s *Synapses) StateVar(name string) (*Var, int, bool) {
	v, ok := s.vars[name]
	return v, 0, ok
}

// VarDim implements Recordable: synaptic variables, subexpressions,
// variables of the pre- and postsynaptic groups (v_post) and the
// specials (i, j, t, ...).
func (s *Synapses) VarDim(name string) (units.Dim, error) {
	if v, ok := s.vars[name]; ok {
		return v.Dim, nil
	}
	if v, ok := s.Eqs.Lookup(name); ok {
		return v.Dim, nil
	}
	if r, ok := s.refs[name]; ok {
		g := s.Source.G
		if r.post {
			g = s.Target.G
		}
		return g.vars[r.name].Dim, nil
	}
	if r, ok := s.subRefs[name]; ok {
		return r.v.Dim, nil
	}
	for _, v := range s.linkVars() {
		if v.Name == name {
			return v.Dim, nil
		}
	}
	switch name {
	case "t", "dt", "delay":
		return secondDim, nil
	case "i", "j", "N", "i_pre", "i_post", "N_pre", "N_post", "N_incoming", "N_outgoing":
		return units.Dim{}, nil
	}
	names := append([]string{}, s.varOrder...)
	for _, v := range s.Eqs.Vars {
		if v.Kind == model.SubExpr {
			names = append(names, v.Name)
		}
	}
	return units.Dim{}, fmt.Errorf("synapses '%s' have no variable '%s'%s", s.name, name, suggestName(name, append(names, "i", "j", "t")))
}

func (s *Synapses) recorder(name string, rns model.Namespace) (func(t float64) ([]float64, error), error) {
	ns := Layered(s.namespace, rns)
	x, _, err := model.ExprDim(s.codeEquations(name), name, ns, SynapseSpecials())
	if err != nil {
		return nil, err
	}
	ctx := s.newContext()
	prog, err := vector.CompileExpr(x, s.resolver(ns, nil), options(ns))
	if err != nil {
		return nil, err
	}
	buf := make([]float64, len(s.I))
	return func(t float64) ([]float64, error) {
		s.setTime(&ctx, s.Clock)
		ctx.Scalars[scalarT] = t
		return buf, vecvm.Eval(prog, &ctx, len(buf), buf)
	}, nil
}
