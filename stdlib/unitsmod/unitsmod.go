// Package unitsmod gives scripts the unit helpers of Brian2: in_unit,
// get_dimensions, get_unit, have_same_dimensions, is_dimensionless, and the
// constants pi, e, inf, nan, all predeclared. It also registers the module
// answering to "brian2", "units" and "brian2.units", whose members are
// every unit name plus these helpers, so that `from brian2 import *`
// works; later packages add the model objects with AddBrian2Member.
package unitsmod

import (
	"math"
	"sync"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/units"
)

// helpers are the predeclared functions of this package.
var helpers = map[string]runtime.BuiltinFunc{
	"in_unit":              inUnit,
	"get_dimensions":       getDimensions,
	"get_unit":             getUnit,
	"have_same_dimensions": haveSameDimensions,
	"is_dimensionless":     isDimensionless,
}

// constants are the predeclared floats Brian2 scripts get from numpy.
var constants = map[string]float64{
	"pi":  math.Pi,
	"e":   math.E,
	"inf": math.Inf(1),
	"nan": math.NaN(),
}

var (
	extraMu sync.Mutex
	extra   = map[string]runtime.Value{}
)

// AddBrian2Member adds a member to the module imported as brian2 (and
// units, brian2.units): NeuronGroup, run, ... Call it from an init
// function; the module is built at its first import, after which added
// members no longer appear in it.
func AddBrian2Member(name string, v runtime.Value) {
	extraMu.Lock()
	extra[name] = v
	extraMu.Unlock()
}

func init() {
	for name, f := range helpers {
		runtime.Predeclare(name, runtime.NewBuiltin(name, f))
	}
	for name, x := range constants {
		runtime.Predeclare(name, runtime.MakeFloat(x))
	}
	runtime.Predeclare("DIMENSIONLESS", NewDimension(units.Dimensionless))
	runtime.RegisterModule([]string{"brian2", "units", "brian2.units"}, build)
}

// build makes the brian2 module: every unit, the helpers, the constants
// and what other packages added.
func build() *runtime.Module {
	names := units.Names()
	m := make(map[string]runtime.Value, len(names)+len(helpers)+len(constants)+len(extra)+1)
	for _, n := range names {
		if scale, d, ok := units.Lookup(n); ok {
			m[n] = runtime.MakeQuantity(scale, d)
		}
	}
	for name, f := range helpers {
		m[name] = runtime.NewBuiltin(name, f)
	}
	for name, x := range constants {
		m[name] = runtime.MakeFloat(x)
	}
	m["DIMENSIONLESS"] = NewDimension(units.Dimensionless)
	extraMu.Lock()
	for name, v := range extra {
		m[name] = v
	}
	extraMu.Unlock()
	return &runtime.Module{Name: "brian2", Members: m}
}
