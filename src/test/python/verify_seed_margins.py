"""Checks that the bundled seed scenarios are not flaky: reruns each with other seeds and prints,
for every expectation, how many seed sets it held on and the range of observed values.

Scenarios with `repeat: R` are rerun with `seed: 1000*k` for k in 0..N-1 (N seed sets of R runs);
scenarios without repeat are rerun once with `repeat: N` (an expectation without aggregate then
has to hold in every one of the N runs, and the observed value is the worst run's).
Usage: python3 src/test/python/verify_seed_margins.py [N] scenarios/seeds/*.yaml  (needs target/trainspec.jar)
"""
import json, os, re, subprocess, sys, tempfile, collections

def run(path, text, out):
    d = tempfile.mkdtemp(dir=out)
    f = os.path.join(d, os.path.basename(path))
    open(f, "w").write(text)
    subprocess.run(["java", "-jar", "target/trainspec.jar", "run", "--json", d, f], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    js = [os.path.join(r, x) for r, _, fs in os.walk(d) for x in fs if x.endswith(".json")]
    return json.load(open(js[0]))

def main():
    n = int(sys.argv[1]); files = sys.argv[2:]
    out = tempfile.mkdtemp()
    for path in files:
        src = open(path).read()
        texts = []
        if re.search(r"^repeat:", src, re.M):
            for k in range(n):
                texts.append(re.sub(r"^seed: \d+", "seed: %d" % (1000 * k), src, flags=re.M))
        else:
            texts.append(re.sub(r"^seed: \d+", "seed: 0\nrepeat: %d" % n, src, flags=re.M))
        seen = collections.OrderedDict()
        for t in texts:
            r = run(path, t, out)
            for v in r["variants"]:
                for e in v["expectations"]:
                    seen.setdefault((v["name"], e["text"]), []).append((e["passed"], e.get("observed"), e.get("detail", "")))
            for c in r.get("comparisons", []):
                seen.setdefault(("(comparison)", c["text"]), []).append((c["passed"], c.get("p"), c.get("detail", "")))
        print("==", path, "(%d seed sets)" % len(texts) if len(texts) > 1 else "(%d seeds in one set)" % n)
        for (variant, text), rs in seen.items():
            ok = sum(1 for p, _, _ in rs if p)
            nums = [o for _, o, _ in rs if isinstance(o, (int, float))]
            rng = " observed %.4g..%.4g" % (min(nums), max(nums)) if nums else ""
            bad = [d for p, _, d in rs if not p][:1]
            print("  %-18s %-75s held %d/%d%s%s" % (variant, text, ok, len(rs), rng, ("  FAIL e.g. " + bad[0]) if bad else ""))

main()
