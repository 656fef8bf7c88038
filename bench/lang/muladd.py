# a*b + c on 10^6-element float arrays. Runs under sim and CPython+numpy.
import time
import numpy as np

n = 1000000
a = np.linspace(0.0, 1.0, n)
b = np.linspace(1.0, 2.0, n)
c = np.linspace(2.0, 3.0, n)
best = 1e9
for rep in range(20):
    t0 = time.perf_counter()
    d = a * b + c
    best = min(best, time.perf_counter() - t0)
print("elapsed", best)
