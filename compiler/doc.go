// Package compiler turns a parsed script (lang.File) into bytecode for the
// runtime's stack VM: it resolves every name to a local slot, a closure
// cell, a free variable or an indexed global slot, and emits compact
// fixed-width instructions with a table mapping each instruction back to
// its source position. Compiled Programs are immutable and may be run many
// times. The package does not import runtime.
package compiler
