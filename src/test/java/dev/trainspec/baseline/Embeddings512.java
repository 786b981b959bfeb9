package dev.trainspec.baseline;

import dev.trainspec.engine.data.Dataset;
import dev.trainspec.engine.random.RandomState;

/**
 * The seed-000 data of /work/shared/reference/pytorch/ref_embed512.py, bit for bit:
 * <pre>
 * r = RandomState(seed); y = r.randint(0, 2, n); mu = zeros(512); mu[:16] = 0.35
 * X = r.normal(0, 1, (n, 512)) + outer(2y - 1, mu); X /= norm(X, axis=1); X = X.astype(float32)
 * </pre>
 * numpy's row norm sums the squares pairwise (blocks of 128 summed in 8 lanes), so this does too.
 */
final class Embeddings512 {
    static final int FEATURES = 512;
    static final int INFORMATIVE = 16;
    static final double SHIFT = 0.35;

    private Embeddings512() {}

    static Dataset make(int n, long seed) {
        RandomState r = new RandomState(seed);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) y[i] = (int) r.randint(0, 2);
        double[] x = new double[n * FEATURES];
        double[] squares = new double[FEATURES];
        for (int i = 0; i < n; i++) {
            int o = i * FEATURES;
            for (int j = 0; j < FEATURES; j++) x[o + j] = r.normal(0, 1) + (j < INFORMATIVE ? (2 * y[i] - 1) * SHIFT : 0.0);
            for (int j = 0; j < FEATURES; j++) squares[j] = x[o + j] * x[o + j];
            double norm = Math.sqrt(pairwiseSum(squares, 0, FEATURES));
            for (int j = 0; j < FEATURES; j++) x[o + j] = (float) (x[o + j] / norm);
        }
        return new Dataset(x, n, FEATURES, y, null, 2);
    }

    /** numpy's pairwise_sum for float64. */
    static double pairwiseSum(double[] a, int from, int n) {
        if (n < 8) {
            double s = 0;
            for (int i = 0; i < n; i++) s += a[from + i];
            return s;
        }
        if (n <= 128) {
            double[] r = new double[8];
            for (int j = 0; j < 8; j++) r[j] = a[from + j];
            int i = 8;
            for (; i < n - (n % 8); i += 8) for (int j = 0; j < 8; j++) r[j] += a[from + i + j];
            double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) s += a[from + i];
            return s;
        }
        int half = n / 2;
        half -= half % 8;
        return pairwiseSum(a, from, half) + pairwiseSum(a, from + half, n - half);
    }
}
