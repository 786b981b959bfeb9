"""PyTorch 1.13's figures for the bundled scenarios under scenarios/datasets/ (issue 16).

Each variant is trained as a PyTorch user would write it, on the same data the scenario uses
(scikit-learn's load_*, train_test_split with the scenario's test_size/stratify/random_state,
StandardScaler fitted on the training rows), seeds seed..seed+repeat-1 with torch.manual_seed,
a shuffled DataLoader, both splits evaluated in eval mode after every epoch. Prints, per variant,
the final test accuracy (mean, min, max over seeds), the mean test accuracy at a few epochs and
the mean final training loss; the scenarios' descriptions quote these numbers.
Usage: /usr/bin/python3 src/test/python/measure_dataset_scenarios.py [threads (default 1)]
"""
import statistics
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn import datasets
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 and __name__ == "__main__" else 1)


def data(load, test_size, random_state, scale):
    X, y = load(return_X_y=True)
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=test_size, stratify=y, random_state=random_state)
    if scale:
        s = StandardScaler().fit(Xtr)
        Xtr, Xte = s.transform(Xtr), s.transform(Xte)
    f = lambda a: torch.tensor(a, dtype=torch.float32)
    return f(Xtr), f(Xte), torch.tensor(ytr), torch.tensor(yte)


def mse_loss(out, y):
    return F.mse_loss(out, F.one_hot(y, out.shape[1]).float())


def train(make, opt, loss_fn, split, seeds, epochs, batch):
    Xtr, Xte, ytr, yte = split
    runs = []
    for seed in seeds:
        torch.manual_seed(seed)
        model = make()
        optimizer = opt(model.parameters())
        loader = DataLoader(TensorDataset(Xtr, ytr), batch_size=batch, shuffle=True)
        history = []
        for _ in range(epochs):
            model.train()
            for bx, by in loader:
                optimizer.zero_grad()
                loss_fn(model(bx), by).backward()
                optimizer.step()
            model.eval()
            with torch.no_grad():
                train_loss = loss_fn(model(Xtr), ytr).item()
                acc = (model(Xte).argmax(1) == yte).float().mean().item()
            history.append((train_loss, acc))
        runs.append(history)
    return runs


def report(name, runs, at=()):
    final = [h[-1][1] for h in runs]
    line = "%-40s test.accuracy mean %.4f min %.4f max %.4f; train.loss mean %.4f" % (
        name, statistics.mean(final), min(final), max(final), statistics.mean(h[-1][0] for h in runs))
    for e in at:
        line += "; epoch %d mean %.4f" % (e, statistics.mean(h[e - 1][1] for h in runs))
    print(line, flush=True)


if __name__ == "__main__":
    ce = nn.CrossEntropyLoss()
    adam = lambda lr: (lambda p: torch.optim.Adam(p, lr=lr))
    sgd = lambda lr, momentum=0.0: (lambda p: torch.optim.SGD(p, lr=lr, momentum=momentum))

    iris = data(datasets.load_iris, 0.3, 0, True)
    report("iris-smoke base", train(lambda: nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3)), adam(0.05), ce, iris, [0], 20, 16))

    wine = data(datasets.load_wine, 0.3, 0, True)
    wine_mlp = lambda: nn.Sequential(nn.Linear(13, 16), nn.ReLU(), nn.Linear(16, 3))
    report("wine-mse-vs-ce base (cross_entropy)", train(wine_mlp, sgd(0.01), ce, wine, range(10), 30, 16), at=(5, 10))
    report("wine-mse-vs-ce mse", train(wine_mlp, sgd(0.01), mse_loss, wine, range(10), 30, 16), at=(5, 10))

    raw = data(datasets.load_breast_cancer, 0.25, 0, False)
    scaled = data(datasets.load_breast_cancer, 0.25, 0, True)
    bc_mlp = lambda: nn.Sequential(nn.Linear(30, 16), nn.Sigmoid(), nn.Linear(16, 2))
    report("breast-cancer-unscaled base (raw)", train(bc_mlp, adam(0.01), ce, raw, range(5), 30, 32), at=(5,))
    report("breast-cancer-unscaled standardized", train(bc_mlp, adam(0.01), ce, scaled, range(5), 30, 32), at=(5,))
    report("breast-cancer-unscaled batch_norm", train(lambda: nn.Sequential(nn.BatchNorm1d(30), *bc_mlp()), adam(0.01), ce, raw, range(5), 30, 32),
           at=(5,))

    digits = data(datasets.load_digits, 0.25, 0, True)
    cnn = lambda: nn.Sequential(nn.Unflatten(1, (1, 8, 8)), nn.Conv2d(1, 8, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(72, 10))
    mlp = lambda: nn.Sequential(nn.Linear(64, 12), nn.ReLU(), nn.Linear(12, 10))
    report("digits-cnn-vs-mlp base (cnn)", train(cnn, sgd(0.05, 0.9), ce, digits, range(5), 15, 32), at=(3, 5))
    report("digits-cnn-vs-mlp mlp", train(mlp, sgd(0.05, 0.9), ce, digits, range(5), 15, 32), at=(3, 5))
