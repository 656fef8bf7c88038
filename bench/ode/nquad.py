# scipy.integrate's multiple integrals as nested quads: a Gaussian over
# the plane, 1/sqrt(x*y) over the unit square (singular on two edges) and
# SciPy's four-dimensional nquad example with a moving break point; runs
# unchanged under CPython+SciPy and sim. nfev is the total number of
# integrand evaluations.
import time
from math import sqrt, exp, sin
from scipy.integrate import nquad

inf = float('inf')

def f4(x0, x1, x2, x3):
    return x0**2 + x1*x2 - x3**3 + sin(x0) + (1 if (x0 - 0.2*x3 - 0.5 - 0.25*x1 > 0) else 0)

def opts0(*args):
    return {'points': [0.2*args[2] + 0.5 + 0.25*args[0]]}

def run():
    n = 0
    n += nquad(lambda y, x: exp(-(x*x + y*y)), [[-inf, inf], [-inf, inf]], full_output=True)[2]['neval']
    n += nquad(lambda y, x: 1/sqrt(x*y), [[0, 1], [0, 1]], full_output=True)[2]['neval']
    n += nquad(f4, [[0, 1], [-1, 1], [0.13, 0.8], [-0.15, 1]], opts=[opts0, {}, {}, {}], full_output=True)[2]['neval']
    return n

best = 1e9
for rep in range(3):
    t0 = time.perf_counter()
    n = run()
    best = min(best, time.perf_counter() - t0)
print("nfev", n)
print("elapsed", best)
