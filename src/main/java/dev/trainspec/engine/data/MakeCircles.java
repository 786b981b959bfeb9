package dev.trainspec.engine.data;

import dev.trainspec.engine.random.RandomState;

/**
 * scikit-learn's {@code make_circles}: a unit circle (label 0) around a circle of radius
 * {@code factor} (label 1), points evenly spaced in angle without repeating the start point.
 * Rows are the outer circle then the inner one, optionally shuffled, then Gaussian noise of
 * standard deviation {@code noise} is added to every value in row-major order.
 */
public final class MakeCircles {
    private MakeCircles() {
    }

    /** {@code make_circles(n_samples=n, shuffle, noise, random_state, factor)}; for odd n the inner circle gets the extra point. */
    public static Dataset makeCircles(int nSamples, boolean shuffle, Double noise, RandomState rng, double factor) {
        Checks.nonNegative("n_samples", nSamples);
        return makeCircles(nSamples / 2, nSamples - nSamples / 2, shuffle, noise, rng, factor);
    }

    /** {@code make_circles(n_samples=(n_out, n_in), ...)}. */
    public static Dataset makeCircles(int nSamplesOut, int nSamplesIn, boolean shuffle, Double noise, RandomState rng, double factor) {
        if (factor >= 1 || factor < 0 || Double.isNaN(factor)) throw new IllegalArgumentException("'factor' has to be between 0 and 1.");
        Checks.nonNegative("n_samples", nSamplesOut);
        Checks.nonNegative("n_samples", nSamplesIn);
        Checks.noise(noise);
        int n = nSamplesOut + nSamplesIn;
        double[] x = new double[2 * n];
        int[] y = new int[n];
        double[] out = Numpy.linspace(0, 2 * Math.PI, nSamplesOut, false);
        for (int i = 0; i < nSamplesOut; i++) {
            x[2 * i] = Math.cos(out[i]);
            x[2 * i + 1] = Math.sin(out[i]);
        }
        double[] in = Numpy.linspace(0, 2 * Math.PI, nSamplesIn, false);
        for (int i = 0; i < nSamplesIn; i++) {
            int r = nSamplesOut + i;
            x[2 * r] = Math.cos(in[i]) * factor;
            x[2 * r + 1] = Math.sin(in[i]) * factor;
            y[r] = 1;
        }
        return Checks.shuffleAndNoise(new Dataset(x, n, 2, y, null, 2), shuffle, noise, rng);
    }
}
