# t-SNE of the 1797 digits (perplexity 30, Barnes-Hut, PCA init). Runs
# unchanged under sim and CPython + scikit-learn.
import time
from sklearn.datasets import load_digits
from sklearn.manifold import TSNE

X, y = load_digits(return_X_y=True)
best = 1e9
for rep in range(2):
    t0 = time.perf_counter()
    ts = TSNE(n_components=2, perplexity=30, init="pca", learning_rate="auto", random_state=0)
    Y = ts.fit_transform(X)
    best = min(best, time.perf_counter() - t0)
print("quality kl_divergence", ts.kl_divergence_)
print("elapsed", best)
