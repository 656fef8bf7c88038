// Package vector compiles model code (Brian2's "abstract code": sequences
// of assignments over expressions, as produced by the integration methods,
// resets, thresholds and synaptic pathways) into a register bytecode whose
// instructions act on blocks of elements rather than single scalars
// (DESIGN.md §3). The bytecode is executed by package runtime/vecvm.
//
// The compiler resolves names through a Resolver, folds constants, removes
// common subexpressions, and hoists everything that does not vary per
// element into a scalar prologue run once per step.
package vector

import (
	"github.com/sim-lang/sim/lang"
)

// SymKind says where the value of a name comes from.
type SymKind uint8

// Symbol kinds.
const (
	// Array is a per-element float64 array: Context.Arrays[Slot][k] for
	// element k (k already includes a subgroup's offset).
	Array SymKind = iota
	// IndexedArray is a per-element value read through an index array:
	// Context.Arrays[Slot][Context.Indices[Index][k]] (for example v_post
	// in synaptic code: the target neuron's v through the synapses' j).
	IndexedArray
	// Scalar is one float64 per step, Context.Scalars[Slot] (t, dt, shared
	// variables, N). Scalars are read once per step, before the blocks.
	Scalar
	// Constant is a value fixed at compile time (external constants of the
	// namespace, resolved when run() starts, as in Brian2).
	Constant
	// ElementIndex is the element's own index (Brian2's `i` in a
	// NeuronGroup), plus Offset (for subgroups).
	ElementIndex
)

// Type is the value type of a symbol. Everything computes in float64;
// Int and Bool change the meaning of stores (truncation, 0/1) and of
// operators such as // and %.
type Type uint8

// Value types.
const (
	Float Type = iota
	Int
	Bool
)

// Symbol is what a name in vector code refers to.
type Symbol struct {
	Kind   SymKind
	Type   Type
	Slot   int     // Arrays or Scalars slot
	Index  int     // Indices slot, for IndexedArray
	Value  float64 // for Constant
	Offset int     // added to k for ElementIndex
	// ReadOnly forbids assignment (constants, `i`, `t`, variables flagged
	// constant).
	ReadOnly bool
}

// Resolver maps a name used in code to a Symbol. Names it does not
// resolve and that are assigned before use become temporaries
// (per-element registers), like Brian2's `_v` in abstract code.
type Resolver func(name string) (Symbol, bool)

// Func is an external vectorised function callable from model code, such
// as a TimedArray (ta(t) or ta(t, i)). Eval fills out[k] from the
// arguments of element k; an argument that does not vary per element is
// passed as a one-element slice.
type Func interface {
	Name() string
	NumArgs() int
	Eval(args [][]float64, out []float64) error
}

// FuncResolver maps a function name to an external function; the
// built-in functions (exp, log, sqrt, rand, randn, clip, ...) need none.
type FuncResolver func(name string) (Func, bool)

// Stmt is one statement of abstract code: Target = Value, or an
// augmented assignment (Op is lang.Plus for +=, lang.Star for *=, ...;
// lang.Illegal for plain =).
type Stmt struct {
	Pos    lang.Pos
	Target string
	Op     lang.Op
	Value  lang.Expr
}

// Options tune compilation.
type Options struct {
	// Funcs resolves external functions (may be nil).
	Funcs FuncResolver
	// File names the source of the code in error messages.
	File string
	// Src is the source text positions refer to (for the quoted line in
	// error messages); may be empty.
	Src string
	// FastDivision turns every division by a per-step (uniform) value
	// into a multiplication by its reciprocal, computed once per step.
	// Results may then differ from Brian2's in the last bit, so it is off
	// by default; division by a power of two is always a multiplication
	// (exactly the same result).
	FastDivision bool
}
