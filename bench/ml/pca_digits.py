# PCA of the digits: full SVD (all components) and 10 randomized
# components. Runs unchanged under sim and CPython + scikit-learn.
import time
from sklearn.datasets import load_digits
from sklearn.decomposition import PCA

X, y = load_digits(return_X_y=True)
best = 1e9
for rep in range(10):
    t0 = time.perf_counter()
    p = PCA(svd_solver="full").fit(X)
    q = PCA(n_components=10, svd_solver="randomized", random_state=0).fit(X)
    best = min(best, time.perf_counter() - t0)
print("quality ratio0", p.explained_variance_ratio_[0])
print("elapsed", best)
