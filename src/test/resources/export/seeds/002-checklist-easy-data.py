# Seed 002 checklist: try easy data first
# Exported by trainspec from scenarios/seeds/002-checklist-easy-data.yaml, variant base.
# Trains it as PyTorch does and prints the runs as trainspec's JSON result ({"runs": [...]}) to stdout.
# Needs PyTorch >= 1.13, scikit-learn >= 1.2 and numpy.  Usage: python3 this.py [--device cpu|cuda] [--seed N]
# What the scenario expects of these runs (trainspec run --engine pytorch checks it):
#   test.accuracy >= 0.99
#   test.accuracy >= 0.99 within 2 epochs
#   train.loss <= 0.05
#   diagnosis excludes plateau
#   diagnosis excludes majority_class_only

import argparse
import csv
import json
import math
import re
import sys
import time

import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.datasets import make_blobs
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

# data: the same rows, split and preprocessing as trainspec's (float64 until the tensors)
X, y = make_blobs(
    n_samples=400,
    centers=4,
    n_features=10,
    cluster_std=0.5,
    random_state=0,
    center_box=[-10.0, 10.0],
    shuffle=True,
)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, shuffle=True, stratify=None)
# fitted on the training rows
step = StandardScaler(with_mean=True, with_std=True).fit(X_train)
X_train, X_test = step.transform(X_train), step.transform(X_test)
X_train, X_test = torch.tensor(X_train, dtype=torch.float32), torch.tensor(X_test, dtype=torch.float32)
y_train, y_test = torch.tensor(y_train, dtype=torch.long), torch.tensor(y_test, dtype=torch.long)
CLASSIFICATION = True  # 4 classes


def build_model():
    model = nn.Sequential(
        nn.Linear(10, 64),
        nn.ReLU(),
        nn.Linear(64, 64),
        nn.ReLU(),
        nn.Linear(64, 4),
    )
    return model


LAYER_WORDS = ["linear", "relu", "linear", "relu", "linear"]  # as the scenario names them
LOSS_WORD = "cross_entropy"  # as the Java engine names it


criterion = nn.CrossEntropyLoss()


def loss_fn(out, y):
    return criterion(out, y)


def predict(out):  # the class an output row stands for
    return out.argmax(dim=1)


def make_optimizer(parameters):
    return torch.optim.SGD(
        parameters,
        lr=0.05,
        momentum=0.9,
        dampening=0.0,
        nesterov=False,
        weight_decay=0.0,
    )


def make_schedule(optimizer):  # stepped once after every epoch
    return None


MONITOR = None


EPOCHS = 5
BATCH_SIZE = 32
SHUFFLE = True
CLIP_GRAD_NORM = None
EARLY_STOPPING = None
SEEDS = [0, 1, 2]  # one run each, after torch.manual_seed(seed)
METRICS = [
    "train.loss",
    "train.accuracy",
    "test.loss",
    "test.accuracy",
    "train.running_loss",
    "train.running_accuracy",
    "grad_norm",
    "weight_norm",
    "lr",
    "dead_relu_fraction",
    "max_abs_logit",
    "first_layer_grad_norm",
    "last_layer_grad_norm",
    "saturated_fraction",
    "train.max_class_share",
    "test.max_class_share",
]  # recorded after every epoch


# The training loop and the metrics of trainspec's section 3, the same for every scenario.


def l2_norm(tensors):
    """sqrt of the sum of squares, summed in float64 like trainspec's norms."""
    return math.sqrt(sum(float(t.double().pow(2).sum()) for t in tensors))


