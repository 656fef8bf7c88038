package engine

import (
	"fmt"

	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/runtime/vecvm"
	"github.com/sim-lang/sim/units"
)

// StateMonitor records variables of a source at every step of its clock,
// in the 'start' slot as Brian2 does.
type StateMonitor struct {
	name   string
	Src    Source
	Vars   []string
	Dims   []units.Dim
	Record []int // recorded elements, relative to Src
	// contigLo and contigOK: Record is a run of consecutive elements
	// starting at storage index contigLo (set by Prepare).
	contigLo int
	contigOK bool
	Clock    *Clock
	When     string
	Order    int
	// T holds the recording times; Data[v] holds len(Record) values per
	// recorded time, time-major.
	T    []float64
	Data [][]float64

	exprs []*vector.Program // for subexpressions (nil for stored variables)
	buf   []float64
}

// NewStateMonitor returns a monitor of vars for the elements record
// (relative to src; nil records all) at the steps of clock (the group's
// when nil).
func NewStateMonitor(name string, src Source, vars []string, record []int, clock *Clock) (*StateMonitor, error) {
	if clock == nil {
		clock = src.G.Clock
	}
	m := &StateMonitor{name: name, Src: src, Vars: vars, Record: record, Clock: clock, When: "start"}
	if record == nil {
		m.Record = make([]int, src.Len())
		for k := range m.Record {
			m.Record[k] = k
		}
	}
	for _, k := range m.Record {
		if k < 0 || k >= src.Len() {
			return nil, fmt.Errorf("cannot record index %d of %s, which has %d neurons", k, src.Name(), src.Len())
		}
	}
	for _, v := range vars {
		d, err := src.G.varDim(v)
		if err != nil {
			return nil, err
		}
		m.Dims = append(m.Dims, d)
	}
	m.Data = make([][]float64, len(vars))
	return m, nil
}

// varDim returns the dimension of a variable or subexpression of g.
func (g *NeuronGroup) varDim(name string) (units.Dim, error) {
	if v, ok := g.vars[name]; ok {
		return v.Dim, nil
	}
	if v, ok := g.Eqs.Lookup(name); ok {
		return v.Dim, nil
	}
	switch name {
	case "t", "dt":
		return secondDim, nil
	case "i", "N":
		return units.Dim{}, nil
	}
	return units.Dim{}, fmt.Errorf("group '%s' has no variable '%s'%s", g.name, name, suggestName(name, g.allNames()))
}

// allNames lists every name a user can read from g.
func (g *NeuronGroup) allNames() []string {
	names := append([]string{}, g.varOrder...)
	for _, v := range g.Eqs.Vars {
		if v.Kind == model.SubExpr {
			names = append(names, v.Name)
		}
	}
	return append(names, "i", "N", "t", "dt")
}

// Name returns the monitor's name.
func (m *StateMonitor) Name() string { return m.name }

// Prepare compiles the expressions of recorded subexpressions.
func (m *StateMonitor) Prepare(rc *RunContext) error {
	g := m.Src.G
	ns := Layered(g.namespace, rc.Namespace)
	m.contigLo, m.contigOK = m.contiguous()
	m.exprs = make([]*vector.Program, len(m.Vars))
	for k, name := range m.Vars {
		if _, ok := g.vars[name]; ok {
			continue
		}
		x, _, err := model.ExprDim(g.Eqs, name, ns, Specials())
		if err != nil {
			return err
		}
		if m.exprs[k], err = vector.CompileExpr(x, g.resolver(ns, -m.Src.Start), options(ns)); err != nil {
			return err
		}
	}
	return nil
}

func (m *StateMonitor) record() error {
	g := m.Src.G
	m.T = append(m.T, m.Clock.T())
	for k, name := range m.Vars {
		var src []float64
		if v, ok := g.vars[name]; ok {
			src = v.Data
			if v.Shared {
				for range m.Record {
					m.Data[k] = append(m.Data[k], src[0])
				}
				continue
			}
		} else {
			if len(m.buf) != g.N {
				m.buf = make([]float64, g.N)
			}
			ctx := g.ctx
			g.setTime(&ctx)
			ctx.Scalars[scalarT] = m.Clock.T()
			if err := vecvm.Eval(m.exprs[k], &ctx, g.N, m.buf); err != nil {
				return err
			}
			src = m.buf
		}
		if m.contigOK {
			lo := m.contigLo
			m.Data[k] = append(m.Data[k], src[lo:lo+len(m.Record)]...)
			continue
		}
		for _, r := range m.Record {
			m.Data[k] = append(m.Data[k], src[m.Src.Start+r])
		}
	}
	return nil
}

// contiguous reports whether the recorded elements are consecutive
// (record=True, a range), and the storage index of the first, so that a
// step's values are copied in one piece.
func (m *StateMonitor) contiguous() (int, bool) {
	n := len(m.Record)
	if n == 0 || m.Record[n-1]-m.Record[0] != n-1 {
		return 0, false
	}
	for k := 1; k < n; k++ {
		if m.Record[k] != m.Record[k-1]+1 {
			return 0, false
		}
	}
	return m.Src.Start + m.Record[0], true
}

// Ops returns the recording operation.
func (m *StateMonitor) Ops() []*Op {
	return []*Op{{Name: m.name, When: m.When, Order: m.Order, Clock: m.Clock, Run: m.record, Active: true}}
}

// Values returns variable k's recordings as len(Record) rows of len(T)
// values.
func (m *StateMonitor) Values(k int) []float64 {
	nr, nt := len(m.Record), len(m.T)
	out := make([]float64, nr*nt)
	d := m.Data[k]
	for t := 0; t < nt; t++ {
		for r := 0; r < nr; r++ {
			out[r*nt+t] = d[t*nr+r]
		}
	}
	return out
}

// Row returns the position of element i (relative to the source) among
// the recorded elements.
func (m *StateMonitor) Row(i int) (int, bool) {
	for k, r := range m.Record {
		if r == i {
			return k, true
		}
	}
	return 0, false
}
