// Package all links every standard-library module into a program. The
// command, the REPL and the embedding API import it for its side effects.
package all

import (
	// Each import registers a module or predeclared names into the runtime.
	_ "github.com/sim-lang/sim/stdlib/brian2"
	_ "github.com/sim-lang/sim/stdlib/gpu"
	_ "github.com/sim-lang/sim/stdlib/integrate"
	_ "github.com/sim-lang/sim/stdlib/iomod"
	_ "github.com/sim-lang/sim/stdlib/itertools"
	_ "github.com/sim-lang/sim/stdlib/mathmod"
	_ "github.com/sim-lang/sim/stdlib/ml"
	_ "github.com/sim-lang/sim/stdlib/np"
	_ "github.com/sim-lang/sim/stdlib/optimize"
	_ "github.com/sim-lang/sim/stdlib/plot"
	_ "github.com/sim-lang/sim/stdlib/randommod"
	_ "github.com/sim-lang/sim/stdlib/simtest"
	_ "github.com/sim-lang/sim/stdlib/stats"
	_ "github.com/sim-lang/sim/stdlib/timemod"
	_ "github.com/sim-lang/sim/stdlib/unitsmod"
)
