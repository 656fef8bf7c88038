package runtime

import (
	"sort"
	"sync"

	"github.com/sim-lang/sim/units"
)

// The registry holds what stdlib packages contribute: predeclared names
// (builtins, math functions, units) and importable modules. Packages fill
// it from init functions; modules are built lazily on first import so that
// start-up stays fast.

var (
	registryMu  sync.Mutex
	universe    = map[string]Value{}
	moduleBuild = map[string]func() *Module{}
	moduleCache = map[string]*Module{}
)

// Predeclare makes v visible under name in every script, like print or mV.
func Predeclare(name string, v Value) {
	registryMu.Lock()
	universe[name] = v
	registryMu.Unlock()
}

// LookupPredeclared returns the predeclared value called name: a builtin
// registered with Predeclare, else a unit from the unit table (mV, nS...;
// not the one-letter symbols).
func LookupPredeclared(name string) (Value, bool) {
	registryMu.Lock()
	v, ok := universe[name]
	registryMu.Unlock()
	if ok {
		return v, true
	}
	// Bare one-letter SI symbols (m, s, V, N, ...) are not predeclared, as
	// in Brian2: they would turn an undefined N or s into a unit silently.
	if len(name) < 2 {
		return Value{}, false
	}
	if scale, dim, ok := units.Lookup(name); ok {
		return MakeQuantity(scale, dim), true
	}
	return Value{}, false
}

// PredeclaredNames returns the names registered with Predeclare, sorted
// (units are listed by units.Names).
func PredeclaredNames() []string {
	registryMu.Lock()
	defer registryMu.Unlock()
	names := make([]string, 0, len(universe))
	for k := range universe {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// RegisterModule makes a module importable under each of names (for example
// "numpy" and "np"; dotted Python paths such as "scipy.integrate" too).
// build runs once, at the first import.
func RegisterModule(names []string, build func() *Module) {
	registryMu.Lock()
	defer registryMu.Unlock()
	for _, n := range names {
		moduleBuild[n] = build
	}
}

// LoadModule returns the module registered under name, building it on
// first use; ok is false when no module has that name.
func LoadModule(name string) (*Module, bool) {
	registryMu.Lock()
	build, ok := moduleBuild[name]
	registryMu.Unlock()
	if !ok {
		return nil, false
	}
	registryMu.Lock()
	m, cached := moduleCache[name]
	registryMu.Unlock()
	if cached {
		return m, true
	}
	m = build()
	registryMu.Lock()
	// Every alias of the same builder shares the built module.
	for n, b := range moduleBuild {
		if sameFunc(b, build) {
			moduleCache[n] = m
		}
	}
	moduleCache[name] = m
	registryMu.Unlock()
	return m, true
}

// ModuleNames returns every importable module name, sorted, for error
// messages that list what is available.
func ModuleNames() []string {
	registryMu.Lock()
	defer registryMu.Unlock()
	names := make([]string, 0, len(moduleBuild))
	for k := range moduleBuild {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
