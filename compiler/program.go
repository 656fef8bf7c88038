package compiler

import (
	"sort"

	"github.com/sim-lang/sim/lang"
)

// Program is a compiled script. It is immutable once compiled and may be
// run any number of times against the Globals table it was compiled with.
type Program struct {
	Filename string
	Src      string
	// Consts holds the constants: int64, float64, string, *Funcode,
	// []string (keyword names of a call) and Ellipsis.
	Consts []any
	// Toplevel is the module body. In interactive mode it returns the value
	// of a trailing expression statement (or None).
	Toplevel *Funcode
	// Globals is the table global slot indices refer to.
	Globals *Globals
}

// EllipsisConst is the constant value of `...`.
type EllipsisConst struct{}

// Funcode is the compiled code of one function, lambda or module body.
type Funcode struct {
	Prog *Program
	Name string
	Pos  lang.Pos
	Code []uint32
	// Positions maps instruction addresses to source positions: entry i
	// covers pcs from Positions[i].PC up to the next entry.
	Positions []PosEntry
	// Params are the parameter names in slot order: positional,
	// keyword-only, then *args and **kwargs when present.
	Params     []string
	NumPos     int    // positional parameters
	NumKwonly  int    // keyword-only parameters
	HasVarargs bool   // a *args parameter
	HasKwargs  bool   // a **kwargs parameter
	HasDefault []bool // per positional and keyword-only parameter
	NumDefault int    // how many defaults MAKEFUNC pops
	// Locals names every local slot (parameters first).
	Locals []string
	// Cells lists local slots captured by nested functions; the VM puts a
	// cell in each at entry (holding the parameter value for parameters).
	Cells []int
	// FreeNames names the free variables (cells of enclosing functions).
	FreeNames []string
	MaxStack  int
}

// PosEntry maps the instructions from PC onwards to Pos.
type PosEntry struct {
	PC  uint32
	Pos lang.Pos
}

// PosAt returns the source position of the instruction at pc.
func (f *Funcode) PosAt(pc int) lang.Pos {
	i := sort.Search(len(f.Positions), func(i int) bool { return int(f.Positions[i].PC) > pc })
	if i == 0 {
		return f.Pos
	}
	return f.Positions[i-1].Pos
}

// NumParams returns the number of parameter slots (positional, keyword-only, *args, **kwargs).
func (f *Funcode) NumParams() int { return len(f.Params) }

// Globals is an extendable table of global names, each with a fixed slot
// index. The REPL compiles one input after another against the same table
// so that slots stay valid.
type Globals struct {
	names []string
	index map[string]int
}

// NewGlobals returns an empty table.
func NewGlobals() *Globals { return &Globals{index: map[string]int{}} }

// Index returns the slot of name, if it has one.
func (g *Globals) Index(name string) (int, bool) {
	i, ok := g.index[name]
	return i, ok
}

// Add returns the slot of name, creating it if needed.
func (g *Globals) Add(name string) int {
	if i, ok := g.index[name]; ok {
		return i
	}
	i := len(g.names)
	g.names = append(g.names, name)
	g.index[name] = i
	return i
}

// Len returns the number of slots.
func (g *Globals) Len() int { return len(g.names) }

// Name returns the name of slot i.
func (g *Globals) Name(i int) string { return g.names[i] }

// Names returns the names of all slots in slot order (not to be modified).
func (g *Globals) Names() []string { return g.names }
