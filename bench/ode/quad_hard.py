# scipy.integrate.quad on hard integrands (end-point singularities, an
# infinite range, a break point), 50 calls each; runs unchanged under
# CPython+SciPy and sim. nfev is the total number of evaluations.
import time
from math import sqrt, log, exp
from scipy.integrate import quad

def run():
    n = 0
    for i in range(50):
        n += quad(lambda x: 1/sqrt(x), 0, 1, full_output=1)[2]['neval']
        n += quad(lambda x: log(x), 0, 1, full_output=1)[2]['neval']
        n += quad(lambda x: exp(-x*x), -float('inf'), float('inf'), full_output=1)[2]['neval']
        n += quad(lambda x: log(abs(x - 0.3)), 0, 1, points=[0.3], full_output=1)[2]['neval']
    return n

best = 1e9
for rep in range(7):
    t0 = time.perf_counter()
    n = run()
    best = min(best, time.perf_counter() - t0)
print("nfev", n)
print("elapsed", best)
