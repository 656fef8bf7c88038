package np

import "github.com/sim-lang/sim/runtime"

// Define adds a function to the numpy module under name. Other
// standard-library packages use it for numpy-level names that they
// implement (the io module defines np.save, np.load, np.savetxt and
// np.loadtxt). It must be called from an init function, before the module
// is first imported; an existing name is not replaced.
func Define(name string, f runtime.BuiltinFunc) {
	if _, ok := members[name]; !ok {
		members[name] = f
	}
}
