"""PyTorch 1.13's CPU random streams, for engine/random/TorchGenerator (bit-exact comparisons).

Run from the repository root with Debian's python3 (torch 1.13.1, CPU capability AVX2, no MKL):
    /usr/bin/python3 src/test/python/make_torch_rng_fixtures.py
It writes src/test/resources/torch/rng.json. 64-bit integers are written as decimal strings
(a JSON double cannot hold them); float32 values as exact decimals.
"""
import json
import math
import os

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, RandomSampler, TensorDataset

torch.set_num_threads(1)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "torch")


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def after(k=4):
    """Where the default generator stands: the next k uniform_ floats (checks how much a call consumed)."""
    return flat(torch.empty(k).uniform_())


cases = {}

# The raw stream: int64 random_() is random64() % 2^63, two 32-bit words (first one high).
for seed in [0, 1, 42, 2**32 + 5, 67280421310721]:
    torch.manual_seed(seed)
    cases[f"random64_seed{seed}"] = {"seed": str(seed),
                                     "values": [str(v) for v in torch.empty(700, dtype=torch.int64).random_().tolist()]}

# uniform_ on float32: 24 bits of one 32-bit word, then fma(x, to - from, from) in float.
for seed, n, lo, hi in [(0, 1, 0.0, 1.0), (1, 5, -0.5, 0.5), (2, 16, -0.7071067811865476, 0.7071067811865476),
                        (3, 33, -0.123, 0.456), (4, 1000, 2.5, 7.1), (5, 64, -1e-3, 1e-3)]:
    torch.manual_seed(seed)
    t = torch.empty(n).uniform_(lo, hi)
    cases[f"uniform_seed{seed}_n{n}"] = {"seed": seed, "from": lo, "to": hi, "values": flat(t), "after": after()}

# normal_ on float32: below 16 elements the double Box-Muller with its cached second value,
# from 16 on the AVX2 path (24-bit uniforms, vectorised log/sincos, 16 at a time, tail recomputed).
for seed, n, mean, std in [(0, 1, 0.0, 1.0), (1, 3, 0.5, 2.0), (2, 7, 0.0, 0.3), (3, 15, -1.0, 0.1),
                           (4, 16, 0.0, 1.0), (5, 17, 0.0, 1.0), (6, 31, 1.0, 0.5), (7, 64, 0.0, 0.05),
                           (8, 1000, 0.0, 1.0), (9, 256, 0.0, 0.0625), (10, 40, 0.0, 0.2581988897471611)]:
    torch.manual_seed(seed)
    t = torch.empty(n).normal_(mean, std)
    cases[f"normal_seed{seed}_n{n}"] = {"seed": seed, "mean": mean, "std": std, "values": flat(t), "after": after()}

# The cached second normal survives between calls (and uniform_ calls in between).
torch.manual_seed(11)
a = torch.empty(3).normal_()
b = torch.empty(4).uniform_()
c = torch.empty(5).normal_(1.0, 2.0)
cases["normal_cache_seed11"] = {"seed": 11, "first3": flat(a), "uniform4": flat(b), "then5": flat(c), "after": after()}

# randperm(n, generator): random() % (n - i) swaps for n below 2^32 / 20.
for seed, n in [(0, 1), (1, 2), (2, 10), (3, 800), (4, 1000), (937055941807507096, 100)]:
    g = torch.Generator()
    g.manual_seed(seed)
    cases[f"randperm_seed{seed}_n{n}"] = {"seed": str(seed), "n": n, "values": torch.randperm(n, generator=g).tolist()}

# bernoulli_(p) on float32 without MKL: one random64() per element, 53-bit double < p.
for seed, n, p in [(0, 50, 0.5), (1, 37, 0.8), (2, 100, 0.1)]:
    torch.manual_seed(seed)
    t = torch.empty(n).bernoulli_(p)
    cases[f"bernoulli_seed{seed}_n{n}"] = {"seed": seed, "p": p, "values": flat(t), "after": after()}

