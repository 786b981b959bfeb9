# train_test_split cases (row indices only) for TrainTestSplitTest.
# Usage: /usr/bin/python3 src/test/python/make_split_fixtures.py   (numpy 1.24, sklearn 1.2)
import numpy as np
from sklearn.model_selection import train_test_split
from fixture_common import write, error_of

cases = []


def case(n, test_size=None, train_size=None, random_state=0, shuffle=True, stratify=None):
    c = dict(n=n, test_size=test_size, train_size=train_size, random_state=random_state, shuffle=shuffle,
             stratify=None if stratify is None else list(map(int, stratify)))
    idx = np.arange(n)
    out = {}

    def run():
        tr, te = train_test_split(idx, test_size=test_size, train_size=train_size, random_state=random_state,
                                  shuffle=shuffle, stratify=None if stratify is None else np.asarray(stratify))
        out["train"], out["test"] = tr.tolist(), te.tolist()

    c["error"] = error_of(run)
    c.update(out)
    cases.append(c)


for n in (2, 3, 7, 10, 50, 101, 1000):
    for t in (0.1, 0.2, 0.25, 0.33, 0.5, 0.9, 1):
        for rs in (0, 42):
            case(n, test_size=t, random_state=rs)
case(50, random_state=3)  # default 0.25
case(50, train_size=0.6, random_state=3)
case(50, train_size=30, random_state=3)
case(50, test_size=0.2, train_size=0.5, random_state=5)
case(50, test_size=10, train_size=20, random_state=5)
case(77, test_size=0.3, shuffle=False, random_state=None)
case(77, test_size=5, train_size=10, shuffle=False, random_state=None)
# errors
case(50, test_size=1.5)
case(50, test_size=50)
case(50, test_size=0)
case(50, test_size=0.0)
case(50, train_size=1.0)
case(50, train_size=-3)
case(50, test_size=0.6, train_size=0.6)
case(50, test_size=30, train_size=30)
case(3, test_size=0.9)
case(10, test_size=0.3, shuffle=False, stratify=[0, 1] * 5)
# stratified, including imbalanced and non-contiguous labels
rng = np.random.RandomState(1)
for n, weights, t, rs in [(50, [0.5, 0.5], 0.2, 42), (60, [0.7, 0.2, 0.1], 0.25, 0), (101, [0.9, 0.1], 0.3, 7),
                          (200, [0.4, 0.3, 0.2, 0.1], 0.15, 11), (33, [0.34, 0.33, 0.33], 10, 5),
                          (120, [0.05, 0.15, 0.3, 0.5], 0.5, 123), (1000, [0.01, 0.99], 0.2, 9)]:
    labels = rng.choice(len(weights), size=n, p=weights)
    case(n, test_size=t, random_state=rs, stratify=labels * 3 + 1)
case(12, test_size=0.25, random_state=1, stratify=[0] * 6 + [1] * 6)
case(10, test_size=0.5, random_state=2, stratify=[5, 5, 5, 5, 5, 9, 9, 9, 9, 9])
case(9, test_size=0.2, random_state=2, stratify=[0, 0, 0, 1, 1, 1, 2, 2, 2])  # test_size 2 < 3 classes
case(10, test_size=0.2, random_state=2, stratify=[0] * 9 + [1])  # a class of 1
case(13, test_size=4, random_state=4, stratify=[0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0])
write("train_test_split_cases.json", cases)
