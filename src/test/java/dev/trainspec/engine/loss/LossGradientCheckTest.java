package dev.trainspec.engine.loss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.random.RandomState;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference checks of every loss's gradient: central differences of the returned mean
 * loss (double) with respect to each output, step 1e-3 on float32 outputs; the miss is the
 * largest |analytic - numeric| divided by the largest |analytic|.
 */
class LossGradientCheckTest {
    private static final double STEP = 1e-3;
    private static final double TOLERANCE = 2e-3;
    private static final int BATCH = 6;

    private static double check(String what, Loss loss, float[] out, int width, int[] labels, float[] targets) {
        float[] grad = new float[out.length];
        loss.evaluate(out, BATCH, width, labels, targets, grad);
        double scale = 0;
        double diff = 0;
        for (int k = 0; k < out.length; k++) {
            float[] plus = out.clone();
            plus[k] += (float) STEP;
            float[] minus = out.clone();
            minus[k] -= (float) STEP;
            double h = (double) plus[k] - minus[k];
            double numeric = (loss.evaluate(plus, BATCH, width, labels, targets, null) - loss.evaluate(minus, BATCH, width, labels, targets, null)) / h;
            scale = Math.max(scale, Math.abs(grad[k]));
            diff = Math.max(diff, Math.abs(grad[k] - numeric));
        }
        double miss = diff / scale;
        System.out.printf("gradient check %-36s miss %.2e%n", what, miss);
        assertTrue(miss <= TOLERANCE, what + ": finite-difference miss " + miss + " > " + TOLERANCE);
        return miss;
    }

    private static float[] normal(int n, long seed, double scale) {
        RandomState r = new RandomState(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (scale * r.standardNormal());
        return a;
    }

    private static float[] uniform(int n, long seed, double lo, double hi) {
        RandomState r = new RandomState(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.uniform(lo, hi);
        return a;
    }

    private static final int[] LABELS4 = {0, 3, 1, 2, 3, 1};
    private static final int[] LABELS2 = {1, 0, 0, 1, 1, 0};

    @Test
    void classLosses() {
        check("cross_entropy", new CrossEntropy(), normal(BATCH * 4, 1, 2), 4, LABELS4, null);
        check("cross_entropy(input=probabilities)", new CrossEntropyOnProbabilities(), uniform(BATCH * 4, 2, 0.05, 1), 4, LABELS4, null);
        check("nll", new NllLoss(), normal(BATCH * 4, 3, 1), 4, LABELS4, null);
        check("mse one-hot", Mse.forClassification(), normal(BATCH * 4, 4, 1), 4, LABELS4, null);
        check("mse single output", Mse.forClassification(), normal(BATCH, 5, 1), 1, LABELS2, null);
    }

    @Test
    void hingeAwayFromItsKinks() {
        // Margins 1 - x[y] + x[j] of these rows are all at least 0.05 away from 0.
        float[] out = {
            0.5f, 0.2f, -0.3f, 1.1f,
            2.0f, -1.0f, 0.4f, 0.7f,
            -0.2f, 0.9f, 0.1f, 0.3f,
            0.0f, 0.3f, 1.5f, -0.8f,
            0.6f, 0.1f, 0.2f, 0.35f,
            1.0f, 3.0f, 0.5f, 2.5f};
        check("hinge", new Hinge(), out, 4, LABELS4, null);
    }

    @Test
    void binaryAndRegressionLosses() {
        check("bce_with_logits", new BceWithLogits(), normal(BATCH, 6, 3), 1, LABELS2, null);
        check("bce", new Bce(), uniform(BATCH, 7, 0.05, 0.95), 1, LABELS2, null);
        check("mse regression", Mse.forRegression(), normal(BATCH, 8, 1), 1, null, normal(BATCH, 9, 1));
    }
}
