package dev.trainspec.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.random.RandomState;
import org.junit.jupiter.api.Test;

/** The kernels against plain double-precision matrix products, on odd sizes (no vector-width multiples). */
class LinearKernelsTest {
    private static final int B = 7;
    private static final int IN = 13;
    private static final int OUT = 5;

    private static float[] random(int n, RandomState r) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.normal(0, 1);
        return a;
    }

    private static void assertNear(String what, double[] expected, float[] actual) {
        double worst = 0;
        for (int i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(expected[i] - actual[i]) / (1 + Math.abs(expected[i])));
        assertTrue(worst < 1e-5, what + ": largest miss " + worst);
    }

    @Test
    void productsMatchDoublePrecision() {
        RandomState r = new RandomState(3);
        float[] x = random(B * IN, r);
        float[] w = random(OUT * IN, r);
        float[] b = random(OUT, r);
        float[] g = random(B * OUT, r);
        float[] y = new float[B * OUT];
        LinearKernels.forward(x, w, b, y, B, IN, OUT);
        double[] ey = new double[B * OUT];
        double[] edw = new double[OUT * IN];
        double[] edb = new double[OUT];
        double[] edx = new double[B * IN];
        for (int n = 0; n < B; n++) {
            for (int o = 0; o < OUT; o++) {
                double s = b[o];
                for (int i = 0; i < IN; i++) {
                    s += (double) x[n * IN + i] * w[o * IN + i];
                    edw[o * IN + i] += (double) g[n * OUT + o] * x[n * IN + i];
                    edx[n * IN + i] += (double) g[n * OUT + o] * w[o * IN + i];
                }
                ey[n * OUT + o] = s;
                edb[o] += g[n * OUT + o];
            }
        }
        assertNear("y", ey, y);
        float[] dw = new float[OUT * IN];
        float[] db = new float[OUT];
        float[] dx = new float[B * IN];
        LinearKernels.accumulateWeightGrad(g, x, dw, B, IN, OUT);
        LinearKernels.accumulateBiasGrad(g, db, B, OUT);
        LinearKernels.inputGrad(g, w, dx, B, IN, OUT);
        assertNear("dw", edw, dw);
        assertNear("db", edb, db);
        assertNear("dx", edx, dx);
        // Gradients accumulate: a second pass doubles them.
        LinearKernels.accumulateWeightGrad(g, x, dw, B, IN, OUT);
        for (int i = 0; i < dw.length; i++) edw[i] *= 2;
        assertNear("dw twice", edw, dw);
    }

    @Test
    void onlyTheFirstBatchRowsAreTouchedAndResultsRepeat() {
        RandomState r = new RandomState(4);
        float[] x = random(B * IN, r);
        float[] w = random(OUT * IN, r);
        float[] y = new float[B * OUT];
        java.util.Arrays.fill(y, 42f);
        LinearKernels.forward(x, w, null, y, 3, IN, OUT);
        for (int i = 3 * OUT; i < y.length; i++) assertEquals(42f, y[i]);
        float[] again = y.clone();
        LinearKernels.forward(x, w, null, again, 3, IN, OUT);
        assertArrayEquals(y, again, 0f);
    }

    @Test
    void aRowGetsTheSameBitsWhereverItSitsInItsBatch() {
        RandomState r = new RandomState(5);
        float[] x = random(B * IN, r);
        float[] w = random(OUT * IN, r);
        float[] b = random(OUT, r);
        float[] g = random(B * OUT, r);
        float[] y = new float[B * OUT];
        float[] dx = new float[B * IN];
        LinearKernels.forward(x, w, b, y, B, IN, OUT);
        LinearKernels.inputGrad(g, w, dx, B, IN, OUT);
        for (int row = 0; row < B; row++) {
            float[] one = new float[OUT];
            LinearKernels.forward(java.util.Arrays.copyOfRange(x, row * IN, (row + 1) * IN), w, b, one, 1, IN, OUT);
            assertArrayEquals(java.util.Arrays.copyOfRange(y, row * OUT, (row + 1) * OUT), one, 0f, "forward row " + row);
            float[] oneDx = new float[IN];
            LinearKernels.inputGrad(java.util.Arrays.copyOfRange(g, row * OUT, (row + 1) * OUT), w, oneDx, 1, IN, OUT);
            assertArrayEquals(java.util.Arrays.copyOfRange(dx, row * IN, (row + 1) * IN), oneDx, 0f, "input gradient row " + row);
        }
        // Weight gradients summed over 7 rows in blocks equal the row-by-row accumulation.
        float[] blocked = new float[OUT * IN];
        LinearKernels.accumulateWeightGrad(g, x, blocked, B, IN, OUT);
        float[] rowByRow = new float[OUT * IN];
        for (int row = 0; row < B; row++) {
            LinearKernels.accumulateWeightGrad(java.util.Arrays.copyOfRange(g, row * OUT, (row + 1) * OUT),
                    java.util.Arrays.copyOfRange(x, row * IN, (row + 1) * IN), rowByRow, 1, IN, OUT);
        }
        assertArrayEquals(rowByRow, blocked, 0f);
    }

    @Test
    void argmaxAndMax() {
        float[] a = {1f, 3f, 3f, -1f, Float.NaN, 2f};
        assertEquals(1, Rows.argmax(a, 0, 3));
        assertEquals(1, Rows.argmax(a, 1, 3));
        assertTrue(Float.isNaN(Rows.max(a, 1, 3)));
        assertEquals(3f, Rows.max(a, 0, 3));
    }

    /** Two-value rows take a shortcut: it must agree with the general rule on every pair of specials. */
    @Test
    void argmaxAndMaxOfTwoValuesFollowTheGeneralRule() {
        float[] values = {0f, -0f, 1f, -1f, 3e38f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
        for (float p : values) {
            for (float q : values) {
                float[] row = {p, q};
                int expected = Float.isNaN(p) ? 0 : Float.isNaN(q) ? 1 : q > p ? 1 : 0;
                assertEquals(expected, Rows.argmax(row, 0, 2), () -> "argmax of " + p + ", " + q);
                float m = Math.max(Math.max(Float.NEGATIVE_INFINITY, p), q);
                assertEquals(Float.floatToIntBits(m), Float.floatToIntBits(Rows.max(row, 0, 2)), () -> "max of " + p + ", " + q);
            }
        }
    }
}
