# Shared helpers of the data fixture scripts: exact floats (json writes Python's repr, which
# Java's Double.parseDouble reads back to the same bits) and version stamps.
import json, os, numpy as np, sklearn

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "sklearn")


def plain(v):
    if isinstance(v, np.ndarray):
        return v.tolist()
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating,)):
        return float(v)
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    return v


def write(name, cases):
    doc = dict(numpy=np.__version__, sklearn=sklearn.__version__, cases=plain(cases))
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print("wrote", name, len(cases), "cases")


def error_of(fn):
    """Runs fn; returns its ValueError message, or None when it succeeds."""
    try:
        fn()
    except ValueError as e:
        return str(e)
    return None
