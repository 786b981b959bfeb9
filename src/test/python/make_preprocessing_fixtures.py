# StandardScaler / MinMaxScaler / Normalizer cases for PreprocessingTest: each case fits on the
# first `fit_rows` rows of X and transforms all rows.
# Usage: /usr/bin/python3 src/test/python/make_preprocessing_fixtures.py   (numpy 1.24, sklearn 1.2)
import numpy as np
from sklearn.preprocessing import StandardScaler, MinMaxScaler, Normalizer
from fixture_common import write

rng = np.random.RandomState(2024)
cases = []


def case(name, X, fit_rows):
    X = np.ascontiguousarray(X, dtype=np.float64)
    fit = X[:fit_rows]
    c = dict(name=name, rows=X.shape[0], cols=X.shape[1], fit_rows=fit_rows, x=X)
    for wm in (True, False):
        for ws in (True, False):
            s = StandardScaler(with_mean=wm, with_std=ws).fit(fit)
            c[f"standard_{wm}_{ws}"] = s.transform(X)
    s = StandardScaler().fit(fit)
    c["mean"], c["var"], c["scale"] = s.mean_, s.var_, s.scale_
    for lo, hi in ((0.0, 1.0), (-3.5, 7.25)):
        c[f"minmax_{lo}_{hi}"] = MinMaxScaler(feature_range=(lo, hi)).fit(fit).transform(X)
    c["l2"] = Normalizer().fit(fit).transform(X)
    cases.append(c)


for n in (1, 2, 7, 8, 9, 16, 100, 129, 300, 1000, 2500):
    for d in (1, 2, 3, 5, 8, 9, 17, 33):
        if n * d > 3000 and d > 1:
            continue
        X = rng.normal(size=(n, d)) * rng.uniform(0.01, 50, size=d) + rng.uniform(-1000, 1000, size=d)
        case(f"normal n={n} d={d}", X, max(1, int(n * 0.8)))
X = rng.normal(size=(50, 4)); X[:, 1] = 3.7; X[:, 2] = 0.0; X[5] = 0.0; X[7, :] = 1e-300
case("constant and zero columns, zero rows", X, 40)
X = rng.normal(size=(64, 3)) * 1e-9 + 1e6
case("tiny spread around a large mean", X, 64)
X = rng.randint(-3, 4, size=(40, 6)).astype(float)
case("small integers", X, 30)
write("preprocessing_cases.json", cases)
