package np

import (
	"github.com/sim-lang/sim/runtime"
)

// The np.random module: default_rng and the legacy module-level
// functions, which use a generator kept per Thread (th.Local), seeded by
// np.random.seed and never shared between threads.

const globalKey = "numpy.random.global"

// threadGenerator returns the thread's global generator, creating one
// seeded from OS entropy on first use (as numpy's unseeded state).
func threadGenerator(th *runtime.Thread) *Generator {
	if th == nil {
		return NewGenerator(entropySeed())
	}
	if g, ok := th.Local(globalKey).(*Generator); ok {
		return g
	}
	g := NewGenerator(entropySeed())
	th.SetLocal(globalKey, g)
	return g
}

func seedArg(v runtime.Value) (uint64, error) {
	if !v.IsValid() || v.IsNone() {
		return entropySeed(), nil
	}
	i, ok := v.ToInt()
	if !ok || i < 0 {
		return 0, runtime.Errorf("Seed must be a non-negative integer or None, not %s", runtime.Repr(v))
	}
	return uint64(i), nil
}

func buildRandom() *runtime.Module {
	m := &runtime.Module{Name: "numpy.random", Members: map[string]runtime.Value{}}
	add := func(name string, f runtime.BuiltinFunc) { m.Members[name] = runtime.NewBuiltin(name, f) }
	add("default_rng", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var s runtime.Value
		if err := runtime.UnpackArgs("default_rng", args, kwargs, "seed?", &s); err != nil {
			return runtime.Value{}, err
		}
		seed, err := seedArg(s)
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.MakeObj(NewGenerator(seed)), nil
	})
	add("seed", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		var s runtime.Value
		if err := runtime.UnpackArgs("seed", args, kwargs, "seed?", &s); err != nil {
			return runtime.Value{}, err
		}
		seed, err := seedArg(s)
		if err != nil {
			return runtime.Value{}, err
		}
		if th != nil {
			th.SetLocal(globalKey, NewGenerator(seed))
		}
		return runtime.None, nil
	})
	// functions taking a shape as separate arguments
	for name, method := range map[string]string{"rand": "random", "randn": "standard_normal"} {
		method := method
		add(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			g := threadGenerator(th)
			if len(args) == 0 {
				return genMethods[method](g, nil, kwargs)
			}
			return genMethods[method](g, []runtime.Value{runtime.MakeTuple(args...)}, kwargs)
		})
	}
	alias := map[string]string{
		"random": "random", "random_sample": "random", "sample": "random", "normal": "normal",
		"uniform": "uniform", "choice": "choice", "permutation": "permutation", "shuffle": "shuffle",
		"exponential": "exponential", "poisson": "poisson", "standard_normal": "standard_normal",
	}
	for name, method := range alias {
		method := method
		add(name, func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return genMethods[method](threadGenerator(th), args, kwargs)
		})
	}
	add("randint", func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
		return threadGenerator(th).integers("randint", args, kwargs)
	})
	return m
}
