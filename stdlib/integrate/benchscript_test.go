package integrate

import "testing"

const lorenzScript = `
from scipy.integrate import solve_ivp
def lorenz(t, s):
    x, y, z = s
    return [10.0*(y - x), x*(28.0 - z) - y, x*y - 8.0/3.0*z]
for i in range(20):
    r = solve_ivp(lorenz, (0, 40), [1.0, 1.0, 1.0])
`

// BenchmarkLorenzScript is 20 solve_ivp runs with a script function.
func BenchmarkLorenzScript(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := runScript(nil, "bench.sim", lorenzScript); err != nil {
			b.Fatal(err)
		}
	}
}

const quadScript = `
from scipy.integrate import quad
for i in range(50):
    quad(lambda x: 1/sqrt(x), 0, 1)
    quad(lambda x: log(x), 0, 1)
    quad(lambda x: exp(-x*x), -inf, inf)
`

// BenchmarkQuadScript is 150 quad calls on script integrands (about
// 35,000 evaluations).
func BenchmarkQuadScript(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := runScript(nil, "bench.sim", quadScript); err != nil {
			b.Fatal(err)
		}
	}
}
