"""Per-seed results of /work/shared/reference/pytorch/ref_moons.py (seed 004 in PyTorch 1.13), both modes.

Run from the repository root with Debian's python3 (about 40 s):
    /usr/bin/python3 src/test/python/make_ref_moons_fixture.py [path/to/ref_moons.py]
It writes src/test/resources/torch/ref_moons_seed004.json; run/TorchReferenceRunsTest trains
src/test/resources/torch/seed-004-fit-on-all.yaml (ref_moons standardises on all rows before the
split) and must find the same final test accuracy for every seed.
"""
import json
import os
import subprocess
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/reference/pytorch/ref_moons.py"
modes = {}
for mode in ["sgd", "full"]:
    out = subprocess.run([sys.executable, SCRIPT, mode], capture_output=True, text=True, check=True).stdout
    runs = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    modes[mode] = [{k: r[k] for k in ["seed", "train_acc", "test_acc", "train_loss", "test_loss"]} for r in runs]
with open(os.path.join(HERE, "..", "resources", "torch", "ref_moons_seed004.json"), "w") as f:
    json.dump({"torch": torch.__version__, "script": "ref_moons.py", "cases": modes}, f, indent=1)
    f.write("\n")
print("wrote ref_moons_seed004.json")
