"""PyTorch 1.13 (CPU) side of the speed table of issue 7, on the machine it runs on.

Each workload is written as a PyTorch user writes it (the reference scripts in
shared/reference/pytorch/ measured the figures in BenchReference.java the same way):
  seed004  moons 1000 (noise .2, rs 42), standardised, split .2 rs 42; 2-16-2 ReLU MLP, CE,
           SGD lr .1 momentum .9, batch 32 DataLoader with shuffle, 100 epochs, test split
           evaluated after every epoch. One run per seed 0..4; median seconds.
  seed000  13,000 x 512 L2-normalised gaussian embeddings (mean shift .35 on 16 dims); Linear(512,1),
           BCE with logits, Adam lr .01, batch 64, 20 epochs (no per-epoch evaluation).
  200k     200,000 x 512 random features, Linear(512,1), BCE with logits, Adam lr .01, batch 256,
           one epoch.
  digits_cnn  load_digits standardised, stratified split .25 rs 0; Unflatten(1,8,8), Conv2d(1,8,3),
           ReLU, MaxPool2d(2), Flatten, Linear(72,10); CE, SGD lr .05 momentum .9, batch 32 DataLoader
           with shuffle, 30 epochs, both splits evaluated after every epoch (issue 16; the Java side
           is src/test/resources/bench/digits-cnn.yaml).
Prints one line per workload: "<name> <median seconds>". Needs python3-torch and sklearn; the
Java build never runs it. Usage: python3 bench_pytorch.py [threads (default 2)] [repeats (default 3)] [workload names (default all)]
"""
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.datasets import load_digits, make_moons
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

repeats = 3


def moons_split():
    """Seed 004's data as float32 tensors: train x, train y, test x, test y."""
    X, y = make_moons(n_samples=1000, noise=0.2, random_state=42)
    X = StandardScaler().fit_transform(X)
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.2, random_state=42)
    return (torch.tensor(Xtr, dtype=torch.float32), torch.tensor(ytr),
            torch.tensor(Xte, dtype=torch.float32), torch.tensor(yte))


def train_moons(seed, Xtr, ytr, Xte, yte):
    """One run of seed 004's loop; returns the final test accuracy."""
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 2))
    crit = nn.CrossEntropyLoss(); opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    loader = DataLoader(TensorDataset(Xtr, ytr), batch_size=32, shuffle=True)
    for _ in range(100):
        model.train()
        for bx, by in loader:
            opt.zero_grad(); crit(model(bx), by).backward(); opt.step()
        model.eval()
        with torch.no_grad():
            acc = (model(Xte).argmax(1) == yte).float().mean().item()
    return acc


def seed004():
    data = moons_split()
    times = []
    for seed in range(repeats):
        t0 = time.perf_counter()
        train_moons(seed, *data)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def embeddings(n, seed):
    r = np.random.RandomState(seed); y = r.randint(0, 2, n)
    mu = np.zeros(512); mu[:16] = 0.35
    X = r.normal(0, 1, (n, 512)) + np.outer(2 * y - 1, mu)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    return torch.tensor(X.astype(np.float32)), torch.tensor(y, dtype=torch.float32).unsqueeze(1)


def linear_epochs(A, B, batch, epochs):
    times = []
    for seed in range(repeats):
        torch.manual_seed(seed); m = nn.Linear(512, 1); opt = torch.optim.Adam(m.parameters(), lr=0.01)
        t0 = time.perf_counter()
        for _ in range(epochs):
            perm = torch.randperm(len(A))
            for k in range(0, len(A), batch):
                idx = perm[k:k + batch]
                opt.zero_grad(); F.binary_cross_entropy_with_logits(m(A[idx]), B[idx]).backward(); opt.step()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def seed000():
    A, B = embeddings(13000, 0)
    return linear_epochs(A, B, 64, 20)


def rows200k():
    r = np.random.RandomState(2)
    A = torch.tensor(r.normal(0, 1, (200000, 512)).astype(np.float32))
    B = torch.tensor(r.randint(0, 2, (200000, 1)).astype(np.float32))
    return linear_epochs(A, B, 256, 1)


def digits_cnn():
    X, y = load_digits(return_X_y=True)
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
    scaler = StandardScaler().fit(Xtr)
    Xtr = torch.tensor(scaler.transform(Xtr), dtype=torch.float32); Xte = torch.tensor(scaler.transform(Xte), dtype=torch.float32)
    ytr = torch.tensor(ytr); yte = torch.tensor(yte)
    times = []
    for seed in range(repeats):
        torch.manual_seed(seed)
        model = nn.Sequential(nn.Unflatten(1, (1, 8, 8)), nn.Conv2d(1, 8, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(72, 10))
        crit = nn.CrossEntropyLoss(); opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
        loader = DataLoader(TensorDataset(Xtr, ytr), batch_size=32, shuffle=True)
        t0 = time.perf_counter()
        for _ in range(30):
            model.train()
            for bx, by in loader:
                opt.zero_grad(); crit(model(bx), by).backward(); opt.step()
            model.eval()
            with torch.no_grad():
                for A, B in ((Xtr, ytr), (Xte, yte)):
                    out = model(A); crit(out, B).item(); (out.argmax(1) == B).float().mean().item()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


if __name__ == "__main__":
    torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    chosen = set(sys.argv[3:])
    for name, work in [("seed004", seed004), ("seed000", seed000), ("200k", rows200k), ("digits_cnn", digits_cnn)]:
        if chosen and name not in chosen:
            continue
        print("%s %.3f" % (name, work()), flush=True)
