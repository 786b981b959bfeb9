# scikit-learn's load_*(return_X_y=True) for BundledDatasetsTest: shape, SHA-256 of the float64
# little-endian bytes of X and of y (float64 too, whatever its dtype), the first and last rows and
# the column sums, so a mismatch is both detected exactly and shown readably.
# Usage: /usr/bin/python3 src/test/python/make_bundled_dataset_fixtures.py   (numpy 1.24, sklearn 1.2)
import hashlib
import numpy as np
from sklearn import datasets
from fixture_common import write

cases = []


def case(name, fn, **params):
    X, y = fn(return_X_y=True, **params)
    X = np.ascontiguousarray(X, dtype="<f8")
    y = np.ascontiguousarray(y, dtype="<f8")
    cases.append(dict(name=name, params=params, rows=X.shape[0], cols=X.shape[1],
                      x_sha256=hashlib.sha256(X.tobytes()).hexdigest(),
                      y_sha256=hashlib.sha256(y.tobytes()).hexdigest(),
                      first=X[0], last=X[-1], y_first=y[0], y_last=y[-1],
                      column_sums=X.sum(axis=0), classes=int(y.max()) + 1 if name != "load_diabetes" else 0))


case("load_iris", datasets.load_iris)
case("load_wine", datasets.load_wine)
case("load_breast_cancer", datasets.load_breast_cancer)
case("load_digits", datasets.load_digits)
case("load_digits", datasets.load_digits, n_class=3)
case("load_digits", datasets.load_digits, n_class=1)
case("load_diabetes", datasets.load_diabetes)
write("bundled_dataset_cases.json", cases)
