// Package brian2 provides the script-facing Brian2 objects: NeuronGroup,
// StateMonitor, SpikeMonitor, EventMonitor, PopulationRateMonitor,
// Network, run, store/restore, start_scope, defaultclock, seed and
// TimedArray. They wrap runtime/engine. Every name is added to the
// "brian2" module and predeclared, so scripts work with or without
// `from brian2 import *`.
package brian2

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"sync"

	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
	"github.com/sim-lang/sim/runtime/engine"
	"github.com/sim-lang/sim/stdlib/unitsmod"
	"github.com/sim-lang/sim/units"
)

var secondDim = units.BaseDim(units.Time)

// builtins are the functions this package defines.
var builtins = map[string]runtime.BuiltinFunc{}

// def adds a builtin; it is called from package-level variable
// declarations so that every builtin exists before init registers them.
// The objects builtins create are remembered for collect().
func def(name string, f runtime.BuiltinFunc) bool {
	builtins[name] = remembered(f)
	return true
}

func init() {
	for name, f := range builtins {
		v := runtime.NewBuiltin(name, f)
		runtime.Predeclare(name, v)
		unitsmod.AddBrian2Member(name, v)
	}
	dc := runtime.MakeObj(defaultClockProxy{})
	runtime.Predeclare("defaultclock", dc)
	unitsmod.AddBrian2Member("defaultclock", dc)
}

// state is the per-interpreter Brian2 state: the default clock, the
// objects of the implicit ("magic") network, names and seeds.
type state struct {
	defaultClock *engine.Clock
	magic        *engine.Network
	counters     map[string]int
	seed         uint64
	groups       int
	// th is the thread the state belongs to (for the namespace of code
	// assigned through attributes, G.v = 'expr').
	th *runtime.Thread
	// running is the network whose run is in progress (for stop()).
	running *engine.Network
}

const stateKey = "brian2.state"

// current is the state most recently used by a brian2 builtin: the
// defaultclock proxy falls back to it when an attribute is read without
// a thread (script code always resolves it through its own thread).
var (
	currentMu sync.Mutex
	current   *state
)

func stateOf(th *runtime.Thread) *state {
	currentMu.Lock()
	defer currentMu.Unlock()
	if s, ok := th.Local(stateKey).(*state); ok {
		current = s
		return s
	}
	var b [8]byte
	rand.Read(b[:])
	s := &state{
		defaultClock: engine.NewClock("defaultclock", 1e-4),
		counters:     map[string]int{},
		seed:         binary.LittleEndian.Uint64(b[:]),
		th:           th,
	}
	s.magic, _ = engine.NewNetwork("magicnetwork")
	th.SetLocal(stateKey, s)
	current = s
	return s
}

// currentClock returns the default clock of the current state (a
// detached default clock before any brian2 call).
func currentClock() *engine.Clock {
	currentMu.Lock()
	defer currentMu.Unlock()
	if current == nil {
		current = &state{defaultClock: engine.NewClock("defaultclock", 1e-4), counters: map[string]int{}}
		current.magic, _ = engine.NewNetwork("magicnetwork")
	}
	return current.defaultClock
}

// uniqueName returns name if given, else base, base_1, base_2, ...
func (s *state) uniqueName(name, base string) string {
	if name != "" {
		return name
	}
	k := s.counters[base]
	s.counters[base] = k + 1
	if k == 0 {
		return base
	}
	return fmt.Sprintf("%s_%d", base, k)
}

// external converts a script value to a model external, or ok=false for
// values that model code cannot use.
func external(v runtime.Value) (model.External, bool) {
	switch v.Kind() {
	case runtime.BoolKind, runtime.IntKind, runtime.FloatKind:
		f, _ := v.ToFloat()
		return model.External{Value: f}, true
	case runtime.ObjKind:
		switch o := v.Obj().(type) {
		case runtime.Quantity:
			return model.External{Value: o.V, Dim: o.D}, true
		case *TimedArray:
			return model.External{Func: o.ta, FuncDim: o.ta.Dim}, true
		case *array.Array:
			if o.Size() == 1 {
				return model.External{Value: o.Float64s()[0], Dim: o.Dim()}, true
			}
		}
	}
	return model.External{}, false
}

// callerNamespace resolves names in the script code calling the current
// builtin (locals, globals, then predeclared names and units).
func callerNamespace(th *runtime.Thread) model.Namespace {
	ns := func(name string) (model.External, bool) {
		v, ok := runtime.CallerLookup(th, name)
		if !ok {
			return model.External{}, false
		}
		return external(v)
	}
	// the caller's own names that model code could use, for "did you
	// mean" suggestions
	return model.WithNames(ns, func() []string {
		var out []string
		for _, n := range runtime.CallerNames(th) {
			if _, ok := ns(n); ok {
				out = append(out, n)
			}
		}
		return out
	})
}

// dictNamespace resolves names in a dict given as namespace= (then the
// predeclared names and units, as Brian2 adds its defaults).
func dictNamespace(d runtime.Value) (map[string]model.External, error) {
	if d.IsNone() || !d.IsValid() {
		return nil, nil
	}
	dict, ok := d.Obj().(*runtime.Dict)
	if !ok {
		return nil, runtime.Errorf("namespace must be a dict, not %s", runtime.TypeName(d))
	}
	out := map[string]model.External{}
	for _, k := range dict.Keys() {
		name, ok := runtime.AsString(k)
		if !ok {
			return nil, runtime.Errorf("namespace keys must be strings, not %s", runtime.TypeName(k))
		}
		v, _, _ := dict.Get(k)
		x, ok := external(v)
		if !ok {
			return nil, runtime.Errorf("namespace entry '%s' must be a number, a quantity or a TimedArray, not %s", name, runtime.TypeName(v))
		}
		out[name] = x
	}
	return out, nil
}

// predeclaredNamespace resolves only predeclared names and units.
func predeclaredNamespace(name string) (model.External, bool) {
	v, ok := runtime.LookupPredeclared(name)
	if !ok {
		return model.External{}, false
	}
	return external(v)
}

// quantity reads a time or other quantity argument: a Quantity of
// dimension want, or a plain number when want is dimensionless.
func quantity(fn, arg string, v runtime.Value, want units.Dim) (float64, error) {
	switch v.Kind() {
	case runtime.IntKind, runtime.FloatKind:
		f, _ := v.ToFloat()
		if want.IsDimensionless() || f == 0 {
			return f, nil
		}
	case runtime.ObjKind:
		if q, ok := v.Obj().(runtime.Quantity); ok && q.D == want {
			return q.V, nil
		}
		if a, ok := v.Obj().(*array.Array); ok && a.Size() == 1 && a.Dim() == want {
			return a.Float64s()[0], nil
		}
	}
	return 0, runtime.Errorf("%s() argument '%s' must be a quantity in units of %s, not %s", fn, arg, units.DimName(want), runtime.Repr(v))
}

// optString reads an optional string argument ("" for None/absent).
func optString(fn, arg string, v runtime.Value) (string, error) {
	if !v.IsValid() || v.IsNone() {
		return "", nil
	}
	s, ok := runtime.AsString(v)
	if !ok {
		return "", runtime.Errorf("%s() argument '%s' must be a string, not %s", fn, arg, runtime.TypeName(v))
	}
	return s, nil
}

// quantityValue returns values (SI) with dimension d as a script value:
// a float array with units.
func quantityArray(data []float64, shape []int, d units.Dim) runtime.Value {
	return array.Value(array.New(shape, data, d))
}