def evaluate(model, X, y, on_train):
    """Eval mode over a whole split: loss, accuracy (or r2 and mae), the largest |output|, and on
    the training split the ReLU units that are zero on every row and the hidden sigmoid/tanh
    outputs within 0.01 of an asymptote. After a convolution a unit is one channel at one
    position, as trainspec counts them."""
    model.eval()
    m = {}
    with torch.no_grad():
        h, alive, saturated, saturable = X, [], 0, 0
        for i, layer in enumerate(model):
            h = layer(h)
            if on_train and type(layer) is nn.ReLU:
                alive.append((h > 0).any(dim=0))
            if on_train and i < len(model) - 1 and isinstance(layer, (nn.Sigmoid, nn.Tanh)):
                low, high = (0.01, 0.99) if isinstance(layer, nn.Sigmoid) else (-0.99, 0.99)
                saturated += int(((h < low) | (h > high)).sum())
                saturable += h.numel()
        out, n = h, len(X)
        m["loss"] = loss_fn(out, y).item()
        m["max_abs_output"] = out.abs().max().item()
        if CLASSIFICATION:
            p = predict(out)
            m["accuracy"] = int((p == y).sum()) / n
            m["max_class_share"] = int(torch.bincount(p, minlength=2).max()) / n
        else:
            t = y.double()
            e = out[:, 0].double() - t
            ss_tot = float((t * t).sum()) - n * (float(t.sum()) / n) ** 2
            m["mae"] = float(e.abs().sum()) / n
            m["r2"] = 1 - float((e * e).sum()) / ss_tot if ss_tot > 0 else float("nan")
        if on_train:
            units = sum(a.numel() for a in alive)
            m["dead_relu_fraction"] = sum(int((~a).sum()) for a in alive) / units if units else 0.0
            m["saturated_fraction"] = saturated / saturable if saturable else 0.0
    return m


def first_non_finite_output(model, xb):
    """Which layer's output is NaN or infinite first (eval mode, so no dropout mask is drawn)."""
    model.eval()
    try:
        with torch.no_grad():
            h = xb
            for i, layer in enumerate(model):
                h = layer(h)
                if not torch.isfinite(h).all():
                    return f"output of layer {i} ({LAYER_WORDS[i]})", h[~torch.isfinite(h)][0].item()
        return None
    finally:
        model.train()


class EarlyStopping:
    """Stop at an epoch where the monitored metric did not improve by min_delta, the patience-th such in a row."""

    def __init__(self, monitor, patience, min_delta):
        self.monitor, self.patience, self.min_delta = monitor, patience, min_delta
        self.higher_is_better = monitor.endswith("accuracy") or monitor.endswith("r2")
        self.best, self.bad_epochs = float("nan"), 0

    def should_stop(self, value):
        if self.higher_is_better:
            improved = math.isnan(self.best) or value > self.best + self.min_delta
        else:
            improved = math.isnan(self.best) or value < self.best - self.min_delta
        self.best, self.bad_epochs = (value, 0) if improved else (self.best, self.bad_epochs + 1)
        # Lightning's rule: only an epoch without improvement stops, so patience 0 stops at the first one
        return not improved and self.bad_epochs >= self.patience

    def reason(self, epoch):
        # the epochs without improvement it counted, not patience, which may be 0 (as the Java engine says it)
        return (f"early stopping after epoch {epoch}: {self.monitor} did not improve by {self.min_delta} for "
                f"{self.bad_epochs} epoch{'' if self.bad_epochs == 1 else 's'}")


