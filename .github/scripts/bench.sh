#!/usr/bin/env bash
# The speed table of issue 7, measured on this machine: our engine (bench command, twice),
# the 2,000,000-row epoch with its peak resident memory, the whole `mvn test` wall time, the
# kernels, and PyTorch on the same workloads when python3 has torch.
# Usage: .github/scripts/bench.sh [--quick]   (--quick skips the 2M-row run and mvn test)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -o package -DskipTests
JAR=target/trainspec.jar
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), java $(java -version 2>&1 | head -1)"
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
# the first python3 that has torch (a pyenv python3 on PATH may lack the Debian packages)
PYTHON=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c "import torch, sklearn" 2>/dev/null; then PYTHON=$candidate; break; fi
done
if [[ -n "$PYTHON" ]]; then
  echo "== PyTorch $("$PYTHON" -c 'import torch; print(torch.__version__)') on the same workloads (median seconds)"
  "$PYTHON" src/test/python/bench_pytorch.py 2 3
else
  echo "== PyTorch not installed: skipped (figures from the reference machine are in BenchReference.java)"
fi
