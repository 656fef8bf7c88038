package brian2

import "github.com/sim-lang/sim/runtime/engine"

// Engine returns the engine monitor behind a StateMonitor script object
// (for Go packages that save or plot recordings).
func (M *StateMonitor) Engine() *engine.StateMonitor { return M.m }

// Engine returns the engine monitor behind a SpikeMonitor or
// EventMonitor script object.
func (E *EventMonitor) Engine() *engine.EventMonitor { return E.m }

// Engine returns the engine monitor behind a PopulationRateMonitor
// script object.
func (R *RateMonitor) Engine() *engine.PopulationRateMonitor { return R.m }
