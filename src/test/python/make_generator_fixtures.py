# make_blobs / make_classification / make_gaussian_quantiles / make_regression cases for
# GeneratorsTest: parameters, X, y (or the ValueError message).
# Usage: /usr/bin/python3 src/test/python/make_generator_fixtures.py   (numpy 1.24, sklearn 1.2, OpenBLAS)
from sklearn import datasets
from fixture_common import write, error_of

cases = []


def case(fn, **params):
    c = dict(fn=fn, params=params)
    out = {}

    def run():
        X, y = getattr(datasets, fn)(**params)
        out["x"], out["y"] = X, y

    c["error"] = error_of(run)
    c.update(out)
    cases.append(c)


# make_blobs
for n in (1, 10, 100, 101):
    for f in (1, 2, 5):
        case("make_blobs", n_samples=n, n_features=f, random_state=n + f)
case("make_blobs", n_samples=120, n_features=3, centers=4, cluster_std=1.5, random_state=3)
case("make_blobs", n_samples=50, centers=[[0.0, 0.0], [5.0, 5.0], [-3.0, 2.0]], cluster_std=[0.5, 1.0, 2.0], random_state=1)
case("make_blobs", n_samples=[10, 20, 5], n_features=4, random_state=2)
case("make_blobs", n_samples=[10, 0, 5], centers=[[1.0], [2.0], [3.0]], random_state=2, shuffle=False)
case("make_blobs", n_samples=60, n_features=2, centers=5, center_box=(-1.0, 3.5), cluster_std=0.0, random_state=9)
case("make_blobs", n_samples=60, centers=2, cluster_std=[1.0, 2.0, 3.0], random_state=9)
case("make_blobs", n_samples=[10, 20], centers=[[1.0, 1.0]], random_state=9)
case("make_blobs", n_samples=[10, 20], centers=3, random_state=9)
# make_classification
case("make_classification", random_state=0)
case("make_classification", n_samples=300, n_features=5, n_classes=4, n_clusters_per_class=1, random_state=1)
case("make_classification", n_samples=200, n_features=10, n_informative=3, n_redundant=3, n_repeated=2, n_classes=3, random_state=2)
case("make_classification", n_samples=150, n_features=4, n_informative=4, n_redundant=0, n_classes=5, n_clusters_per_class=3,
     weights=[0.1, 0.2, 0.3, 0.3], flip_y=0.0, random_state=3)
case("make_classification", n_samples=100, n_features=6, n_informative=2, n_redundant=1, weights=[0.9], flip_y=0.3, class_sep=2.5,
     hypercube=False, shift=None, scale=None, random_state=4)
case("make_classification", n_samples=80, n_features=3, n_informative=1, n_redundant=0, n_clusters_per_class=1, shift=[1.0, -2.0, 3.0],
     scale=[0.5, 2.0, 10.0], shuffle=False, random_state=5)
case("make_classification", n_samples=64, n_features=40, n_informative=32, n_redundant=4, n_repeated=4, n_classes=6, random_state=6)
case("make_classification", n_samples=500, n_features=20, n_informative=8, n_redundant=5, n_repeated=1, n_classes=10, n_clusters_per_class=4,
     random_state=7)
case("make_classification", n_samples=30, n_features=5, n_informative=5, n_redundant=0, n_classes=2, n_clusters_per_class=16, random_state=8)
case("make_classification", n_samples=1000, n_features=2, n_informative=2, n_redundant=0, n_clusters_per_class=1, flip_y=0.05, random_state=42)
case("make_classification", n_samples=50, n_features=3, n_informative=2, n_redundant=2)
case("make_classification", n_samples=50, n_features=5, n_informative=2, n_classes=3, n_clusters_per_class=2)
case("make_classification", n_samples=50, n_features=5, n_classes=3, n_clusters_per_class=1, weights=[0.5, 0.2, 0.2, 0.1])
# make_gaussian_quantiles
case("make_gaussian_quantiles", random_state=0)
case("make_gaussian_quantiles", n_samples=200, n_features=5, n_classes=4, cov=2.5, random_state=1)
case("make_gaussian_quantiles", mean=[1.0, -2.0, 3.0], n_features=3, n_samples=101, n_classes=2, cov=0.3, random_state=2)
case("make_gaussian_quantiles", mean=[1.0, -2.0, 3.0], n_samples=101, n_classes=2, cov=0.3, random_state=2)
case("make_gaussian_quantiles", n_samples=50, n_features=1, n_classes=7, shuffle=False, random_state=3)
case("make_gaussian_quantiles", n_samples=300, n_features=12, n_classes=3, random_state=4)
case("make_gaussian_quantiles", n_samples=2, n_classes=3, random_state=4)
# make_regression
case("make_regression", random_state=0)
case("make_regression", n_samples=50, n_features=3, n_informative=2, noise=0.5, bias=3.0, random_state=1)
case("make_regression", n_samples=40, n_features=7, n_informative=7, n_targets=3, random_state=2)
case("make_regression", n_samples=60, n_features=20, n_informative=30, noise=1.0, shuffle=False, random_state=3)
case("make_regression", n_samples=100, n_features=1, n_informative=1, noise=10.0, random_state=4)
case("make_regression", n_samples=30, n_features=8, n_informative=4, effective_rank=3, tail_strength=0.2, random_state=5)
case("make_regression", n_samples=10, n_features=25, n_informative=5, effective_rank=2, noise=0.1, random_state=6)
write("generator_cases.json", cases)
