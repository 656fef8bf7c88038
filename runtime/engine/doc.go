// Package engine is sim's simulation engine for Brian2-style models:
// clocks, neuron groups' state storage, the schedule (start, groups,
// thresholds, synapses, resets, end, with Brian2's `when` and `order`),
// refractoriness, custom events, run_regularly operations (on groups and
// subgroups), linked variables, monitors,
// networks with a run loop that continues from the previous run,
// store/restore, NaN/Inf detection and progress reports.
//
// Model code is compiled by compiler/model (equations to abstract code)
// and compiler/vector (abstract code to block bytecode) at the start of
// every run, with external names resolved through a namespace callback,
// so that constants changed between runs take effect as in Brian2 (the
// clock's dt is part of that namespace, so exact updates of linear
// systems are computed numerically for the step). Divisions by per-step
// constants compile to multiplications, as Brian2's loop-invariant
// optimisation does. The bytecode runs on runtime/vecvm.
//
// Per step, a group costs its bytecode plus a division-free pass over
// the neurons that may be refractory and a NaN/Inf scan of the state
// variables; apart from what monitors record, a run allocates nothing
// per step.
package engine
