package dev.trainspec.engine.data;

import dev.trainspec.engine.random.RandomState;

/**
 * Project generator {@code make_threshold}: one feature {@code x = rng.normal(loc, scale,
 * size=n_samples)} (numpy's legacy normal, {@code loc + scale * standard_normal}) and label
 * {@code y = 1 if x >= threshold else 0}. The simplest separable problem: any model that can
 * place one boundary should reach 100%.
 */
public final class MakeThreshold {
    private MakeThreshold() {
    }

    public static Dataset makeThreshold(int nSamples, double loc, double scale, double threshold, RandomState rng) {
        Checks.positive("n_samples", nSamples);
        Checks.scale("scale", scale);
        double[] x = new double[nSamples];
        int[] y = new int[nSamples];
        for (int i = 0; i < nSamples; i++) {
            x[i] = rng.normal(loc, scale);
            y[i] = x[i] >= threshold ? 1 : 0;
        }
        return Dataset.classification(x, nSamples, 1, y, 2);
    }
}
