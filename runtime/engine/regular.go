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
	prog  *vector.Program
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
	r := &Regular{Name: name, Code: code, Clock: clock, When: when, Order: order}
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
	if err := vecvm.Run(r.prog, &g.ctx, g.N); err != nil {
		return fmt.Errorf("%s: %w", r.Name, err)
	}
	g.storeScalars(&g.ctx)
	return nil
}
