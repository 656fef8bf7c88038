# Robertson's stiff kinetics with LSODA (rtol 1e-6, atol 1e-10, t to 1e5);
# runs unchanged under CPython+SciPy and sim.
import time
from scipy.integrate import solve_ivp

def rober(t, y):
    a, b, c = y
    return [-0.04*a + 1e4*b*c, 0.04*a - 1e4*b*c - 3e7*b*b, 3e7*b*b]

best = 1e9
for rep in range(7):
    t0 = time.perf_counter()
    r = solve_ivp(rober, (0, 1e5), [1.0, 0.0, 0.0], method="LSODA", rtol=1e-6, atol=1e-10)
    best = min(best, time.perf_counter() - t0)
print("nfev", r.nfev)
print("elapsed", best)
