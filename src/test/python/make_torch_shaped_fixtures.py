"""Reference numbers for the layers of SCENARIOS.md section 8.4, from PyTorch 1.13 (CPU).

Run from the repository root with Debian's python3 (torch 1.13.1):
    /usr/bin/python3 src/test/python/make_torch_shaped_fixtures.py
It writes src/test/resources/torch/shaped_layers.json. Each layer case stores its float32 inputs
(x with its shape, parameters, upstream gradient g) and two answers: PyTorch's float32 pass
(y, dx, d<param>) and the same pass in float64 on the same values (y64, dx64, d<param>64), the
reference of the double-precision check. Init cases store nn.Sequential's parameters after
torch.manual_seed(seed) and the next four uniform_ draws.
"""
import json
import os

import torch
import torch.nn as nn

from make_torch_fixtures import OUT, flat, randn

torch.manual_seed(2026)
torch.set_num_threads(1)


def run(module, x, g):
    x = x.clone().requires_grad_(True)
    y = module(x)
    y.backward(g)
    out = {"y": flat(y), "dx": flat(x.grad)}
    for name, p in module.named_parameters():
        out["d" + name] = flat(p.grad)
    return out


def case(make, x, g, **extra):
    m32 = make().float()
    case = {"shape": list(x.shape), "x": flat(x), "g": flat(g)}
    for name, p in m32.named_parameters():
        case[name] = flat(p)
    case.update(run(m32, x, g))
    m64 = make().double()
    m64.load_state_dict({k: v.double() for k, v in m32.state_dict().items()})
    for k, v in run(m64, x.double(), g.double()).items():
        case[k + "64"] = v
    case.update(extra)
    return case


def layers():
    c = {}
    c["conv2d_2to3_k3"] = case(lambda: nn.Conv2d(2, 3, 3), randn(4, 2, 6, 5), randn(4, 3, 4, 3), params=[3, 3, 1, 0, True])
    c["conv2d_2to3_k3_s2_p1"] = case(lambda: nn.Conv2d(2, 3, 3, stride=2, padding=1), randn(3, 2, 7, 6), randn(3, 3, 4, 3),
                                     params=[3, 3, 2, 1, True])
    c["conv2d_1to4_k2_nobias"] = case(lambda: nn.Conv2d(1, 4, 2, bias=False), randn(2, 1, 4, 4), randn(2, 4, 3, 3),
                                      params=[4, 2, 1, 0, False])
    c["conv1d_3to2_k3_p1"] = case(lambda: nn.Conv1d(3, 2, 3, padding=1), randn(4, 3, 9), randn(4, 2, 9), params=[2, 3, 1, 1, True])
    c["conv1d_1to3_k4_s2"] = case(lambda: nn.Conv1d(1, 3, 4, stride=2), randn(3, 1, 11), randn(3, 3, 4), params=[3, 4, 2, 0, True])
    c["max_pool2d_k2"] = case(lambda: nn.MaxPool2d(2), randn(3, 2, 6, 7), randn(3, 2, 3, 3), params=[2, 2])
    c["max_pool2d_k3_s2"] = case(lambda: nn.MaxPool2d(3, stride=2), randn(2, 2, 7, 7), randn(2, 2, 3, 3), params=[3, 2])
    c["avg_pool2d_k2"] = case(lambda: nn.AvgPool2d(2), randn(3, 2, 6, 7), randn(3, 2, 3, 3), params=[2, 2])
    c["avg_pool2d_k3_s1"] = case(lambda: nn.AvgPool2d(3, stride=1), randn(2, 1, 5, 5), randn(2, 1, 3, 3), params=[3, 1])
    c["gelu"] = case(lambda: nn.GELU(), randn(5, 7, scale=3.0), randn(5, 7))
    ln = lambda: nn.LayerNorm(6)
    c["layer_norm_6"] = case(ln, randn(5, 6, scale=2.0) + 1.5, randn(5, 6), params=[1e-5, True])
    c["layer_norm_6"]["weight"] = flat(torch.linspace(0.5, 2.0, 6))
    c["layer_norm_6"]["bias"] = flat(torch.linspace(-0.3, 0.3, 6))
    c["layer_norm_w_of_chw"] = case(lambda: nn.LayerNorm(5, eps=1e-3), randn(3, 2, 4, 5), randn(3, 2, 4, 5), params=[1e-3, True])
    c["layer_norm_no_affine"] = case(lambda: nn.LayerNorm(4, elementwise_affine=False), randn(4, 4), randn(4, 4), params=[1e-5, False])
    # dim 1 of shaped rows: over the channels at each position (PyTorch's softmax_kernel, not the lastdim one)
    c["log_softmax_c4_l9"] = case(lambda: nn.LogSoftmax(dim=1), randn(5, 4, 9, scale=3.0), randn(5, 4, 9))
    c["log_softmax_c3_hw_wide"] = case(lambda: nn.LogSoftmax(dim=1), randn(4, 3, 2, 3, scale=20.0), randn(4, 3, 2, 3))
    c["softmax_c4_l9"] = case(lambda: nn.Softmax(dim=1), randn(5, 4, 9, scale=3.0), randn(5, 4, 9))
    c["softmax_c3_hw"] = case(lambda: nn.Softmax(dim=1), randn(4, 3, 2, 3, scale=3.0), randn(4, 3, 2, 3))
    # BatchNorm1d(C) on [N, C, L]: per channel over N * L values; a batch of one row of L > 1 values trains
    c["batch_norm_c4_l9"] = case(lambda: nn.BatchNorm1d(4), randn(5, 4, 9, scale=3.0) + 1.5, randn(5, 4, 9), params=[0.1, 1e-5])
    c["batch_norm_c3_l5_one_row"] = case(lambda: nn.BatchNorm1d(3, eps=1e-3), randn(1, 3, 5), randn(1, 3, 5), params=[0.1, 1e-3])
    # PReLU(C) on [N, C, ...]: one slope per channel (dim 1)
    c["prelu_c4_l9"] = case(lambda: nn.PReLU(4), randn(5, 4, 9), randn(5, 4, 9), params=[4, 0.25])
    c["prelu_c3_hw"] = case(lambda: nn.PReLU(3), randn(4, 3, 3, 4), randn(4, 3, 3, 4), params=[3, 0.25])
    c["prelu_1_of_c3_hw"] = case(lambda: nn.PReLU(), randn(4, 3, 3, 4), randn(4, 3, 3, 4), params=[1, 0.25])
    return c


