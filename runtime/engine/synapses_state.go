package engine

import (
	"fmt"

	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/runtime/vecvm"
	"github.com/sim-lang/sim/units"
)

// scriptContext returns a context for code run from a script between
// runs, with a random stream of its own.
func (s *Synapses) scriptContext() vecvm.Context {
	ctx := s.newContext()
	s.assignments++
	ctx.Seed = mix(s.Seed, uint64(s.assignments)<<20)
	return ctx
}

// ExecCode runs statements ("w = rand()*w_max") on the synapses idx (all
// when nil).
func (s *Synapses) ExecCode(code string, ns model.Namespace, idx []int32) error {
	ns = Layered(s.namespace, ns)
	stmts, err := model.CompileAssign(s.codeEquations(code), code, ns, SynapseSpecials())
	if err != nil {
		return err
	}
	ctx := s.scriptContext()
	prog, err := vector.Compile(stmts, writable(s.resolver(ns, nil), s.vars), options(ns))
	if err != nil {
		return err
	}
	if idx == nil {
		err = vecvm.Run(prog, &ctx, len(s.I))
	} else if len(idx) > 0 {
		err = vecvm.RunIndices(prog, &ctx, idx)
	}
	s.storeScalars(&ctx)
	return err
}

// EvalExpr evaluates an expression for every synapse and returns the
// values (SI) and its dimension. p gives the meaning of `delay` (nil:
// the pre pathway).
func (s *Synapses) EvalExpr(expr string, ns model.Namespace, p *Pathway) ([]float64, units.Dim, error) {
	ns = Layered(s.namespace, ns)
	x, dim, err := model.ExprDim(s.codeEquations(expr), expr, ns, SynapseSpecials())
	if err != nil {
		return nil, dim, err
	}
	ctx := s.scriptContext()
	prog, err := vector.CompileExpr(x, s.resolver(ns, p), options(ns))
	if err != nil {
		return nil, dim, err
	}
	out := make([]float64, len(s.I))
	if err := vecvm.Eval(prog, &ctx, len(s.I), out); err != nil {
		return nil, dim, err
	}
	return out, dim, nil
}

// WhereCond returns the synapses where a boolean condition holds,
// ascending.
func (s *Synapses) WhereCond(cond string, ns model.Namespace) ([]int32, error) {
	ns = Layered(s.namespace, ns)
	x, err := model.CompileCondition(s.codeEquations(cond), cond, ns, SynapseSpecials())
	if err != nil {
		return nil, err
	}
	ctx := s.scriptContext()
	prog, err := vector.CompileExpr(x, s.resolver(ns, nil), options(ns))
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(s.I))
	if err := vecvm.Eval(prog, &ctx, len(s.I), out); err != nil {
		return nil, err
	}
	var idx []int32
	for k, v := range out {
		if v != 0 {
			idx = append(idx, int32(k))
		}
	}
	return idx, nil
}

// SetDelays sets a pathway's delays (seconds) for the synapses idx (all
// when nil) from one value or one value per selected synapse. A pathway
// created with a scalar delay only takes a single value, as in Brian2.
func (p *Pathway) SetDelays(idx []int32, vals []float64) error {
	n := len(p.syn.I)
	if p.Scalar {
		if len(vals) == 0 {
			return nil
		}
		for _, v := range vals[1:] {
			if v != vals[0] {
				return fmt.Errorf("the delay of pathway '%s' was given as a scalar, it can only be changed to a single value (give no delay to the Synapses to set delays per synapse)", p.Name)
			}
		}
		if idx != nil && len(idx) != n {
			return fmt.Errorf("the delay of pathway '%s' was given as a scalar, it can only be set for all synapses", p.Name)
		}
		p.Delay[0] = vals[0]
		return nil
	}
	if idx == nil {
		if len(vals) == 1 {
			fill(p.Delay, vals[0])
			return nil
		}
		if len(vals) != n {
			return fmt.Errorf("cannot set %d delays for %d synapses", len(vals), n)
		}
		copy(p.Delay, vals)
		return nil
	}
	if len(vals) != 1 && len(vals) != len(idx) {
		return fmt.Errorf("cannot set %d delays for %d synapses", len(vals), len(idx))
	}
	for k, i := range idx {
		if len(vals) == 1 {
			p.Delay[i] = vals[0]
		} else {
			p.Delay[i] = vals[k]
		}
	}
	return nil
}

// SaveState implements Stateful: synaptic variables, connectivity,
// delays and the queued spikes.
func (s *Synapses) SaveState() *ObjectState {
	st := newState()
	for _, name := range s.varOrder {
		st.Floats[name] = cloneF(s.vars[name].Data)
	}
	is, js := make([]int64, len(s.I)), make([]int64, len(s.J))
	for k := range s.I {
		is[k], js[k] = int64(s.I[k]), int64(s.J[k])
	}
	st.Ints["_i"], st.Ints["_j"] = is, js
	for _, p := range s.pathways {
		st.Floats["_delay_"+p.Name] = cloneF(p.Delay)
		st.Ints["_queue_"+p.Name] = p.queue.state()
	}
	return st
}

// LoadState implements Stateful.
func (s *Synapses) LoadState(st *ObjectState) error {
	is, js := st.Ints["_i"], st.Ints["_j"]
	if len(is) != len(js) {
		return fmt.Errorf("corrupt stored state for synapses '%s'", s.name)
	}
	s.I, s.J = make([]int32, len(is)), make([]int32, len(js))
	for k := range is {
		s.I[k], s.J[k] = int32(is[k]), int32(js[k])
	}
	s.connected = s.connected || len(is) > 0
	for _, name := range s.varOrder {
		if d, ok := st.Floats[name]; ok {
			s.vars[name].Data = cloneF(d)
		}
	}
	for _, p := range s.pathways {
		if d, ok := st.Floats["_delay_"+p.Name]; ok {
			p.Delay = cloneF(d)
		}
		if err := p.queue.setState(st.Ints["_queue_"+p.Name]); err != nil {
			return err
		}
		p.queue.dt = 0
	}
	s.updateCounts()
	return nil
}
