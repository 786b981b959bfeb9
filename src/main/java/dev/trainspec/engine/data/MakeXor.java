package dev.trainspec.engine.data;

import dev.trainspec.engine.random.RandomState;

/**
 * Project generator {@code make_xor}: {@code X = rng.uniform(-1, 1, size=(n_samples, 2))}
 * (row-major), label {@code y = (x0 > 0) != (x1 > 0)} taken from the clean points, then, when
 * {@code noise} is set, {@code X += rng.normal(0, noise, size=X.shape)} (row-major), as
 * make_moons adds its noise. Not linearly separable: a linear model stays near 50%.
 */
public final class MakeXor {
    private MakeXor() {
    }

    public static Dataset makeXor(int nSamples, Double noise, RandomState rng) {
        Checks.positive("n_samples", nSamples);
        Checks.noise(noise);
        double[] x = new double[2 * nSamples];
        int[] y = new int[nSamples];
        for (int i = 0; i < x.length; i++) x[i] = rng.uniform(-1, 1);
        for (int i = 0; i < nSamples; i++) y[i] = (x[2 * i] > 0) != (x[2 * i + 1] > 0) ? 1 : 0;
        if (noise != null) for (int i = 0; i < x.length; i++) x[i] += rng.normal(0.0, noise);
        return Dataset.classification(x, nSamples, 2, y, 2);
    }
}
