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

const nquadScript = `
from scipy.integrate import nquad
def f4(x0, x1, x2, x3):
    return x0**2 + x1*x2 - x3**3 + sin(x0) + (1 if (x0 - 0.2*x3 - 0.5 - 0.25*x1 > 0) else 0)
def opts0(*args):
    return {'points': [0.2*args[2] + 0.5 + 0.25*args[0]]}
nquad(lambda y, x: exp(-(x*x + y*y)), [[-inf, inf], [-inf, inf]])
nquad(f4, [[0, 1], [-1, 1], [0.13, 0.8], [-0.15, 1]], opts=[opts0, {}, {}, {}])
`

// BenchmarkNquadScript is a Gaussian over the plane and SciPy's 4-D
// nquad example (about 430,000 evaluations of script integrands).
func BenchmarkNquadScript(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := runScript(nil, "bench.sim", nquadScript); err != nil {
			b.Fatal(err)
		}
	}
}
