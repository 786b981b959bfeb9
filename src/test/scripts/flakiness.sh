#!/usr/bin/env bash
# Runs the whole test suite N times (default 20) and reports every test whose outcome changed
# between runs (passed in some, failed/errored/skipped in others). Target: none.
# Usage: src/test/scripts/flakiness.sh [N] [extra mvn args]
set -uo pipefail
cd "$(dirname "$0")/../../.."
runs="${1:-20}"
shift || true
out="target/flakiness"
rm -rf "$out"
mkdir -p "$out"
start=$(date +%s)
for i in $(seq 1 "$runs"); do
  mvn -o -B -q test -Dmaven.test.failure.ignore=true "$@" >"$out/run-$i.log" 2>&1
  # one line a test case: "class#name outcome", from the Surefire XML reports
  for xml in target/surefire-reports/TEST-*.xml; do
    python3 - "$xml" <<'PY'
import sys, xml.etree.ElementTree as ET
for case in ET.parse(sys.argv[1]).getroot().iter("testcase"):
    outcome = "passed"
    for tag in ("failure", "error", "skipped"):
        if case.find(tag) is not None:
            outcome = tag
    print(f'{case.get("classname")}#{case.get("name")} {outcome}')
PY
  done | sort >"$out/outcomes-$i.txt"
  echo "run $i: $(wc -l <"$out/outcomes-$i.txt") tests, $(grep -cv ' passed$' "$out/outcomes-$i.txt") not passed"
done
cat "$out"/outcomes-*.txt | sort -u | awk '{o=$NF; $NF=""; seen[$0]=seen[$0] " " o; n[$0]++} END {for (t in n) if (n[t] > 1) print t "->" seen[t]}' >"$out/changed.txt"
# a test present in some runs only (a dynamic test whose name changes) also counts as changed
cat "$out"/outcomes-*.txt | sed 's/ [a-z]*$//' | sort | uniq -c | awk -v r="$runs" '$1 != r {print}' >"$out/not-in-every-run.txt"
echo "runs: $runs, wall time: $(( $(date +%s) - start )) s"
echo "tests whose outcome changed: $(wc -l <"$out/changed.txt")"
cat "$out/changed.txt"
echo "tests not present in every run: $(wc -l <"$out/not-in-every-run.txt")"
cat "$out/not-in-every-run.txt"
[ ! -s "$out/changed.txt" ]
