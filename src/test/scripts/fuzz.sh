#!/usr/bin/env bash
# Fuzzes one @FuzzTest with Jazzer (default: the loader) for up to its maxExecutions (1,000,000)
# and prints libFuzzer's final figures. New crashes land as crash-* files in the test's
# src/test/resources/.../<Class>Inputs/<method>/ folder: give each a regression test.
# Usage: src/test/scripts/fuzz.sh [LoaderFuzzTest|ExpectationFuzzTest] [extra mvn args]
set -euo pipefail
cd "$(dirname "$0")/../../.."
test_class="${1:-LoaderFuzzTest}"
shift || true
log="target/fuzz-${test_class}.log"
mkdir -p target
start=$(date +%s)
JAZZER_FUZZ=1 mvn -o -B test -Djazzer.hooks=true -Dtest="$test_class" -Dsurefire.failIfNoSpecifiedTests=false "$@" >"$log" 2>&1 && rc=0 || rc=$?
end=$(date +%s)
echo "fuzz test:  $test_class"
echo "wall time:  $((end - start)) s (including the Maven build)"
grep -E "^#[0-9]+ +(DONE|pulse|NEW|REDUCE|INITED)" "$log" | tail -1 || true
grep -E "Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb" "$log" || true
grep -E "Tests run:.*Fuzz" "$log" | tail -1 || true
echo "exit code:  $rc (log: $log)"
exit "$rc"
