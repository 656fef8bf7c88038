// Package model turns Brian2-style equation and code strings into checked,
// integrated abstract code: it parses the equations (through lang), orders
// subexpressions, checks every equation's dimensions, chooses and applies
// the integration method (exact/linear, euler, rk2, rk4, heun, milstein,
// exponential_euler) symbolically, and checks reset/threshold/pathway code.
// Its output, []vector.Stmt, is compiled by package compiler/vector.
package model

import (
	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/units"
)

// VarKind says what an equation defines.
type VarKind uint8

// Variable kinds.
const (
	StateVar  VarKind = iota // dx/dt = ... : unit
	Parameter                // x : unit
	SubExpr                  // x = expr : unit
)

// Variable is one name defined by a set of equations.
type Variable struct {
	Name  string
	Kind  VarKind
	Dim   units.Dim
	Type  vector.Type // Float, Int (unit `integer`) or Bool (unit `boolean`)
	Flags []string    // "constant", "shared", "linked", "unless refractory", "constant over dt", "summed", "clock-driven", "event-driven"
	Expr  lang.Expr   // right-hand side (nil for parameters)
	Line  int         // line within the equations string
	Text  string      // the equation as written, for error messages
	// Src is the equations string Line refers to when the variable comes
	// from another set of equations (a subexpression of a synapse's pre-
	// or postsynaptic group); empty means the Equations' own Src.
	Src string
}

// HasFlag reports whether v carries flag.
func (v *Variable) HasFlag(flag string) bool {
	for _, f := range v.Flags {
		if f == flag {
			return true
		}
	}
	return false
}

// External is the value of a name from the script's namespace (or a
// group's namespace argument), as needed to check dimensions and fold
// constants: a number with a dimension, or a function.
type External struct {
	Value float64
	Dim   units.Dim
	Func  vector.Func // non-nil for functions such as TimedArrays
	// FuncDim is the dimension of a function's result.
	FuncDim units.Dim
	// names is set only in the answer to namesQuery (see WithNames).
	names *nameList
}

// Namespace resolves external names; ok is false for unknown names.
type Namespace func(name string) (External, bool)

// Equations is a parsed, checked set of model equations.
type Equations struct {
	// Vars are the defined names in definition order.
	Vars []*Variable
	// Src is the equation string as given.
	Src string

	byName map[string]*Variable
	// subOrder lists the subexpressions in dependency order (each after
	// the subexpressions it refers to).
	subOrder []*Variable
}

// Lookup returns the variable called name.
func (e *Equations) Lookup(name string) (*Variable, bool) {
	v, ok := e.byName[name]
	return v, ok
}

// Special is a name a group provides besides its equations (t, dt, i, N,
// lastspike, not_refractory, xi, ...), with its dimension and type.
type Special struct {
	Dim  units.Dim
	Type vector.Type
}
