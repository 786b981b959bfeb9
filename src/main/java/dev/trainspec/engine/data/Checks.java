package dev.trainspec.engine.data;

import dev.trainspec.engine.random.RandomState;

/** Argument checks with scikit-learn's wording, and the shuffle-then-noise tail shared by moons and circles. */
final class Checks {
    private Checks() {
    }

    static void nonNegative(String name, long value) {
        if (value < 0) throw new IllegalArgumentException(name + " must be >= 0, found " + value);
    }

    static void positive(String name, long value) {
        if (value < 1) throw new IllegalArgumentException(name + " must be >= 1, found " + value);
    }

    static void noise(Double noise) {
        if (noise != null && !(noise >= 0)) throw new IllegalArgumentException("noise must be >= 0, found " + noise);
    }

    static void scale(String name, double scale) {
        if (!(scale >= 0)) throw new IllegalArgumentException(name + " must be >= 0 (numpy: scale < 0), found " + scale);
    }

    /** {@code sklearn.utils.shuffle(X, y)}: rows reordered by {@code rng.shuffle(arange(n))}. */
    static Dataset shuffleRows(Dataset d, RandomState rng) {
        return d.select(rng.permutation(d.rows()));
    }

    /** {@code if shuffle: X, y = shuffle(X, y)}, then {@code X += rng.normal(scale=noise, size=X.shape)}. */
    static Dataset shuffleAndNoise(Dataset d, boolean shuffle, Double noise, RandomState rng) {
        Dataset out = shuffle ? shuffleRows(d, rng) : d;
        if (noise != null) {
            double[] x = out.x();
            for (int i = 0; i < x.length; i++) x[i] += rng.normal(0.0, noise);
        }
        return out;
    }
}
