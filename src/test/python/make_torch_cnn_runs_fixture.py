"""PyTorch 1.13's own runs of the digits CNN, epoch by epoch, for TorchCnnRunsTest.

Run from the repository root with Debian's python3 (torch 1.13.1, sklearn 1.2):
    /usr/bin/python3 src/test/python/make_torch_cnn_runs_fixture.py
It writes src/test/resources/torch/digits_cnn_runs.json: for torch seeds 0 and 1, the training
loss and test accuracy after each of 10 epochs of src/test/resources/torch/digits-cnn-twin.yaml
(load_digits standardised, stratified split .25 rs 0; Unflatten, Conv2d(1,8,3), ReLU,
MaxPool2d(2), Flatten, Linear(72,10); SGD lr .05 momentum .9, shuffled batches of 32).
"""
import json
import os

import torch
import torch.nn as nn
from sklearn import datasets

from measure_dataset_scenarios import data, train

torch.set_num_threads(1)
split = data(datasets.load_digits, 0.25, 0, True)
cnn = lambda: nn.Sequential(nn.Unflatten(1, (1, 8, 8)), nn.Conv2d(1, 8, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(72, 10))
runs = train(cnn, lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9), nn.CrossEntropyLoss(), split, [0, 1], 10, 32)
cases = {"runs": [{"seed": seed, "train_loss": [h[0] for h in run], "test_acc": [h[1] for h in run]} for seed, run in zip([0, 1], runs)],
         "test_rows": len(split[3])}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "torch", "digits_cnn_runs.json"), "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
print("wrote digits_cnn_runs.json")
