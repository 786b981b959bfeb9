"""Reference numbers for dev.trainspec.engine.optim, from PyTorch 1.13 (CPU).

Writes src/test/resources/torch/optim_steps.json, optim_schedules.json and optim_errors.json.
Run from the repository root with the torch 1.13 interpreter: python3 src/test/python/make_optim_fixtures.py

Optimizers: two parameters (a 5x4 "weight", which exercises torch's vectorised kernels and
their tail, and a 3-vector "bias") follow pseudo-gradients g = curvature * (p - center) + noise[t]
(float32, evaluated in the same order in Java) for 50 steps; every step's parameters are kept.
The single-tensor implementation is forced (foreach=False), as the Java code mirrors it.
"""
import json
import math
import os

import numpy as np
import torch

assert torch.__version__.startswith("1.13"), torch.__version__
OUT = os.path.join("src", "test", "resources", "torch")
STEPS = 50
SHAPES = [[5, 4], [3]]
f32 = np.float32


def floats(a):
    """float32 values as their shortest round-trip decimal strings, parsed back as numbers."""
    return [float(str(f32(x))) for x in np.asarray(a, dtype=f32).ravel()]


rs = np.random.RandomState(2024)
sizes = [int(np.prod(s)) for s in SHAPES]
init = [rs.randn(n).astype(f32) for n in sizes]
center = [rs.randn(n).astype(f32) for n in sizes]
curvature = [rs.uniform(0.5, 3.0, n).astype(f32) for n in sizes]
noise = [[(0.3 * rs.randn(n)).astype(f32) for n in sizes] for _ in range(STEPS)]

OPTIMIZERS = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW,
              "rmsprop": torch.optim.RMSprop, "adagrad": torch.optim.Adagrad}
# name, optimizer, kwargs (scenario names), {step index: new lr before that step}
CASES = [
    ("sgd_plain", "sgd", dict(lr=0.1), {}),
    ("sgd_momentum", "sgd", dict(lr=0.1, momentum=0.9), {}),
    ("sgd_dampening_weight_decay", "sgd", dict(lr=0.05, momentum=0.8, dampening=0.5, weight_decay=0.01), {}),
    ("sgd_nesterov_weight_decay", "sgd", dict(lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.005), {}),
    ("sgd_lr_change", "sgd", dict(lr=0.2, momentum=0.5), {20: 0.02, 35: 0.002}),
    ("adam_defaults", "adam", dict(), {}),
    ("adam_lr_betas_eps", "adam", dict(lr=0.05, betas=[0.8, 0.99], eps=1e-6), {25: 0.01}),
    ("adam_amsgrad_weight_decay", "adam", dict(lr=0.02, weight_decay=0.01, amsgrad=True), {}),
    ("adamw_defaults", "adamw", dict(lr=0.01), {}),
    ("adamw_amsgrad_strong_decay", "adamw", dict(lr=0.03, weight_decay=0.1, amsgrad=True), {}),
    ("rmsprop_defaults", "rmsprop", dict(), {}),
    ("rmsprop_momentum", "rmsprop", dict(lr=0.005, momentum=0.9), {}),
    ("rmsprop_centered_momentum_weight_decay", "rmsprop", dict(lr=0.003, alpha=0.9, momentum=0.8, centered=True, weight_decay=0.02), {}),
    ("rmsprop_centered", "rmsprop", dict(lr=0.01, centered=True, eps=1e-6), {}),
    ("adagrad_defaults", "adagrad", dict(lr=0.1), {}),
    ("adagrad_lr_decay_accumulator_weight_decay", "adagrad",
     dict(lr=0.5, lr_decay=0.05, initial_accumulator_value=0.1, weight_decay=0.01, eps=1e-8), {}),
]


def run_case(opt_name, kwargs, lr_changes):
    params = [torch.nn.Parameter(torch.tensor(p.reshape(s))) for p, s in zip(init, SHAPES)]
    targs = dict(kwargs)
    if "betas" in targs:
        targs["betas"] = tuple(targs["betas"])
    opt = OPTIMIZERS[opt_name](params, foreach=False, **targs)
    trajectory = []
    for t in range(STEPS):
        if t in lr_changes:
            for group in opt.param_groups:
                group["lr"] = lr_changes[t]
        with torch.no_grad():
            for i, p in enumerate(params):
                c = torch.tensor(curvature[i].reshape(SHAPES[i]))
                m = torch.tensor(center[i].reshape(SHAPES[i]))
                n = torch.tensor(noise[t][i].reshape(SHAPES[i]))
                p.grad = c * (p - m) + n
        opt.step()
        trajectory.append(sum((floats(p.detach().numpy()) for p in params), []))
    return trajectory


steps = {
    "torch": torch.__version__, "steps": STEPS, "shapes": SHAPES,
    "init": [floats(a) for a in init], "center": [floats(a) for a in center],
    "curvature": [floats(a) for a in curvature], "noise": [[floats(a) for a in row] for row in noise],
    "cases": [dict(name=name, optimizer=opt, args=kwargs, lr_changes={str(k): v for k, v in changes.items()},
                   params=run_case(opt, kwargs, changes)) for name, opt, kwargs, changes in CASES],
}

