# A 10^6-iteration arithmetic loop at module level. Runs under sim and CPython.
import time

best = 1e9
for rep in range(5):
    t0 = time.perf_counter()
    s = 0
    for i in range(1000000):
        s = s + i * 2 - 1
    best = min(best, time.perf_counter() - t0)
print("elapsed", best)
