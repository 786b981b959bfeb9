"""PyTorch 1.13 training runs with dropout and custom inits, epoch by epoch, for run/TorchReferenceRunsTest.

Run from the repository root with Debian's python3:
    /usr/bin/python3 src/test/python/make_torch_dropout_runs_fixture.py
It writes src/test/resources/torch/dropout_runs.json: for torch seeds 0..2, the per-epoch mean
training-batch loss (in train mode, with dropout), test loss and test accuracy of the loop that
src/test/resources/torch/moons-dropout-init.yaml describes. Matching it needs the same initial
weights (reset_parameters, then the nn.init calls), the same batches and the same dropout masks.
"""
import json
import os

import torch
import torch.nn as nn
from sklearn.datasets import make_moons
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

torch.set_num_threads(1)
X, y = make_moons(n_samples=400, noise=0.25, random_state=3)
X = StandardScaler().fit_transform(X)
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.25, random_state=3)
Xtr = torch.tensor(Xtr, dtype=torch.float32); Xte = torch.tensor(Xte, dtype=torch.float32)
ytr = torch.tensor(ytr); yte = torch.tensor(yte)
runs = []
for seed in range(3):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Dropout(0.3), nn.Linear(32, 32), nn.ReLU(), nn.Dropout(0.5),
                          nn.Linear(32, 2))
    nn.init.kaiming_normal_(model[0].weight, nonlinearity="relu")
    nn.init.xavier_uniform_(model[3].weight, gain=1.0)
    crit = nn.CrossEntropyLoss()
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    loader = DataLoader(TensorDataset(Xtr, ytr), batch_size=32, shuffle=True)
    hist = {"running_loss": [], "test_loss": [], "test_acc": []}
    for epoch in range(20):
        model.train()
        total = 0.0
        for bx, by in loader:
            opt.zero_grad()
            loss = crit(model(bx), by)
            loss.backward()
            opt.step()
            total += loss.item() * len(by)
        model.eval()
        with torch.no_grad():
            out = model(Xte)
            hist["running_loss"].append(total / len(ytr))
            hist["test_loss"].append(crit(out, yte).item())
            hist["test_acc"].append((out.argmax(1) == yte).float().mean().item())
    runs.append(dict(seed=seed, **hist))
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "torch", "dropout_runs.json"), "w") as f:
    json.dump({"torch": torch.__version__, "cases": {"runs": runs}}, f, indent=1)
    f.write("\n")
print("wrote dropout_runs.json", [r["test_acc"][-1] for r in runs])
