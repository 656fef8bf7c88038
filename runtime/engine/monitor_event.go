package engine

import (
	"fmt"

	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/vecvm"
	"github.com/sim-lang/sim/units"
)

func suggestName(name string, names []string) string { return runtime.Suggest(name, names) }

// EventMonitor records the events (spikes, or a custom event) of a
// source: element indices (relative to the source), times, counts and
// optionally variables at the time of the event. It runs just after the
// event's thresholder (same slot, order + 1), as Brian2's does.
type EventMonitor struct {
	name   string
	Src    Source
	Event  string
	Vars   []string
	Dims   []units.Dim
	Record bool
	Clock  *Clock
	When   string
	Order  int

	I     []int32
	T     []float64
	Data  [][]float64 // per variable, one value per event
	Count []int64     // per element of the source
	// Total counts all events, recorded or not.
	Total int64

	exprs []*vector.Program
	buf   []float64
}

// NewEventMonitor returns a monitor of event on src.
func NewEventMonitor(name string, src Source, event string, vars []string, record bool) (*EventMonitor, error) {
	g := src.G
	e, ok := g.event(event)
	if !ok {
		if event == "spike" {
			return nil, fmt.Errorf("group '%s' has no threshold, so it has no spikes to monitor", g.name)
		}
		return nil, fmt.Errorf("group '%s' has no event '%s'%s", g.name, event, suggestName(event, g.EventNames()))
	}
	m := &EventMonitor{name: name, Src: src, Event: event, Vars: vars, Record: record, Clock: g.Clock, When: e.when, Order: g.Order + 1}
	m.Count = make([]int64, src.Len())
	for _, v := range vars {
		d, err := g.varDim(v)
		if err != nil {
			return nil, err
		}
		m.Dims = append(m.Dims, d)
	}
	m.Data = make([][]float64, len(vars))
	return m, nil
}

// Name returns the monitor's name.
func (m *EventMonitor) Name() string { return m.name }

// Prepare compiles recorded subexpressions.
func (m *EventMonitor) Prepare(rc *RunContext) error {
	g := m.Src.G
	ns := Layered(g.namespace, rc.Namespace)
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

func (m *EventMonitor) record() error {
	g := m.Src.G
	idx := g.Events(m.Event)
	if len(idx) == 0 {
		return nil
	}
	t := m.Clock.T()
	first := len(m.I)
	for _, k := range idx {
		if int(k) < m.Src.Start || int(k) >= m.Src.Stop {
			continue
		}
		rel := int(k) - m.Src.Start
		m.Count[rel]++
		m.Total++
		if m.Record {
			m.I = append(m.I, int32(rel))
			m.T = append(m.T, t)
		}
	}
	if !m.Record || len(m.Vars) == 0 {
		return nil
	}
	for v, name := range m.Vars {
		var src []float64
		if sv, ok := g.vars[name]; ok {
			src = sv.Data
		} else {
			if len(m.buf) != g.N {
				m.buf = make([]float64, g.N)
			}
			ctx := g.ctx
			g.setTime(&ctx)
			if err := vecvm.Eval(m.exprs[v], &ctx, g.N, m.buf); err != nil {
				return err
			}
			src = m.buf
		}
		for _, rel := range m.I[first:] {
			k := int(rel) + m.Src.Start
			if len(src) == 1 {
				k = 0
			}
			m.Data[v] = append(m.Data[v], src[k])
		}
	}
	return nil
}

// Ops returns the recording operation.
func (m *EventMonitor) Ops() []*Op {
	return []*Op{{Name: m.name, When: m.When, Order: m.Order, Clock: m.Clock, Run: m.record, Active: true}}
}

// PopulationRateMonitor records the instantaneous firing rate of a
// source at every step (spikes in the step / (N*dt)), in the 'end' slot.
type PopulationRateMonitor struct {
	name  string
	Src   Source
	Clock *Clock
	When  string
	Order int
	T     []float64
	Rate  []float64
}

// NewPopulationRateMonitor returns a rate monitor of src's spikes.
func NewPopulationRateMonitor(name string, src Source) (*PopulationRateMonitor, error) {
	if !src.G.HasEvent("spike") {
		return nil, fmt.Errorf("group '%s' has no threshold, so it has no spikes to monitor", src.G.name)
	}
	return &PopulationRateMonitor{name: name, Src: src, Clock: src.G.Clock, When: "end"}, nil
}

// Name returns the monitor's name.
func (m *PopulationRateMonitor) Name() string { return m.name }

// Prepare does nothing: the monitor has no code.
func (m *PopulationRateMonitor) Prepare(*RunContext) error { return nil }

func (m *PopulationRateMonitor) record() error {
	n := 0
	for _, k := range m.Src.G.Events("spike") {
		if int(k) >= m.Src.Start && int(k) < m.Src.Stop {
			n++
		}
	}
	m.T = append(m.T, m.Clock.T())
	m.Rate = append(m.Rate, float64(n)/float64(m.Src.Len())/m.Clock.Dt())
	return nil
}

// Ops returns the recording operation.
func (m *PopulationRateMonitor) Ops() []*Op {
	return []*Op{{Name: m.name, When: m.When, Order: m.Order, Clock: m.Clock, Run: m.record, Active: true}}
}
