package np

import "github.com/sim-lang/sim/runtime"

// brian2Names are numpy functions that `from brian2 import *` makes
// visible; sim predeclares them. Python builtins (abs, min, max, sum,
// round, len) belong to the core builtins and are not listed.
var brian2Names = []string{
	"exp", "log", "log10", "sqrt", "sin", "cos", "tan", "sinh", "cosh", "tanh",
	"arcsin", "arccos", "arctan", "floor", "ceil", "sign", "clip", "expm1",
	"log1p", "exprel", "where", "mean", "array", "zeros", "ones", "arange", "linspace",
}

func predeclare() {
	for _, name := range brian2Names {
		name := name
		// looked up at call time: the tables are filled by init functions
		// of several files
		runtime.Predeclare(name, runtime.NewBuiltinFlags(name, predeclaredFlags(name), func(th *runtime.Thread, args []runtime.Value, kwargs []runtime.Kwarg) (runtime.Value, error) {
			return members[name](th, args, kwargs)
		}))
	}
}

// predeclaredFlags are the flags of a predeclared function: those of the
// elementwise math functions, read from their table (package variables
// are set before any init function runs, memberFlags possibly not).
func predeclaredFlags(name string) runtime.BuiltinFlags {
	if unaryFuncs[name].f != nil {
		return runtime.FreshResult | runtime.InPlaceArgs | runtime.BorrowsArgs
	}
	return 0
}
