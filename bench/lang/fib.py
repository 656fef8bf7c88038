# Recursive fib(25): function-call speed. Runs unchanged under sim and CPython.
import time

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

best = 1e9
for rep in range(5):
    t0 = time.perf_counter()
    fib(25)
    best = min(best, time.perf_counter() - t0)
print("elapsed", best)
