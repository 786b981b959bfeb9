# Replays trainspec's seed-004 runs in PyTorch 1.13 with trainspec's numpy init and shuffle streams: the
# final test accuracies must equal `java -jar target/trainspec.jar run` on the SCENARIOS.md section 1 example.
# Usage: /usr/bin/python3 src/test/python/replay_seed004_in_torch.py [full]
import sys, numpy as np, torch, torch.nn as nn
from sklearn.datasets import make_moons
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
torch.set_num_threads(1)
X, y = make_moons(n_samples=1000, noise=0.2, random_state=42)
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.2, random_state=42)
sc = StandardScaler().fit(Xtr); Xtr = sc.transform(Xtr); Xte = sc.transform(Xte)
Xtr = torch.tensor(Xtr, dtype=torch.float32); Xte = torch.tensor(Xte, dtype=torch.float32)
ytr = torch.tensor(ytr); yte = torch.tensor(yte)
full = len(sys.argv) > 1 and sys.argv[1] == "full"
out = []
for seed in range(10):
    rs = np.random.RandomState(seed)
    model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 2))
    with torch.no_grad():
        for lin in (model[0], model[2]):
            b = 1 / np.sqrt(lin.in_features)
            w = -b + 2 * b * rs.random_sample(lin.weight.numel())
            lin.weight.copy_(torch.tensor(w.reshape(lin.weight.shape), dtype=torch.float32))
            bb = -b + 2 * b * rs.random_sample(lin.bias.numel())
            lin.bias.copy_(torch.tensor(bb, dtype=torch.float32))
    sh = np.random.RandomState((seed + 0x9E3779B9) & 0xFFFFFFFF)
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9); crit = nn.CrossEntropyLoss()
    bs = 800 if full else 32
    for epoch in range(100):
        order = np.arange(800)
        if not full: sh.shuffle(order)
        for s in range(0, 800, bs):
            idx = torch.tensor(order[s:s+bs])
            opt.zero_grad(); loss = crit(model(Xtr[idx]), ytr[idx]); loss.backward(); opt.step()
    with torch.no_grad():
        out.append((model(Xte).argmax(1) == yte).float().mean().item())
print(["%.3f" % a for a in out], "mean %.4f" % np.mean(out))
