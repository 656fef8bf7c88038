package engine

import (
	"fmt"
	"sort"
	"strings"
)

// Schedule is Brian2's default order of the slots of one time step.
var Schedule = []string{"start", "groups", "thresholds", "synapses", "resets", "end"}

// slotIndex orders a `when` value: each slot of Schedule, with
// "before_X" just before X and "after_X" just after it.
func slotIndex(when string) (int, error) {
	base, shift := when, 1
	switch {
	case strings.HasPrefix(when, "before_"):
		base, shift = when[len("before_"):], 0
	case strings.HasPrefix(when, "after_"):
		base, shift = when[len("after_"):], 2
	}
	for k, s := range Schedule {
		if s == base {
			return 3*k + shift, nil
		}
	}
	return 0, fmt.Errorf("unknown scheduling slot %q (the slots are %s, optionally prefixed by 'before_' or 'after_')", when, strings.Join(Schedule, ", "))
}

// Op is one operation of the schedule: a state updater, a thresholder, a
// resetter, a monitor's recording, a run_regularly operation.
type Op struct {
	// Name is unique within a network ("neurongroup_stateupdater").
	Name string
	// When is the scheduling slot, Order breaks ties within it (then Name).
	When  string
	Order int
	// Clock decides at which times the operation runs.
	Clock *Clock
	// Run performs one step.
	Run func() error
	// Active can switch an operation off.
	Active bool

	slot int
}

// sortOps orders ops by slot, order and name, as Brian2's Network does.
func sortOps(ops []*Op) error {
	for _, op := range ops {
		s, err := slotIndex(op.When)
		if err != nil {
			return fmt.Errorf("%s: %v", op.Name, err)
		}
		op.slot = s
	}
	sort.SliceStable(ops, func(a, b int) bool {
		x, y := ops[a], ops[b]
		if x.slot != y.slot {
			return x.slot < y.slot
		}
		if x.Order != y.Order {
			return x.Order < y.Order
		}
		return x.Name < y.Name
	})
	return nil
}
