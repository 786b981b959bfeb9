"""Reference numbers for the engine's layers and losses, from PyTorch 1.13 (CPU, float32).

Run from the repository root with Debian's python3 (torch 1.13.1, numpy 1.24):
    /usr/bin/python3 src/test/python/make_torch_fixtures.py
It writes src/test/resources/torch/{layers,losses,init}.json. Every case stores its inputs
(x, parameters, upstream gradient g) so the Java tests load the same numbers and compare the
outputs and gradients. Values are float32 written as exact decimals; NaN/Infinity as JSON5 words.
"""
import json
import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1234)
torch.set_num_threads(1)
OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "torch")


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def randn(*shape, scale=1.0):
    return (torch.randn(*shape) * scale).float()


def module_case(module, x, g, training=True, params=None):
    """Forward and backward of one module; params (name -> tensor) are set before the pass."""
    module.train(training)
    with torch.no_grad():
        for name, value in (params or {}).items():
            getattr(module, name).copy_(value)
    case = {"shape": list(x.shape), "x": flat(x), "g": flat(g)}
    for name, p in module.named_parameters():
        case[name] = flat(p)
    x = x.clone().requires_grad_(True)
    y = module(x)
    y.backward(g)
    case["y"] = flat(y)
    case["dx"] = flat(x.grad)
    for name, p in module.named_parameters():
        case["d" + name] = flat(p.grad)
    return case


def layers():
    cases = {}
    x = randn(5, 3)
    cases["linear"] = module_case(nn.Linear(3, 4), x, randn(5, 4))
    cases["linear_no_bias"] = module_case(nn.Linear(3, 4, bias=False), x, randn(5, 4))
    a = randn(6, 4, scale=2.0)
    cases["relu"] = module_case(nn.ReLU(), a, randn(6, 4))
    cases["leaky_relu"] = module_case(nn.LeakyReLU(0.1), a, randn(6, 4))
    cases["leaky_relu"]["negative_slope"] = 0.1
    cases["prelu_1"] = module_case(nn.PReLU(), a, randn(6, 4))
    cases["prelu_4"] = module_case(nn.PReLU(4), a, randn(6, 4), params={"weight": torch.tensor([0.25, -0.5, 0.1, 2.0])})
    cases["sigmoid"] = module_case(nn.Sigmoid(), a, randn(6, 4))
    cases["tanh"] = module_case(nn.Tanh(), a, randn(6, 4))
    cases["softmax"] = module_case(nn.Softmax(dim=1), a, randn(6, 4))
    bn_params = {"weight": torch.tensor([1.5, 0.5, -1.0, 2.0]), "bias": torch.tensor([0.1, -0.2, 0.3, 0.0])}
    b = randn(8, 4, scale=3.0) + torch.tensor([1.0, -2.0, 0.0, 5.0])
    cases["batch_norm_train"] = module_case(nn.BatchNorm1d(4), b, randn(8, 4), params=bn_params)
    # Three training steps move the running statistics; then eval uses them.
    bn = nn.BatchNorm1d(4, momentum=0.2, eps=1e-3)
    steps = []
    for k in range(3):
        xb = randn(6, 4, scale=1.0 + k) + torch.tensor([2.0, -1.0, 0.5, 0.0]) * (k + 1)
        bn.train()
        with torch.no_grad():
            bn(xb)
        steps.append({"x": flat(xb), "running_mean": flat(bn.running_mean), "running_var": flat(bn.running_var)})
    xe = randn(3, 4)
    case = module_case(bn, xe, randn(3, 4), training=False)
    case.update({"momentum": 0.2, "eps": 1e-3, "steps": steps})
    cases["batch_norm_3_steps_then_eval"] = case
    # its own generator, so the cases above and the losses below keep their draws
    own = torch.Generator().manual_seed(77)
    wide = torch.randn(6, 4, generator=own) * 30.0
    cases["log_softmax"] = module_case(nn.LogSoftmax(dim=1), wide, torch.randn(6, 4, generator=own))
    return cases


def loss_case(fn, x, target, **extra):
    x = x.clone().requires_grad_(True)
    loss = fn(x, target)
    loss.backward()
    case = {"shape": list(x.shape), "x": flat(x), "loss": float(loss), "dx": flat(x.grad)}
    case["labels" if target.dtype == torch.int64 else "targets"] = [v for v in target.reshape(-1).tolist()]
    case.update(extra)
    return case


