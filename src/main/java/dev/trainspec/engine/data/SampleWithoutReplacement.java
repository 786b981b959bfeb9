package dev.trainspec.engine.data;

import dev.trainspec.engine.random.RandomState;
import java.util.HashSet;
import java.util.Set;

/**
 * scikit-learn's {@code utils.random.sample_without_replacement(n_population, n_samples,
 * method="auto")}: for a sampled fraction strictly between 0.01 and 0.99 the head of
 * {@code rng.permutation(n_population)}; below 0.2 otherwise (so below 0.01) "tracking
 * selection" (redraw {@code rng.randint(n_population)} until unseen); else reservoir sampling.
 */
final class SampleWithoutReplacement {
    private SampleWithoutReplacement() {
    }

    static long[] sample(long nPopulation, int nSamples, RandomState rng) {
        if (nSamples > nPopulation) {
            throw new IllegalArgumentException("n_population should be greater or equal than n_samples, got n_samples > n_population ("
                    + nSamples + " > " + nPopulation + ")");
        }
        double ratio = nPopulation != 0 ? (double) nSamples / nPopulation : 1.0;
        long[] out = new long[nSamples];
        if (ratio > 0.01 && ratio < 0.99) {
            int[] perm = rng.permutation(Math.toIntExact(nPopulation));
            for (int i = 0; i < nSamples; i++) out[i] = perm[i];
            return out;
        }
        if (ratio < 0.2) {
            Set<Long> selected = new HashSet<>();
            for (int i = 0; i < nSamples; i++) {
                long j = rng.randint(nPopulation);
                while (selected.contains(j)) j = rng.randint(nPopulation);
                selected.add(j);
                out[i] = j;
            }
            return out;
        }
        for (int i = 0; i < nSamples; i++) out[i] = i;
        for (long i = nSamples; i < nPopulation; i++) {
            long j = rng.randint(0, i + 1);
            if (j < nSamples) out[(int) j] = i;
        }
        return out;
    }
}
