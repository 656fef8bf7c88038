# curve_fit (Levenberg-Marquardt, default p0) of y = init*exp(-x/tau) to the
# 1000-point decay data. Runs unchanged under sim and CPython + SciPy, from
# the repository root.
import time
import numpy as np
from scipy.optimize import curve_fit

x, y = np.loadtxt("testdata/optimize_decay.csv", delimiter=",", skiprows=1, unpack=True)

def model(x, tau, init):
    return init * np.exp(-x / tau)

best = 1e9
for rep in range(200):
    t0 = time.perf_counter()
    popt, pcov = curve_fit(model, x, y)
    best = min(best, time.perf_counter() - t0)
print("quality tau", popt[0])
print("elapsed", best)
