package engine

import (
	"fmt"

	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/units"
)

// StateMonitor records variables of a group, subgroup or synapses at
// every step of its clock, in the 'start' slot as Brian2 does.
type StateMonitor struct {
	name string
	// Of is what is recorded; Src is the same source when it is a group
	// or subgroup (its G is nil for synapses).
	Of     Recordable
	Src    Source
	Vars   []string
	Dims   []units.Dim
	Record []int // recorded elements, relative to Of
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

	// resolved by Prepare: the stored variable of each recorded name
	// (nil for the others, which evals computes) and the storage index
	// of element 0.
	state  []*Var
	evals  []func(t float64) ([]float64, error)
	offset int
}

// NewStateMonitor returns a monitor of vars for the elements record
// (relative to src; nil records all) at the steps of clock (the group's
// when nil).
func NewStateMonitor(name string, src Source, vars []string, record []int, clock *Clock) (*StateMonitor, error) {
	return NewStateMonitorOf(name, src, vars, record, clock)
}

// NewStateMonitorOf returns a monitor of vars of any recordable object
// (a Source or *Synapses) for the elements record (nil records all the
// elements there are now) at the steps of clock (the object's when nil).
func NewStateMonitorOf(name string, of Recordable, vars []string, record []int, clock *Clock) (*StateMonitor, error) {
	if clock == nil {
		clock = of.RecordClock()
	}
	m := &StateMonitor{name: name, Of: of, Vars: vars, Record: record, Clock: clock, When: "start"}
	if src, ok := of.(Source); ok {
		m.Src = src
	}
	if s, ok := of.(*Synapses); ok && !s.Connected() && record == nil {
		return nil, fmt.Errorf("cannot record all synapses of '%s' before they are created: call connect() before creating the StateMonitor", s.Name())
	}
	if record == nil {
		m.Record = make([]int, of.Len())
		for k := range m.Record {
			m.Record[k] = k
		}
	}
	if err := m.checkRecord(); err != nil {
		return nil, err
	}
	for _, v := range vars {
		d, err := of.VarDim(v)
		if err != nil {
			return nil, err
		}
		m.Dims = append(m.Dims, d)
	}
	m.Data = make([][]float64, len(vars))
	return m, nil
}

// checkRecord checks that the recorded indices exist.
func (m *StateMonitor) checkRecord() error {
	n := m.Of.Len()
	for _, k := range m.Record {
		if k < 0 || k >= n {
			what := "neurons"
			if _, ok := m.Of.(*Synapses); ok {
				what = "synapses"
			}
			return fmt.Errorf("cannot record index %d of %s, which has %d %s", k, m.Of.Name(), n, what)
		}
	}
	return nil
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

// Prepare resolves the recorded variables and compiles the expressions
// of recorded subexpressions.
func (m *StateMonitor) Prepare(rc *RunContext) error {
	if err := m.checkRecord(); err != nil {
		return err
	}
	m.state = make([]*Var, len(m.Vars))
	m.evals = make([]func(float64) ([]float64, error), len(m.Vars))
	m.offset = 0
	for k, name := range m.Vars {
		v, off, ok := m.Of.StateVar(name)
		m.offset = off
		if ok {
			m.state[k] = v
			continue
		}
		f, err := m.Of.recorder(name, rc.Namespace)
		if err != nil {
			return err
		}
		m.evals[k] = f
	}
	m.contigLo, m.contigOK = m.contiguous()
	return nil
}

func (m *StateMonitor) record() error {
	t := m.Clock.T()
	m.T = append(m.T, t)
	for k := range m.Vars {
		var src []float64
		if v := m.state[k]; v != nil {
			src = v.Data
			if v.Shared {
				for range m.Record {
					m.Data[k] = append(m.Data[k], src[0])
				}
				continue
			}
		} else {
			var err error
			if src, err = m.evals[k](t); err != nil {
				return err
			}
		}
		if m.contigOK {
			lo := m.contigLo
			m.Data[k] = append(m.Data[k], src[lo:lo+len(m.Record)]...)
			continue
		}
		for _, r := range m.Record {
			m.Data[k] = append(m.Data[k], src[m.offset+r])
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
	return m.offset + m.Record[0], true
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
