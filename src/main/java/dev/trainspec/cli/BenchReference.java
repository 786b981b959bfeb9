package dev.trainspec.cli;

import java.util.List;

/**
 * The speed table of issue 7: PyTorch 1.13's CPU time for the same workload on the reference
 * machine (2 cores; scripts in src/test/python/bench_pytorch.py), and our target, both in
 * seconds, keyed by the end of the scenario id.
 */
record BenchReference(String idSuffix, String workload, double pytorchSeconds, double targetSeconds) {
    static final List<BenchReference> TABLE = List.of(
            new BenchReference("two-moons-sgd", "seed 004: moons 800 rows, 2-16-2, batch 32, 100 epochs", 2.01, 0.020),
            new BenchReference("seed-000-embeddings", "seed 000: 13,000 x 512 linear, Adam, batch 64, 20 epochs", 6.16, 0.3),
            new BenchReference("linear-200k", "200,000 x 512 linear, Adam, batch 256, one epoch", 3.32, 0.3),
            new BenchReference("linear-2m", "1,600,000 (of 2,000,000) x 512 linear, one epoch", Double.NaN, 3.0));

    static BenchReference of(String id) {
        for (BenchReference r : TABLE) if (id.endsWith(r.idSuffix)) return r;
        return null;
    }
}