# nn.Dropout in training: bernoulli_(1 - p) on a [batch, width] noise, divided by 1 - p; p = 0 and p = 1 draw nothing.
for seed, p in [(0, 0.3), (1, 0.5), (2, 0.0), (3, 1.0)]:
    torch.manual_seed(seed)
    d = nn.Dropout(p)
    d.train()
    y = d(torch.ones(5, 7))
    cases[f"dropout_seed{seed}_p{p}"] = {"seed": seed, "p": p, "shape": [5, 7], "values": flat(y), "after": after()}

# A DataLoader epoch: _BaseDataLoaderIter draws a base seed (random64) first, then RandomSampler
# draws its own seed (random64 % 2^63), seeds a fresh generator and takes randperm(n).
for seed, n, bs, shuffle in [(0, 10, 3, True), (1, 800, 32, True), (2, 25, 25, False)]:
    torch.manual_seed(seed)
    loader = DataLoader(TensorDataset(torch.arange(n)), batch_size=bs, shuffle=shuffle)
    orders = []
    for epoch in range(3):
        orders.append([int(i) for (bx,) in loader for i in bx.tolist()])
    cases[f"loader_seed{seed}_n{n}_shuffle{shuffle}"] = {"seed": seed, "n": n, "batch": bs, "shuffle": shuffle,
                                                          "orders": orders, "after": after()}
torch.manual_seed(7)
cases["sampler_seed7_n10"] = {"seed": 7, "n": 10, "order": list(RandomSampler(range(10))), "after": after()}


def model_case(seed, widths):
    torch.manual_seed(seed)
    layers = []
    for i in range(len(widths) - 1):
        layers.append(nn.Linear(widths[i], widths[i + 1]))
        if i < len(widths) - 2:
            layers.append(nn.ReLU())
    model = nn.Sequential(*layers)
    lins = [m for m in model if isinstance(m, nn.Linear)]
    return {"seed": seed, "widths": widths, "weights": [flat(m.weight) for m in lins],
            "biases": [flat(m.bias) for m in lins], "after": after()}


for seed in range(4):
    cases[f"model_2_16_2_seed{seed}"] = model_case(seed, [2, 16, 2])
    cases[f"model_10_64_64_4_seed{seed}"] = model_case(seed, [10, 64, 64, 4])

# A custom init as trainspec reads `init:`: construct the whole model (every nn.Linear runs its
# reset_parameters), then apply nn.init.X_ to each weight that has one, in layer order; biases keep
# their reset_parameters values.
for seed in range(2):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(5, 8), nn.Tanh(), nn.Linear(8, 3), nn.ReLU(), nn.Linear(3, 2), nn.ReLU(),
                          nn.Linear(2, 2, bias=False), nn.ReLU(), nn.Linear(2, 6), nn.ReLU(), nn.Linear(6, 3))
    nn.init.xavier_normal_(model[0].weight)  # 40 elements: AVX2 path with a recomputed tail
    nn.init.normal_(model[2].weight, 0.0, 0.3)  # 24 elements
    nn.init.kaiming_normal_(model[4].weight, mode="fan_out", nonlinearity="relu")  # 6 elements: double path
    nn.init.uniform_(model[6].weight, -0.1, 0.1)
    nn.init.kaiming_uniform_(model[8].weight, nonlinearity="relu")
    nn.init.xavier_uniform_(model[10].weight, gain=2.0)
    lins = [m for m in model if isinstance(m, nn.Linear)]
    cases[f"custom_init_seed{seed}"] = {"seed": seed, "weights": [flat(m.weight) for m in lins],
                                        "biases": [flat(m.bias) if m.bias is not None else [] for m in lins],
                                        "after": after()}

# normal_ from 16 elements on and the fma in uniform_ depend on the CPU capability torch dispatched to
capability = [l.strip() for l in torch.__config__.show().splitlines() if "CPU capability" in l]
doc = {"torch": torch.__version__, "config": capability[0] if capability else "", "mkl": torch.backends.mkl.is_available(),
       "cases": cases}
with open(os.path.join(OUT, "rng.json"), "w") as f:
    json.dump(doc, f, separators=(",", ":"))
    f.write("\n")
print("wrote rng.json", len(cases), "cases")
