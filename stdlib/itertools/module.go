package itertools

import "github.com/sim-lang/sim/runtime"

func init() {
	runtime.RegisterModule([]string{"itertools"}, build)
}

// members lists the module's functions by Python name.
var members = map[string]runtime.BuiltinFunc{
	"product":                       product,
	"combinations":                  combinations,
	"combinations_with_replacement": combinationsWithReplacement,
	"permutations":                  permutations,
	"islice":                        islice,
	"zip_longest":                   zipLongest,
	"accumulate":                    accumulate,
	"repeat":                        repeat,
	"count":                         count,
	"cycle":                         cycle,
	"groupby":                       groupby,
	"pairwise":                      pairwise,
	"compress":                      compress,
	"starmap":                       starmap,
	"takewhile":                     takewhile,
	"dropwhile":                     dropwhile,
	"filterfalse":                   filterfalse,
}

func build() *runtime.Module {
	m := &runtime.Module{Name: "itertools", Members: map[string]runtime.Value{
		"chain": runtime.MakeObj(&chainType{
			call: runtime.NewBuiltin("chain", chain),
			from: runtime.NewBuiltin("from_iterable", chainFromIterable),
		}),
	}}
	for name, fn := range members {
		m.Members[name] = runtime.NewBuiltin(name, fn)
	}
	return m
}