def losses():
    cases = {}
    logits = randn(6, 4, scale=2.0)
    labels = torch.tensor([0, 3, 1, 2, 3, 1])
    cases["cross_entropy"] = loss_case(nn.CrossEntropyLoss(), logits, labels)
    big = torch.tensor([[1000.0, 0.0, -1000.0], [-50.0, 60.0, 3.0], [0.5, 0.25, 0.125]])
    cases["cross_entropy_extreme"] = loss_case(nn.CrossEntropyLoss(), big, torch.tensor([2, 0, 1]))
    cases["nll"] = loss_case(nn.NLLLoss(), F.log_softmax(logits, dim=1).detach(), labels)
    z = torch.tensor([[0.3], [-2.0], [4.0], [-30.0], [50.0], [0.0]])
    yb = torch.tensor([1, 0, 0, 1, 0, 1])
    cases["bce_with_logits"] = loss_case(lambda o, t: nn.BCEWithLogitsLoss()(o, t.float().unsqueeze(1)), z, yb)
    p = torch.tensor([[0.3], [0.9], [0.0], [1.0], [1e-30], [0.5]])
    cases["bce"] = loss_case(lambda o, t: nn.BCELoss()(o, t.float().unsqueeze(1)), p, torch.tensor([1, 0, 1, 0, 1, 1]))
    cases["mse_one_hot"] = loss_case(lambda o, t: nn.MSELoss()(o, F.one_hot(t, 4).float()), logits, labels)
    r = randn(5, 1)
    targets = randn(5)
    cases["mse_regression"] = loss_case(lambda o, t: nn.MSELoss()(o.squeeze(1), t), r, targets)
    cases["hinge"] = loss_case(nn.MultiMarginLoss(), logits, labels)
    # Softmax layer + naive -log p, as seed 002's reference: NaN/inf where PyTorch's appear.
    naive = lambda o, t: -torch.log(o[torch.arange(len(t)), t]).mean()
    softmax = nn.Softmax(dim=1)
    s = torch.tensor([[2.0, 1.0, 0.5], [0.0, 120.0, -3.0], [10.0, -80.0, 0.0], [1.0, 1.0, 1.0]])
    cases["softmax_then_probabilities_finite"] = chain_case(softmax, naive, s, torch.tensor([0, 1, 2, 1]))
    cases["softmax_then_probabilities_zero"] = chain_case(softmax, naive, s, torch.tensor([0, 2, 1, 1]))
    t = torch.tensor([[0.0, 95.0], [1.0, -1.0]])
    cases["softmax_then_probabilities_tiny"] = chain_case(softmax, naive, t, torch.tensor([0, 1]))
    cases["softmax_then_fused_zero"] = chain_case(nn.Identity(), nn.CrossEntropyLoss(), s, torch.tensor([0, 2, 1, 1]))
    return cases


def chain_case(layer, loss_fn, x, labels):
    """A layer followed by a loss: the layer's output, the loss, and the gradient at the layer's input."""
    x = x.clone().requires_grad_(True)
    out = layer(x)
    out.retain_grad()
    loss = loss_fn(out, labels)
    loss.backward()
    return {"shape": list(x.shape), "x": flat(x), "labels": labels.tolist(), "out": flat(out), "loss": float(loss),
            "dout": flat(out.grad), "dx": flat(x.grad)}


def init():
    """nn.Linear's default init and a custom nn.init after it, drawn by torch after torch.manual_seed."""
    cases = {}
    torch.manual_seed(7)
    lin = nn.Linear(3, 4)
    cases["linear_default_seed7_3to4"] = {"weight": flat(lin.weight), "bias": flat(lin.bias)}
    torch.manual_seed(11)
    lin = nn.Linear(3, 4)  # reset_parameters draws first; the custom init replaces the weight only
    nn.init.kaiming_normal_(lin.weight, mode="fan_out", nonlinearity="relu")
    cases["linear_kaiming_normal_relu_fan_out_seed11_3to4"] = {"weight": flat(lin.weight), "bias": flat(lin.bias)}
    cases["calculate_gain"] = {n: nn.init.calculate_gain(n) for n in ["linear", "sigmoid", "tanh", "relu", "leaky_relu"]}
    cases["calculate_gain"]["leaky_relu_0.2"] = nn.init.calculate_gain("leaky_relu", 0.2)
    return cases


def write(name, data):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump({"torch": torch.__version__, "cases": data}, f, indent=1)


if __name__ == "__main__":
    write("layers.json", layers())
    write("losses.json", losses())
    write("init.json", init())
    print("wrote", os.path.abspath(OUT))
