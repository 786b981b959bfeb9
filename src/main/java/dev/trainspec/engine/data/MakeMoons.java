package dev.trainspec.engine.data;

import dev.trainspec.engine.random.RandomState;

/**
 * scikit-learn's {@code make_moons}: two interleaving half circles, label 0 on the upper (outer)
 * one. Rows are the outer moon then the inner one, optionally shuffled by a permutation from
 * {@code rng}, then Gaussian noise of standard deviation {@code noise} is added to every value in
 * row-major order.
 */
public final class MakeMoons {
    private MakeMoons() {
    }

    /** {@code make_moons(n_samples=n, shuffle, noise, random_state)}; the outer moon gets {@code n // 2} points. */
    public static Dataset makeMoons(int nSamples, boolean shuffle, Double noise, RandomState rng) {
        Checks.nonNegative("n_samples", nSamples);
        return makeMoons(nSamples / 2, nSamples - nSamples / 2, shuffle, noise, rng);
    }

    /** {@code make_moons(n_samples=(n_out, n_in), ...)}. */
    public static Dataset makeMoons(int nSamplesOut, int nSamplesIn, boolean shuffle, Double noise, RandomState rng) {
        Checks.nonNegative("n_samples", nSamplesOut);
        Checks.nonNegative("n_samples", nSamplesIn);
        Checks.noise(noise);
        int n = nSamplesOut + nSamplesIn;
        double[] x = new double[2 * n];
        int[] y = new int[n];
        double[] out = Numpy.linspace(0, Math.PI, nSamplesOut, true);
        for (int i = 0; i < nSamplesOut; i++) {
            x[2 * i] = Math.cos(out[i]);
            x[2 * i + 1] = Math.sin(out[i]);
        }
        double[] in = Numpy.linspace(0, Math.PI, nSamplesIn, true);
        for (int i = 0; i < nSamplesIn; i++) {
            int r = nSamplesOut + i;
            x[2 * r] = 1 - Math.cos(in[i]);
            x[2 * r + 1] = 1 - Math.sin(in[i]) - 0.5;
            y[r] = 1;
        }
        return Checks.shuffleAndNoise(new Dataset(x, n, 2, y, null, 2), shuffle, noise, rng);
    }
}
