package dev.trainspec.engine.data;

import dev.trainspec.engine.random.RandomState;

/**
 * sklearn's {@code _generate_hypercube(samples, dimensions, rng)}: distinct vertices of the
 * unit hypercube as 0/1 rows, from {@link SampleWithoutReplacement} of {@code 2**dimensions}
 * written in binary, most significant bit first; above 30 dimensions the extra leading
 * columns are {@code rng.randint(2, size=(samples, dimensions - 30))}, drawn first.
 */
final class Hypercube {
    private Hypercube() {
    }

    static double[][] vertices(int samples, int dimensions, RandomState rng) {
        double[][] out = new double[samples][dimensions];
        int extra = Math.max(0, dimensions - 30);
        for (int s = 0; s < samples; s++) for (int j = 0; j < extra; j++) out[s][j] = rng.randint(2);
        int d = dimensions - extra;
        long[] codes = SampleWithoutReplacement.sample(1L << d, samples, rng);
        for (int s = 0; s < samples; s++) {
            for (int j = 0; j < d; j++) out[s][extra + j] = (codes[s] >>> (d - 1 - j)) & 1;
        }
        return out;
    }
}