def train_run(seed, device):
    torch.manual_seed(seed)  # one generator: initial weights, then each epoch's batch order and dropout masks
    model = build_model().to(device)
    optimizer = make_optimizer(model.parameters())
    schedule = make_schedule(optimizer)
    loader = DataLoader(TensorDataset(X_train, y_train), batch_size=BATCH_SIZE or len(X_train), shuffle=SHUFFLE)
    with_params = [layer for layer in model if len(list(layer.parameters())) > 0]
    n_first, n_last = len(list(with_params[0].parameters())), len(list(with_params[-1].parameters()))
    train_x, train_y, test_x, test_y = X_train.to(device), y_train.to(device), X_test.to(device), y_test.to(device)
    stopper = EarlyStopping(**EARLY_STOPPING) if EARLY_STOPPING else None
    history = {name: [] for name in METRICS}
    non_finite, steps, stop_reason, started = None, 0, f"completed {EPOCHS} epochs", time.perf_counter()
    for epoch in range(1, EPOCHS + 1):
        model.train()
        loss_sum, correct, norm_sums, epoch_steps, weights_bad = 0.0, 0, [0.0, 0.0, 0.0], 0, False
        for step, (xb, yb) in enumerate(loader, start=1):
            xb, yb = xb.to(device), yb.to(device)
            optimizer.zero_grad()
            out = model(xb)
            loss = loss_fn(out, yb)
            loss.backward()
            # gradient L2 norms (before clipping) of all parameters, the first layer's and the last layer's
            squares = [float(p.grad.double().pow(2).sum()) for p in model.parameters()]
            norms = [math.sqrt(sum(squares)), math.sqrt(sum(squares[:n_first])), math.sqrt(sum(squares[-n_last:]))]
            norm_sums = [a + b for a, b in zip(norm_sums, norms)]
            if CLIP_GRAD_NORM is not None and norms[0] > 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), CLIP_GRAD_NORM)
            # located with the weights this step's forward pass used (after the step a NaN gradient has made them NaN)
            if non_finite is None and not math.isfinite(loss.item()):
                where = first_non_finite_output(model, xb) or (f"loss ({LOSS_WORD})", loss.item())
                non_finite = dict(epoch=epoch, step=step, where=where[0], value=where[1])
            optimizer.step()
            epoch_steps += 1
            loss_sum += loss.item() * len(yb)
            if CLASSIFICATION:
                correct += int((predict(out.detach()) == yb).sum())
            bad = next((name for name, p in model.named_parameters() if not torch.isfinite(p).all()), None)
            if bad is not None:
                if non_finite is None:
                    non_finite = dict(epoch=epoch, step=step, where="parameter " + bad, value=float("nan"))
                weights_bad = True
        steps += epoch_steps
        rows = len(X_train)
        record = {"train.running_loss": loss_sum / rows, "grad_norm": norm_sums[0] / epoch_steps,
                  "first_layer_grad_norm": norm_sums[1] / epoch_steps, "last_layer_grad_norm": norm_sums[2] / epoch_steps,
                  "lr": optimizer.param_groups[0]["lr"]}
        if CLASSIFICATION:
            record["train.running_accuracy"] = correct / rows
        train_m, test_m = evaluate(model, train_x, train_y, True), evaluate(model, test_x, test_y, False)
        for split, m in (("train", train_m), ("test", test_m)):
            for key in ("loss", "accuracy", "max_class_share", "r2", "mae"):
                if key in m:
                    record[f"{split}.{key}"] = m[key]
        record["dead_relu_fraction"] = train_m["dead_relu_fraction"]
        record["saturated_fraction"] = train_m["saturated_fraction"]
        record["max_abs_logit"] = max(train_m["max_abs_output"], test_m["max_abs_output"])
        record["weight_norm"] = l2_norm(model.parameters())
        for name in METRICS:
            history[name].append(record[name])
        if weights_bad:  # NaN weights stay NaN: the remaining epochs would repeat this record
            for name in METRICS:
                history[name] += [record[name]] * (EPOCHS - epoch)
            stop_reason = f"weights became non-finite in epoch {epoch}; later epochs repeat its record"
            break
        if schedule is not None:
            schedule.step(record[MONITOR]) if MONITOR else schedule.step()
        if stopper is not None and stopper.should_stop(record[stopper.monitor]):
            stop_reason = stopper.reason(epoch)
            break
    final = {name: values[-1] for name, values in history.items()}
    return dict(seed=seed, final=final, history=history, steps=steps, stop_reason=stop_reason,
                non_finite=non_finite, seconds=time.perf_counter() - started)


def finite_or_none(value):
    """JSON has no NaN or infinity: they are written as null, as trainspec writes them."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: finite_or_none(v) for k, v in value.items()}
    if isinstance(value, list):
        return [finite_or_none(v) for v in value]
    return value


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Train the exported scenario and print its runs as JSON.")
    parser.add_argument("--device", default="cpu", help="cpu or cuda")
    parser.add_argument("--seed", type=int, action="append", help="run only this seed (repeatable)")
    args, _ = parser.parse_known_args()  # known args only: a notebook passes its own
    if args.device.startswith("cuda") and not torch.cuda.is_available():
        sys.exit("--device " + args.device + ": PyTorch " + torch.__version__ + " sees no CUDA device")
    runs = [train_run(seed, torch.device(args.device)) for seed in (args.seed or SEEDS)]
    print(json.dumps(finite_or_none({"runs": runs, "torch": torch.__version__, "device": args.device})))

