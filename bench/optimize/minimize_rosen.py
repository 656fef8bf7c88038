# minimize (BFGS with numerical gradient, and Nelder-Mead) of the 5-d
# Rosenbrock function. Runs unchanged under sim and CPython + SciPy.
import time
import numpy as np
from scipy.optimize import minimize

def rosen(x):
    return np.sum(100.0 * (x[1:] - x[:-1]**2)**2 + (1 - x[:-1])**2)

x0 = np.array([1.3, 0.7, 0.8, 1.9, 1.2])
best = 1e9
for rep in range(20):
    t0 = time.perf_counter()
    r1 = minimize(rosen, x0, method="BFGS")
    r2 = minimize(rosen, x0, method="Nelder-Mead", options={"xatol": 1e-8})
    best = min(best, time.perf_counter() - t0)
print("quality fun", r1.fun + r2.fun)
print("elapsed", best)
