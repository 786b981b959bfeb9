"""PyTorch 1.13 / numpy side of the cold-start and data-at-scale figures of issue 18.

Each mode is one job a user runs as a whole process, timed from outside by bench.sh
(/usr/bin/time) as well as inside (the figures printed here):
  moons     seed 004 once: make_moons 1000 (noise .2, rs 42), standardised, split .2 rs 42,
            2-16-2 ReLU MLP, CE, SGD lr .1 momentum .9, batch 32, 100 epochs, test accuracy
            after every epoch; the same job as `trainspec run scenarios/seeds/two-moons-sgd.yaml`.
  repeat20  the same loop for torch seeds 0..19 in one process; prints the mean seconds a run.
  data250k  numpy draws the rows of make_embeddings 250,000 x 512 (the same count of normals,
            shifted on 16 dims, L2-normalised, to float32); prints their seconds. Then PyTorch
            trains one Adam epoch (Linear(512,1), BCE with logits, lr .01, batch 256) over the
            first 200,000 rows and evaluates all 250,000; prints the epoch's and the evaluation's
            seconds.
Needs python3-torch and sklearn; the Java build never runs it.
Usage: python3 bench_cold.py moons|repeat20|data250k [threads (default 2)]
"""
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from bench_pytorch import moons_split, train_moons

mode = sys.argv[1]
torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 2)


def moons_runs(seeds):
    data = moons_split()
    t0 = time.perf_counter()
    for seed in seeds:
        acc = train_moons(seed, *data)
    return (time.perf_counter() - t0) / len(seeds), acc


def data250k():
    t0 = time.perf_counter()
    r = np.random.RandomState(0)
    y = np.zeros(250000, dtype=np.int64); y[125000:] = 1; r.shuffle(y)
    X = r.standard_normal((250000, 512))
    X[:, :16] += np.where(y == 1, 0.35, -0.35)[:, None]
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    X = X.astype(np.float32)
    print("numpy rows %.3f s" % (time.perf_counter() - t0), flush=True)
    A = torch.from_numpy(X); B = torch.tensor(y, dtype=torch.float32).unsqueeze(1)
    torch.manual_seed(0); m = nn.Linear(512, 1); opt = torch.optim.Adam(m.parameters(), lr=0.01)
    t0 = time.perf_counter()
    perm = torch.randperm(200000)
    for k in range(0, 200000, 256):
        idx = perm[k:k + 256]
        opt.zero_grad(); F.binary_cross_entropy_with_logits(m(A[idx]), B[idx]).backward(); opt.step()
    t1 = time.perf_counter()
    with torch.no_grad():
        acc = ((m(A) > 0).float() == B).float().mean().item()
    t2 = time.perf_counter()
    print("torch epoch %.3f s, evaluation of 250,000 rows %.3f s (accuracy %.3f)" % (t1 - t0, t2 - t1, acc), flush=True)


if mode == "moons":
    print("torch moons run %.3f s (test accuracy %.3f)" % moons_runs([0]), flush=True)
elif mode == "repeat20":
    print("torch 20-seed repeat: %.4f s a run" % moons_runs(range(20))[0], flush=True)
elif mode == "data250k":
    data250k()
else:
    sys.exit("mode: moons, repeat20 or data250k")
