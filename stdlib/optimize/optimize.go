package optimize

import (
	"sort"

	"github.com/sim-lang/sim/runtime"
)

func init() {
	runtime.RegisterModule([]string{"scipy.optimize", "optimize"}, build)
}

// members is the module table; each file adds its functions with def.
var members = map[string]runtime.BuiltinFunc{}

func def(name string, f runtime.BuiltinFunc) { members[name] = f }

func init() {
	def("curve_fit", curveFit)
}

func build() *runtime.Module {
	m := &runtime.Module{Name: "scipy.optimize", Members: map[string]runtime.Value{}}
	for name, f := range members {
		m.Members[name] = runtime.NewBuiltin(name, f)
	}
	return m
}

// Names returns the module's function names, sorted.
func Names() []string {
	out := make([]string, 0, len(members))
	for k := range members {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
