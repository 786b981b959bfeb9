package dev.trainspec.engine.data;

import dev.trainspec.engine.random.RandomState;

/**
 * scikit-learn's {@code make_regression}: standard normal inputs (or
 * {@link LowRankMatrix} when {@code effective_rank} is set), a ground truth with
 * {@code 100 * uniform} coefficients on the first {@code n_informative} features and zeros
 * elsewhere, {@code y = X @ coef + bias}, Gaussian noise on y, then rows and feature columns
 * shuffled (the coefficients follow their columns). Targets are row-major [n_samples, n_targets].
 */
public final class MakeRegression {
    private MakeRegression() {
    }

    /** {@code make_regression(n_samples, n_features, n_informative, n_targets, bias, effective_rank (null: none), tail_strength, noise, shuffle)}. */
    public static Dataset makeRegression(int nSamples, int nFeatures, int nInformative, int nTargets, double bias, Integer effectiveRank,
            double tailStrength, double noise, boolean shuffle, RandomState rng) {
        Checks.positive("n_samples", nSamples);
        Checks.positive("n_features", nFeatures);
        Checks.positive("n_targets", nTargets);
        Checks.nonNegative("n_informative", nInformative);
        Checks.scale("noise", noise);
        int ni = Math.min(nFeatures, nInformative);
        double[] x = effectiveRank == null
                ? rng.standardNormal(Math.multiplyExact(nSamples, nFeatures))
                : LowRankMatrix.make(nSamples, nFeatures, effectiveRank, tailStrength, rng);
        double[] coef = new double[nFeatures * nTargets];
        for (int i = 0; i < ni * nTargets; i++) coef[i] = 100 * rng.randomSample();
        double[] y = new double[nSamples * nTargets];
        Blas.gemm(x, 0, nFeatures, nSamples, nFeatures, coef, nTargets, y, 0, nTargets);
        for (int i = 0; i < y.length; i++) y[i] += bias;
        if (noise > 0.0) {
            for (int i = 0; i < y.length; i++) y[i] += rng.normal(0.0, noise);
        }
        Dataset d = Dataset.regression(x, nSamples, nFeatures, y, nTargets);
        if (!shuffle) return d;
        d = Checks.shuffleRows(d, rng);
        int[] cols = new int[nFeatures];
        for (int j = 0; j < nFeatures; j++) cols[j] = j;
        rng.shuffle(cols);
        double[] in = d.x();
        double[] out = new double[in.length];
        for (int r = 0; r < nSamples; r++) for (int j = 0; j < nFeatures; j++) out[r * nFeatures + j] = in[r * nFeatures + cols[j]];
        return d.withX(out);
    }
}
