# Lorenz with solve_ivp's default RK45 and a plain function right-hand
# side; runs unchanged under CPython+SciPy and sim. Prints the best time.
import time
from scipy.integrate import solve_ivp

def lorenz(t, s):
    x, y, z = s
    return [10.0*(y - x), x*(28.0 - z) - y, x*y - 8.0/3.0*z]

best = 1e9
for rep in range(7):
    t0 = time.perf_counter()
    r = solve_ivp(lorenz, (0, 40), [1.0, 1.0, 1.0])
    best = min(best, time.perf_counter() - t0)
print("nfev", r.nfev)
print("elapsed", best)
