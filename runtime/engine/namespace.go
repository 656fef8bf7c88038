package engine

import (
	"io"

	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/compiler/vector"
	"github.com/sim-lang/sim/lang"
	"github.com/sim-lang/sim/units"
)

// RunContext is what objects need to prepare for a run.
type RunContext struct {
	// Namespace resolves external names (the script's namespace at the
	// run call, or an explicit namespace).
	Namespace model.Namespace
	// Info receives one-line notes such as the automatically chosen
	// integration method (may be nil).
	Info io.Writer
}

var secondDim = units.BaseDim(units.Time)

// Specials are the names a group provides besides its equations.
func Specials() map[string]model.Special {
	return map[string]model.Special{
		"t":              {Dim: secondDim, Type: vector.Float},
		"dt":             {Dim: secondDim, Type: vector.Float},
		"i":              {Type: vector.Int},
		"N":              {Type: vector.Int},
		"lastspike":      {Dim: secondDim, Type: vector.Float},
		"not_refractory": {Type: vector.Bool},
		"xi":             {Dim: secondDim.Pow(units.R(-1, 2)), Type: vector.Float},
	}
}

// Layered returns a namespace looking in first, then in rest (nil
// entries are skipped).
func Layered(first map[string]model.External, rest model.Namespace) model.Namespace {
	return func(name string) (model.External, bool) {
		if x, ok := first[name]; ok {
			return x, true
		}
		if rest != nil {
			return rest(name)
		}
		return model.External{}, false
	}
}

// withDt adds the clock's time step to ns as "dt" (seconds), which the
// model compiler uses to derive exact updates of coupled linear systems
// numerically (expm(M*dt)). Group code still reads dt from its scalar
// slot: the resolver sees "dt" before the namespace.
func withDt(ns model.Namespace, dt float64) model.Namespace {
	return func(name string) (model.External, bool) {
		if name == "dt" {
			return model.External{Value: dt, Dim: secondDim}, true
		}
		if ns != nil {
			return ns(name)
		}
		return model.External{}, false
	}
}

// Scalar slots every group program sees.
const (
	scalarT = iota
	scalarDt
	scalarN
	numFixedScalars
)

// resolver maps names in a group's code to vector symbols. offset is
// added to the element index for `i` (minus a subgroup's start, so that
// `i` counts from 0 within the subgroup).
func (g *NeuronGroup) resolver(ns model.Namespace, offset int) vector.Resolver {
	return func(name string) (vector.Symbol, bool) {
		if v, ok := g.vars[name]; ok {
			if v.Shared {
				return vector.Symbol{Kind: vector.Scalar, Type: v.Type, Slot: g.scalarSlots[name], ReadOnly: v.Constant}, true
			}
			return vector.Symbol{Kind: vector.Array, Type: v.Type, Slot: v.slot, ReadOnly: v.Constant}, true
		}
		switch name {
		case "t":
			return vector.Symbol{Kind: vector.Scalar, Type: vector.Float, Slot: scalarT, ReadOnly: true}, true
		case "dt":
			return vector.Symbol{Kind: vector.Scalar, Type: vector.Float, Slot: scalarDt, ReadOnly: true}, true
		case "N":
			return vector.Symbol{Kind: vector.Scalar, Type: vector.Int, Slot: scalarN, ReadOnly: true}, true
		case "i":
			return vector.Symbol{Kind: vector.ElementIndex, Type: vector.Int, Offset: offset, ReadOnly: true}, true
		}
		if sym, ok := g.linkSyms[name]; ok {
			return sym, true
		}
		if _, ok := g.Eqs.Lookup(name); ok {
			// subexpressions are substituted by the model compiler
			return vector.Symbol{}, false
		}
		if ns != nil {
			if x, ok := ns(name); ok && x.Func == nil {
				return vector.Symbol{Kind: vector.Constant, Type: vector.Float, Value: x.Value, ReadOnly: true}, true
			}
		}
		return vector.Symbol{}, false
	}
}

// options returns the compile options resolving external functions.
func options(ns model.Namespace) vector.Options {
	return vector.Options{FastDivision: true, Funcs: func(name string) (vector.Func, bool) {
		if ns == nil {
			return nil, false
		}
		if x, ok := ns(name); ok && x.Func != nil {
			return x.Func, true
		}
		return nil, false
	}}
}

// exprNode is a parsed expression of model code.
type exprNode = lang.Expr
