"""Writes scenarios/data/iris-like.csv: 150 synthetic rows shaped like Fisher's iris table.

Not the real data set: each species draws 50 rows from an independent Gaussian per feature,
with means and standard deviations close to the published per-species summary of iris, rounded
to one decimal like the original measurements. Run from the repository root:
    python3 src/test/python/make_iris_like_csv.py
"""
import numpy as np

SPECIES = {
    #             sepal_length  sepal_width  petal_length  petal_width
    "setosa":     ([5.0, 3.4, 1.5, 0.25], [0.35, 0.38, 0.17, 0.11]),
    "versicolor": ([5.9, 2.8, 4.3, 1.3], [0.52, 0.31, 0.47, 0.20]),
    "virginica":  ([6.6, 3.0, 5.5, 2.0], [0.64, 0.32, 0.55, 0.27]),
}

rng = np.random.RandomState(1936)
with open("scenarios/data/iris-like.csv", "w", newline="") as out:
    out.write("sepal_length,sepal_width,petal_length,petal_width,species\r\n")
    for name, (mean, std) in SPECIES.items():
        x = rng.normal(mean, std, size=(50, 4))
        x = np.maximum(np.round(x, 1), 0.1)
        for row in x:
            out.write(",".join("%.1f" % v for v in row) + "," + name + "\r\n")
