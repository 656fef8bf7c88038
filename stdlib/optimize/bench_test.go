package optimize_test

import (
	"testing"

	"github.com/sim-lang/sim/runtime"
	"github.com/sim-lang/sim/runtime/array"
)

// BenchmarkCurveFitDecay times curve_fit on the 1000-point decay data
// from a script (bench/optimize/curve_fit_decay.py runs the same beside
// SciPy).
func BenchmarkCurveFitDecay(b *testing.B) {
	x, y := loadXY(b, "optimize_decay.csv")
	env := runtime.NewEnv()
	env.Set("x", array.Value(array.FromFloats(x)))
	env.Set("y", array.Value(array.FromFloats(y)))
	th := runtime.NewThread("bench")
	if err := env.Exec(th, "bench.sim", `
import numpy as np
from scipy.optimize import curve_fit
def model(x, tau, init):
    return init * np.exp(-x / tau)
def fit():
    return curve_fit(model, x, y)
`); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, err := env.Eval(th, "fit()"); err != nil {
			b.Fatal(err)
		}
	}
}
