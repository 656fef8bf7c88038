// Package engine is sim's simulation engine for Brian2-style models:
// clocks, neuron groups' state storage, the schedule (start, groups,
// thresholds, synapses, resets, end, with Brian2's `when` and `order`),
// refractoriness, custom events, run_regularly operations, monitors,
// networks with a run loop that continues from the previous run,
// store/restore, NaN/Inf detection and progress reports.
//
// Model code is compiled by compiler/model (equations to abstract code)
// and compiler/vector (abstract code to block bytecode) at the start of
// every run, with external names resolved through a namespace callback,
// so that constants changed between runs take effect as in Brian2. The
// bytecode runs on runtime/vecvm.
package engine
