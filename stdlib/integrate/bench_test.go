package integrate

import (
	"testing"

	"github.com/sim-lang/sim/compiler/model"
	"github.com/sim-lang/sim/units"
)

const lorenzEqs = `
dx/dt = sigma*(y - x) : 1
dy/dt = x*(rho - z) - y : 1
dz/dt = x*y - beta*z : 1
`

func lorenzNS(name string) (model.External, bool) {
	v, ok := map[string]float64{"sigma": 10, "rho": 28, "beta": 8.0 / 3}[name]
	return model.External{Value: v}, ok
}

// BenchmarkLorenzNative is the solver alone with a Go right-hand side.
func BenchmarkLorenzNative(b *testing.B) {
	for i := 0; i < b.N; i++ {
		p := newProblem(lorenz, 3, 0, 40, 1e-3, 1e-6)
		if _, err := solveIVP(p, []float64{1, 1, 1}, ivpOptions{method: "RK45"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLorenzEquations uses the compiled equation string.
func BenchmarkLorenzEquations(b *testing.B) {
	e, err := compileEquations(lorenzEqs, lorenzNS, units.Dim{})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		p := newProblem(e.eval, 3, 0, 40, 1e-3, 1e-6)
		if _, err := solveIVP(p, []float64{1, 1, 1}, ivpOptions{method: "RK45"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEquationEval is one evaluation of the compiled equations.
func BenchmarkEquationEval(b *testing.B) {
	e, err := compileEquations(lorenzEqs, lorenzNS, units.Dim{})
	if err != nil {
		b.Fatal(err)
	}
	y, out := []float64{1, 2, 3}, make([]float64, 3)
	for i := 0; i < b.N; i++ {
		e.eval(0, y, out)
	}
}
