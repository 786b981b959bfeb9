# The project generators' documented formulas written in numpy (an independent second
# implementation) for ProjectGeneratorsTest.
# Usage: /usr/bin/python3 src/test/python/make_project_generator_fixtures.py
import numpy as np
from fixture_common import write

cases = []


def threshold(n, loc, scale, threshold, rs):
    x = np.random.RandomState(rs).normal(loc, scale, size=n)
    return x.reshape(-1, 1), (x >= threshold).astype(int)


def xor(n, noise, rs):
    r = np.random.RandomState(rs)
    X = r.uniform(-1, 1, size=(n, 2))
    y = ((X[:, 0] > 0) != (X[:, 1] > 0)).astype(int)
    if noise is not None:
        X += r.normal(0.0, noise, size=X.shape)
    return X, y


def spirals(n, k, noise, rs):
    r = np.random.RandomState(rs)
    X, y = [], []
    for c in range(k):
        m = n // k + (1 if c < n % k else 0)
        for i in range(m):
            t = i / m
            a = 2 * np.pi * c / k + 3.5 * np.pi * t
            X.append([t * np.cos(a), t * np.sin(a)]); y.append(c)
    X, y = np.array(X), np.array(y)
    p = r.permutation(n)
    X, y = X[p], y[p]
    if noise is not None:
        X += r.normal(0.0, noise, size=X.shape)
    return X, y


def embeddings(n, f, ni, shift, rs):
    r = np.random.RandomState(rs)
    y = np.zeros(n, dtype=int); y[n - n // 2:] = 1
    r.shuffle(y)
    X = np.empty((n, f), dtype=np.float32)
    for i in range(n):
        v = r.standard_normal(f)
        v[:ni] += shift if y[i] == 1 else -shift
        sq = 0.0
        for a in v:
            sq += a * a
        X[i] = (v / np.sqrt(sq)).astype(np.float32)
    return X, y


for args in [(100, 0.0, 1.0, 0.0, 0), (57, 2.5, 0.3, 2.4, 9)]:
    X, y = threshold(*args); cases.append(dict(fn="make_threshold", args=args, x=X, y=y))
for args in [(200, None, 1), (75, 0.1, 2)]:
    X, y = xor(*args); cases.append(dict(fn="make_xor", args=args, x=X, y=y))
for args in [(300, 2, 0.05, 3), (101, 4, None, 4)]:
    X, y = spirals(*args); cases.append(dict(fn="make_spirals", args=args, x=X, y=y))
for args in [(40, 32, 4, 0.5, 5), (11, 7, 7, 2.0, 6)]:
    X, y = embeddings(*args); cases.append(dict(fn="make_embeddings", args=args, x=X.astype(np.float64), y=y))
write("project_generator_cases.json", cases)
