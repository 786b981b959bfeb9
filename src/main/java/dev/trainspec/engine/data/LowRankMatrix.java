package dev.trainspec.engine.data;

import dev.trainspec.engine.random.RandomState;

/**
 * scikit-learn's {@code make_low_rank_matrix}: {@code U diag(s) V^T} with U, V the Q factors of
 * standard normal matrices (drawn U's first) and singular values {@code (1 - tail) *
 * exp(-(i / rank)^2) + tail * exp(-0.1 i / rank)}. The QR is Householder with LAPACK's sign
 * convention (dgeqrf/dorgqr), so the factors are the same matrices as scipy's; their rounding
 * differs from LAPACK's blocked kernels, so values agree to about 1e-15 relative, not bit for bit.
 */
final class LowRankMatrix {
    private LowRankMatrix() {
    }

    static double[] make(int nSamples, int nFeatures, int effectiveRank, double tailStrength, RandomState rng) {
        Checks.positive("effective_rank", effectiveRank);
        int n = Math.min(nSamples, nFeatures);
        double[] u = HouseholderQr.q(rng.standardNormal(nSamples * n), nSamples, n);
        double[] v = HouseholderQr.q(rng.standardNormal(nFeatures * n), nFeatures, n);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double lowRank = (1 - tailStrength) * Math.exp(-1.0 * square(i / (double) effectiveRank));
            double tail = tailStrength * Math.exp(-0.1 * i / effectiveRank);
            s[i] = lowRank + tail;
        }
        double[] x = new double[nSamples * nFeatures];
        for (int r = 0; r < nSamples; r++) {
            for (int c = 0; c < nFeatures; c++) {
                double acc = 0;
                for (int k = 0; k < n; k++) acc = Math.fma(u[r * n + k] * s[k], v[c * n + k], acc);
                x[r * nFeatures + c] = acc;
            }
        }
        return x;
    }

    private static double square(double v) {
        return v * v;
    }
}