def with_parameters(c, make, **values):
    """The case recomputed with these parameter values (name -> tensor) instead of the module's init."""
    x = torch.tensor(c["x"]).reshape(c["shape"])
    g = torch.tensor(c["g"]).reshape(c["shape"])

    def made():
        m = make()
        with torch.no_grad():
            for name, v in values.items():
                getattr(m, name).copy_(v)
        return m

    return case(made, x, g, params=c["params"])


def batch_norm_steps():
    """BatchNorm1d(3) on [N, 3, 4]: three training steps move the running statistics, then eval uses them."""
    bn = nn.BatchNorm1d(3, momentum=0.2, eps=1e-3)
    steps = []
    for k, n in enumerate([6, 1, 4]):  # the second batch is one row: 4 values per channel
        xb = randn(n, 3, 4, scale=1.0 + k) + torch.tensor([2.0, -1.0, 0.5]).reshape(1, 3, 1) * (k + 1)
        bn.train()
        with torch.no_grad():
            bn(xb)
        steps.append({"shape": list(xb.shape), "x": flat(xb), "running_mean": flat(bn.running_mean), "running_var": flat(bn.running_var)})
    bn.eval()
    with torch.no_grad():
        bn.weight.copy_(torch.tensor([1.5, -0.5, 2.0]))
        bn.bias.copy_(torch.tensor([0.1, -0.2, 0.3]))
    x = randn(3, 3, 4).requires_grad_(True)
    g = randn(3, 3, 4)
    y = bn(x)
    y.backward(g)
    return {"momentum": 0.2, "eps": 1e-3, "steps": steps, "shape": list(x.shape), "x": flat(x), "g": flat(g),
            "weight": flat(bn.weight), "bias": flat(bn.bias), "y": flat(y), "dx": flat(x.grad), "dweight": flat(bn.weight.grad),
            "dbias": flat(bn.bias.grad)}


def init():
    cases = {}
    models = {
        "digits_cnn_seed3": (3, lambda: nn.Sequential(nn.Unflatten(1, (1, 8, 8)), nn.Conv2d(1, 8, 3), nn.ReLU(), nn.MaxPool2d(2),
                                                        nn.Flatten(), nn.Linear(72, 10))),
        "conv1d_layer_norm_seed5": (5, lambda: nn.Sequential(nn.Unflatten(1, (2, 6)), nn.Conv1d(2, 3, 3, padding=1, bias=False),
                                                               nn.GELU(), nn.LayerNorm(6), nn.Flatten(), nn.Linear(18, 4))),
    }
    for name, (seed, make) in models.items():
        torch.manual_seed(seed)
        m = make()
        after = torch.empty(4).uniform_(0, 1)
        cases[name] = {"seed": seed, "parameters": [[n, flat(p)] for n, p in m.named_parameters()], "after": flat(after)}
    return cases


cases = layers()
cases["layer_norm_6"] = with_parameters(cases["layer_norm_6"], lambda: nn.LayerNorm(6), weight=torch.tensor(cases["layer_norm_6"]["weight"]),
                                        bias=torch.tensor(cases["layer_norm_6"]["bias"]))
cases["batch_norm_c4_l9"] = with_parameters(cases["batch_norm_c4_l9"], lambda: nn.BatchNorm1d(4),
                                            weight=torch.tensor([1.5, 0.5, -1.0, 2.0]), bias=torch.tensor([0.1, -0.2, 0.3, 0.0]))
cases["prelu_c4_l9"] = with_parameters(cases["prelu_c4_l9"], lambda: nn.PReLU(4), weight=torch.tensor([0.25, -0.5, 0.1, 2.0]))
cases["prelu_c3_hw"] = with_parameters(cases["prelu_c3_hw"], lambda: nn.PReLU(3), weight=torch.tensor([0.3, -0.2, 1.5]))
cases["batch_norm_c3_l4_3_steps_then_eval"] = batch_norm_steps()
cases.update(init())
with open(os.path.join(OUT, "shaped_layers.json"), "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases}, f, indent=None, separators=(",", ":"))
print("wrote shaped_layers.json", len(cases), "cases")
