package engine

import (
	"fmt"

	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/runtime/vecvm"
)

// Regular is a run_regularly operation: code run on every element of a
// group at the times of its own clock.
type Regular struct {
	Name  string
	Code  string
	Clock *Clock
	When  string
	Order int
	// Start and Stop are the elements the code runs on (a subgroup's
	// range; the whole group by default). Within the code, i counts from
	// 0 at Start and N is Stop - Start, as in Brian2's subgroups.
	Start, Stop int
	prog        *vector.Program
	idx         []int32 // Start..Stop-1 for a subgroup
}

// RunRegularly adds code run at every step of clock (the group's clock
// when nil), in slot when ("start" when empty), as Brian2's
// NeuronGroup.run_regularly does. name may be empty.
func (g *NeuronGroup) RunRegularly(code string, clock *Clock, when string, order int, name string) (*Regular, error) {
	if clock == nil {
		clock = g.Clock
	}
	if when == "" {
		when = "start"
	}
	if _, err := slotIndex(when); err != nil {
		return nil, err
	}
	if name == "" {
		name = g.name + "_run_regularly"
		if len(g.regular) > 0 {
			name = fmt.Sprintf("%s_%d", name, len(g.regular))
		}
	}
	for _, r := range g.regular {
		if r.Name == name {
			return nil, fmt.Errorf("an operation named '%s' already exists", name)
		}
	}
	r := &Regular{Name: name, Code: code, Clock: clock, When: when, Order: order, Stop: g.N}
	g.regular = append(g.regular, r)
	return r, nil
}

func (g *NeuronGroup) runRegular(r *Regular) error {
	if r.prog == nil {
		return nil
	}
	g.setTime(&g.ctx)
	// the operation's own clock gives t
	g.ctx.Scalars[scalarT] = r.Clock.T()
	g.ctx.Scalars[scalarDt] = r.Clock.Dt()
	g.ctx.Step = r.Clock.Step
	var err error
	if r.Start == 0 && r.Stop == g.N {
		err = vecvm.Run(r.prog, &g.ctx, g.N)
	} else {
		g.ctx.Scalars[scalarN] = float64(r.Stop - r.Start)
		err = vecvm.RunIndices(r.prog, &g.ctx, r.indices())
		g.ctx.Scalars[scalarN] = float64(g.N)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", r.Name, err)
	}
	g.storeScalars(&g.ctx)
	return nil
}

// indices returns the elements of a subgroup's operation.
func (r *Regular) indices() []int32 {
	if len(r.idx) != r.Stop-r.Start {
		r.idx = Source{Start: r.Start, Stop: r.Stop}.Indices()
	}
	return r.idx
}

// SetRange restricts the operation to the elements start..stop-1 (a
// subgroup).
func (r *Regular) SetRange(start, stop int) { r.Start, r.Stop = start, stop }
