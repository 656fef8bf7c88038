// Package unitsmod gives scripts the unit helpers of Brian2: in_unit,
// get_dimensions, get_unit, have_same_dimensions, is_dimensionless, and the
// constants pi, e, inf, nan, all predeclared. It also registers the module
// answering to "brian2", "units" and "brian2.units", whose members are
// every unit name plus these helpers, so that `from brian2 import *`
// works; later packages add the model objects with AddBrian2Member. Like
// Brian2's, the module also carries pylab's names (numpy's and pyplot's,
// np and plt) beneath its own.
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
	"check_units":          checkUnits,
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
	addPylab(m)
	return &runtime.Module{Name: "brian2", Members: m}
}

// pylabSkipped are numpy members that Python's `from numpy import *` does
// not export (they would hide the builtins max, min, abs, round and the
// np.random module), and sum/any/all, kept as the builtins (numpy's agree
// with them on the numbers and arrays scripts pass).
var pylabSkipped = map[string]bool{
	"max": true, "min": true, "abs": true, "round": true, "random": true,
	"sum": true, "any": true, "all": true,
}

// addPylab adds what Brian2's own `from pylab import *` puts in its
// namespace, below Brian2's names: numpy's functions over numpy.random's
// (rand, randn, ...) over pyplot's (plot, xlabel, show, ...), and the
// modules as np, numpy and plt, so that tutorial scripts plot and average
// without importing anything.
func addPylab(m map[string]runtime.Value) {
	pylab := map[string]runtime.Value{}
	for _, name := range []string{"matplotlib.pyplot", "numpy.random", "numpy"} {
		mod, ok := runtime.LoadModule(name)
		if !ok {
			continue
		}
		for k, v := range mod.Members {
			if !pylabSkipped[k] && k != "" && k[0] != '_' {
				pylab[k] = v
			}
		}
		for _, alias := range map[string][]string{"numpy": {"np", "numpy"}, "matplotlib.pyplot": {"plt"}}[name] {
			pylab[alias] = runtime.MakeObj(mod)
		}
	}
	for k, v := range pylab {
		if _, taken := m[k]; !taken {
			m[k] = v
		}
	}
}
