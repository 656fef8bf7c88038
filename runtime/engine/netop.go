package engine

// NetworkOperation is an object that calls Go code at every step of its
// clock, in its scheduling slot: Brian2's NetworkOperation, whose code
// is usually a script function called back through the interpreter.
// It has no state of its own; whatever Func changes (group variables)
// takes effect for the rest of the time step, as in Brian2.
type NetworkOperation struct {
	name string
	// Clock decides at which times Func is called.
	Clock *Clock
	// Func is called with the clock's time in seconds. An error stops
	// the run and is returned from Network.Run unchanged, so that a
	// script error keeps its position and traceback.
	Func func(t float64) error
	op   *Op
}

// NewNetworkOperation returns an operation calling fn at every step of
// clock in slot when ("start" when empty) with order; the name must be
// unique within a network.
func NewNetworkOperation(name string, fn func(t float64) error, clock *Clock, when string, order int) (*NetworkOperation, error) {
	if when == "" {
		when = "start"
	}
	if _, err := slotIndex(when); err != nil {
		return nil, err
	}
	o := &NetworkOperation{name: name, Clock: clock, Func: fn}
	o.op = &Op{Name: name, When: when, Order: order, Clock: clock, Active: true, Run: o.run}
	return o, nil
}

func (o *NetworkOperation) run() error { return o.Func(o.Clock.T()) }

// Name implements Object.
func (o *NetworkOperation) Name() string { return o.name }

// Prepare implements Object; there is nothing to compile.
func (o *NetworkOperation) Prepare(rc *RunContext) error { return nil }

// Ops implements Object: the one operation, the same at every run so
// that Active, When and Order set between runs are seen.
func (o *NetworkOperation) Ops() []*Op { return []*Op{o.op} }

// Active reports whether the operation runs.
func (o *NetworkOperation) Active() bool { return o.op.Active }

// SetActive switches the operation on or off (from the next step on when
// called during a run).
func (o *NetworkOperation) SetActive(on bool) { o.op.Active = on }

// When returns the scheduling slot.
func (o *NetworkOperation) When() string { return o.op.When }

// SetWhen changes the scheduling slot; it takes effect at the next run.
func (o *NetworkOperation) SetWhen(when string) error {
	if _, err := slotIndex(when); err != nil {
		return err
	}
	o.op.When = when
	return nil
}

// Order returns the order within the slot.
func (o *NetworkOperation) Order() int { return o.op.Order }

// SetOrder changes the order within the slot; it takes effect at the
// next run.
func (o *NetworkOperation) SetOrder(order int) { o.op.Order = order }