# Schedules: lr after scheduler.step() at the end of each epoch, i.e. the lr of the next epoch.
EPOCHS = 45
S = torch.optim.lr_scheduler
plateau_min = [1.0, 0.9, 0.8, 0.8, 0.8, 0.8, 0.79995, 0.8, 0.7, 0.6, 0.6, 0.61, 0.6, 0.6, 0.6, 0.5, 0.5, 0.5,
               0.5, 0.5, 0.5, 0.5, 0.5, 0.49, 0.49, 0.49, 0.49, 0.49, 0.49, 0.49, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3,
               0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]
plateau_max = [0.5, 0.6, 0.65, 0.655, 0.66, 0.665, 0.7, 0.7, 0.7, 0.72, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.85, 0.85,
               0.851, 0.852, 0.853, 0.854, 0.855, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.91,
               0.92, 0.93, 0.94, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95]
SCHEDULES = [
    ("step_lr", dict(step_size=7, gamma=0.5), 0.1, None),
    ("step_lr", dict(step_size=1), 0.3, None),
    ("multi_step_lr", dict(milestones=[5, 12, 12, 30], gamma=0.3), 0.1, None),
    ("multi_step_lr", dict(milestones=[10, 20]), 1.0, None),
    ("exponential_lr", dict(gamma=0.93), 0.1, None),
    ("cosine_annealing_lr", dict(t_max=10, eta_min=0.001), 0.1, None),
    ("cosine_annealing_lr", dict(t_max=30), 0.05, None),
    ("cosine_annealing_lr", dict(t_max=3, eta_min=0.01), 0.2, None),
    ("reduce_lr_on_plateau", dict(patience=3), 0.1, plateau_min),
    ("reduce_lr_on_plateau", dict(mode="min", factor=0.5, patience=1, threshold=0.05, threshold_mode="abs", cooldown=2,
                                  min_lr=0.01), 0.1, plateau_min),
    ("reduce_lr_on_plateau", dict(mode="max", factor=0.2, patience=2, threshold=0.01, cooldown=1), 0.01, plateau_max),
    ("reduce_lr_on_plateau", dict(mode="max", threshold_mode="abs", patience=0, threshold=0.0, factor=0.5, eps=1e-3),
     0.01, plateau_max),
]


def torch_schedule(name, kwargs, opt):
    a = dict(kwargs)
    if name == "step_lr":
        return S.StepLR(opt, **a)
    if name == "multi_step_lr":
        return S.MultiStepLR(opt, **a)
    if name == "exponential_lr":
        return S.ExponentialLR(opt, **a)
    if name == "cosine_annealing_lr":
        return S.CosineAnnealingLR(opt, T_max=a.pop("t_max"), **a)
    return S.ReduceLROnPlateau(opt, **a)


schedule_cases = []
for name, kwargs, lr, metrics in SCHEDULES:
    opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=lr)
    sched = torch_schedule(name, kwargs, opt)
    lrs = []
    for epoch in range(EPOCHS):
        opt.step()
        if metrics is None:
            sched.step()
        else:
            sched.step(metrics[epoch])
        lrs.append(opt.param_groups[0]["lr"])
    schedule_cases.append(dict(schedule=name, args=kwargs, initial_lr=lr, metrics=metrics, lrs=lrs))

# Argument checks: torch's messages for bad values.
ERRORS = [
    ("sgd", dict(lr=-1.0)), ("sgd", dict(lr=0.1, momentum=-0.5)), ("sgd", dict(lr=0.1, weight_decay=-0.1)),
    ("sgd", dict(lr=0.1, nesterov=True)), ("sgd", dict(lr=0.1, momentum=0.9, dampening=0.1, nesterov=True)),
    ("adam", dict(lr=-0.01)), ("adam", dict(eps=-1.0)), ("adam", dict(betas=[1.0, 0.999])),
    ("adam", dict(betas=[0.9, -0.5])), ("adam", dict(weight_decay=-2.0)),
    ("adamw", dict(lr=-1.0)), ("adamw", dict(betas=[0.9, 1.5])),
    ("rmsprop", dict(lr=-1.0)), ("rmsprop", dict(eps=-1.0)), ("rmsprop", dict(momentum=-1.0)),
    ("rmsprop", dict(weight_decay=-1.0)), ("rmsprop", dict(alpha=-0.5)),
    ("adagrad", dict(lr=-1.0)), ("adagrad", dict(lr_decay=-1.0)), ("adagrad", dict(weight_decay=-1.0)),
    ("adagrad", dict(initial_accumulator_value=-1.0)), ("adagrad", dict(eps=-1.0)),
]
errors = []
for opt_name, kwargs in ERRORS:
    targs = dict(kwargs)
    if "betas" in targs:
        targs["betas"] = tuple(targs["betas"])
    try:
        OPTIMIZERS[opt_name]([torch.nn.Parameter(torch.zeros(1))], **targs)
        raise SystemExit("no error for %s %s" % (opt_name, kwargs))
    except ValueError as e:
        errors.append(dict(optimizer=opt_name, args=kwargs, message=str(e)))
try:
    S.ReduceLROnPlateau(torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.1), factor=1.0)
except ValueError as e:
    errors.append(dict(schedule="reduce_lr_on_plateau", args=dict(factor=1.0), message=str(e)))

os.makedirs(OUT, exist_ok=True)
for fname, data in [("optim_steps.json", steps), ("optim_schedules.json", dict(torch=torch.__version__, cases=schedule_cases)),
                    ("optim_errors.json", dict(torch=torch.__version__, cases=errors))]:
    with open(os.path.join(OUT, fname), "w") as f:
        json.dump(data, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print("wrote", fname, os.path.getsize(os.path.join(OUT, fname)), "bytes")
