#!/usr/bin/env bash
# The speed table of issue 7, measured on this machine: our engine (bench command, twice),
# the 2,000,000-row epoch with its peak resident memory, the whole `mvn test` wall time, the
# kernels, and PyTorch on the same workloads when python3 has torch.
# Usage: .github/scripts/bench.sh [--quick|--cold]   (--quick skips the 2M-row run and mvn test;
#        --cold measures only whole processes: cold start, 20-seed repeat, data cache; see
#        docs/benchmarks.md "Cold start and data cache")
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -o package -DskipTests
JAR=target/trainspec.jar
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), java $(java -version 2>&1 | head -1)"
# the first python3 that has torch (a pyenv python3 on PATH may lack the Debian packages)
PYTHON=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c "import torch, sklearn" 2>/dev/null; then PYTHON=$candidate; break; fi
done

# median wall seconds of 5 runs of a command (its output dropped)
median5() {
  for _ in 1 2 3 4 5; do /usr/bin/time -f "%e" "$@" >/dev/null 2>>/tmp/bench-median.$$ || true; tail -1 /tmp/bench-median.$$; done \
    | sort -n | sed -n 3p
  rm -f /tmp/bench-median.$$
}

# Issue 18: what a user feels, as whole processes, with PyTorch and numpy on the same jobs.
cold() {
  echo "== cold start: whole process, median of 5 wall seconds (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  echo "launcher  target/bin/trainspec run two-moons-sgd.yaml: $(median5 target/bin/trainspec run --json target/bench-json scenarios/seeds/two-moons-sgd.yaml) s"
  echo "java -jar run two-moons-sgd.yaml:                      $(median5 java -jar $JAR run --json target/bench-json scenarios/seeds/two-moons-sgd.yaml) s"
  echo "launcher  20-seed repeat of seed 004 (whole process):  $(median5 target/bin/trainspec run --json target/bench-json src/test/resources/bench/seed-004-repeat-20.yaml) s"
  target/bin/trainspec run --json target/bench-json src/test/resources/bench/seed-004-repeat-20.yaml 2>/dev/null | grep -o "base *[0-9.]*" \
    | awk '{printf "  the repeat variant itself: %.3f s, %.1f ms a run\n", $2, $2 * 1000 / 20}'
  if [[ -n "$PYTHON" ]]; then
    echo "PyTorch   the same moons job as a script:              $(median5 "$PYTHON" src/test/python/bench_cold.py moons 1) s"
    "$PYTHON" src/test/python/bench_cold.py repeat20 1   # one thread: PyTorch's best for a 2-16-2 model (two spin on a busy machine)
  fi
  echo "== data cache: make_embeddings 250,000 x 512, one Adam epoch, both splits evaluated (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  CACHE=$(mktemp -d)
  JAVA_OPTS="-Dtrainspec.cache=$CACHE" /usr/bin/time -f "first process, empty cache:       %e s wall" target/bin/trainspec run \
    --json target/bench-json src/test/resources/bench/embeddings-250k.yaml 2>&1 >/dev/null | tail -1 || true
  for pass in 2 3 4; do
    JAVA_OPTS="-Dtrainspec.cache=$CACHE" /usr/bin/time -f "process $pass (reads the cache):     %e s wall" target/bin/trainspec run \
      --json target/bench-json src/test/resources/bench/embeddings-250k.yaml 2>&1 >/dev/null | tail -1 || true
  done
  rm -rf "$CACHE"
  echo "the epoch and the evaluation after warm-up, in one JVM (scalar kernels, as run takes them here):"
  java -Dtrainspec.relaunch=false -jar $JAR bench --warmup 3 --runs 5 src/test/resources/bench/embeddings-250k.yaml | tail -1
  if [[ -n "$PYTHON" ]]; then "$PYTHON" src/test/python/bench_cold.py data250k; fi
}
if [[ "${1:-}" == "--cold" ]]; then cold; exit 0; fi
for pass in 1 2; do
  echo "== pass $pass"
  java -jar $JAR bench --warmup 40 --runs 40 scenarios/seeds/two-moons-sgd.yaml
  java -jar $JAR bench --warmup 3 --runs 9 src/test/resources/bench/seed-000-embeddings.yaml
  java -jar $JAR bench --warmup 3 --runs 9 src/test/resources/bench/linear-200k.yaml
done
java -jar $JAR bench --kernels --runs 7
if [[ "${1:-}" != "--quick" ]]; then
  echo "== 2,000,000 x 512, one epoch; peak RSS (data: 2e6 x 512 x 4 B = 4.10 GB; limit 1.15 x data + 300 MB = 5.01 GB)"
  /usr/bin/time -v java -Xmx6g -jar $JAR bench --warmup 0 --runs 1 src/test/resources/bench/linear-2m.yaml 2>&1 \
    | grep -E "scenario|linear-2m|target|Maximum resident|Elapsed"
  echo "== mvn test (fresh JVM, wall time)"
  /usr/bin/time -f "mvn test wall %e s, cpu %U+%S s" mvn -q -o test 2>&1 | tail -1
fi
cold
if [[ -n "$PYTHON" ]]; then
  echo "== PyTorch $("$PYTHON" -c 'import torch; print(torch.__version__)') on the same workloads (median seconds)"
  "$PYTHON" src/test/python/bench_pytorch.py 2 3
else
  echo "== PyTorch not installed: skipped (figures from the reference machine are in BenchReference.java)"
fi
