# MLPClassifier(hidden_layer_sizes=(100,)) on the digits for exactly 30
# epochs (n_iter_no_change large), with batch_size=32. Runs unchanged under sim and CPython + scikit-learn.
import time
from sklearn.datasets import load_digits
from sklearn.neural_network import MLPClassifier

X, y = load_digits(return_X_y=True)
X = X / 16.0
batch = 32
best = 1e9
for rep in range(3):
    t0 = time.perf_counter()
    m = MLPClassifier(hidden_layer_sizes=(100,), max_iter=30, batch_size=batch, n_iter_no_change=1000, random_state=rep).fit(X, y)
    best = min(best, time.perf_counter() - t0)
print("quality train_accuracy", m.score(X, y))
print("elapsed", best)
