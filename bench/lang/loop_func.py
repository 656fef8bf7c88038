# The same 10^6-iteration loop inside a function (local variables).
import time

def work():
    s = 0
    for i in range(1000000):
        s = s + i * 2 - 1
    return s

best = 1e9
for rep in range(5):
    t0 = time.perf_counter()
    work()
    best = min(best, time.perf_counter() - t0)
print("elapsed", best)
