"""Reference values of glibc's log (through numpy) for the correctly rounded log of RandomState.

Two outputs:
 * --bulk DIR: DIR/log-<kind>.bin, float64 pairs (x, log x) for N inputs of each kind, for the
   one-off verification run (too large to commit):
     mvn -q -o test-compile && java -cp target/classes:target/test-classes \
         dev.trainspec.engine.random.LogVerification DIR
 * (default) src/test/resources/random/glibc_log_misses.txt and cr_log_cases.txt (see
   fixtures()), for CorrectlyRoundedLogTest.
"""
import hashlib
import math
import os
import struct
import sys

import mpmath
import numpy as np


def polar_r2(rs, n):
    out = []
    total = 0
    while total < n:
        u = rs.random_sample((2 * n,))
        x1 = 2.0 * u[0::2] - 1.0
        x2 = 2.0 * u[1::2] - 1.0
        r2 = x1 * x1 + x2 * x2
        r2 = r2[(r2 < 1.0) & (r2 != 0.0)]
        out.append(r2)
        total += len(r2)
    return np.concatenate(out)[:n]


def bulk(folder, n):
    rs = np.random.RandomState(2024)
    kinds = {
        "polar": polar_r2(rs, n),
        "uniform": rs.random_sample(n),
        "near1": 1.0 + (rs.random_sample(n) - 0.5) * 2.0 ** -9,
        "anybits": None,
    }
    bits = rs.randint(0, 2 ** 63 - 1, size=2 * n, dtype=np.int64).view(np.float64)
    bits = bits[np.isfinite(bits) & (bits > 0)]
    kinds["anybits"] = bits[:n]
    for name, x in kinds.items():
        # math.log is the C library's log, which numpy's legacy gauss calls; np.log on arrays may
        # use numpy's own SIMD kernels (AVX-512), which round differently
        y = np.fromiter(map(math.log, x), dtype=np.float64, count=len(x))
        pairs = np.empty(2 * len(x))
        pairs[0::2] = x
        pairs[1::2] = y
        pairs.astype("<f8").tofile(os.path.join(folder, "log-%s.bin" % name))
        print(name, len(x))


def correctly_rounded_log(x):
    return float(mpmath.log(mpmath.mpf(float(x))))


def fixtures():
    """glibc_log_misses.txt: the first 400 polar-method arguments (as legacy gauss draws them)
    where glibc's log is not correctly rounded, with glibc's value and the correctly rounded
    one (mpmath, 200 bits); cr_log_cases.txt: 3000 arguments of every kind with their
    correctly rounded log."""
    mpmath.mp.prec = 200
    out = "src/test/resources/random"
    os.makedirs(out, exist_ok=True)
    rs = np.random.RandomState(7)
    x = polar_r2(rs, 2_000_000)
    # logl (64-bit mantissa) screens candidates; mpmath decides
    approx = np.log(x.astype(np.longdouble))
    glibc = np.fromiter(map(math.log, x), dtype=np.float64, count=len(x))
    suspicious = np.nonzero(np.abs(approx - glibc.astype(np.longdouble)) > np.spacing(np.abs(glibc)).astype(np.longdouble) * 0.49)[0]
    rows = []
    for i in suspicious:
        cr = correctly_rounded_log(x[i])
        if cr != glibc[i]:
            rows.append((x[i], glibc[i], cr))
        if len(rows) == 400:
            break
    with open(os.path.join(out, "glibc_log_misses.txt"), "w") as f:
        f.write("# x glibc_log(x) correctly_rounded_log(x), hex; x from the polar method of RandomState(7), %d checked\n" % (i + 1))
        for r in rows:
            f.write(" ".join(float.hex(float(v)) for v in r) + "\n")
    kinds = [polar_r2(rs, 1000), rs.random_sample(500), 1.0 + (rs.random_sample(500) - 0.5) * 2.0 ** -9,
             np.ldexp(rs.random_sample(250) + 0.5, rs.randint(-1074, 1024, 250)), np.ldexp(1.0, np.arange(-1074, 1024, 5))[:750]]
    xs = np.concatenate(kinds)
    xs = xs[np.isfinite(xs) & (xs > 0)]
    with open(os.path.join(out, "cr_log_cases.txt"), "w") as f:
        f.write("# x correctly_rounded_log(x), hex (mpmath, 200 bits)\n")
        for v in xs:
            f.write("%s %s\n" % (float.hex(float(v)), float.hex(correctly_rounded_log(v))))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--bulk":
        bulk(sys.argv[2], 20_000_000)
    else:
        fixtures()
