package dev.trainspec.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainspec.engine.random.RandomState;
import org.junit.jupiter.api.Test;

/**
 * Every tile path of {@link LinearKernels} (narrow inputs, 4x2 tiles, odd outputs, leftover
 * rows) gives the bits of {@link ReferenceKernels}' plain loops, for every shape up to 9 x 9 x 9,
 * with and without bias, on values that include zeros of both signs, infinities and NaN (any
 * NaN equals any NaN: Java, like the hardware, leaves a NaN's sign and payload unspecified).
 */
class KernelBitsTest {
    private static final float[] SPECIAL = {0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1e-40f, -3e38f};

    private static float[] values(int n, RandomState r, boolean special) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.normal(0, 1);
            if (special && r.randomSample() < 0.15) a[i] = SPECIAL[(int) (r.randomSample() * SPECIAL.length)];
        }
        return a;
    }

    private static void assertSameBits(String what, float[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]),
                    () -> what + ": element differs from the reference order of operations");
        }
    }

    @Test
    void fastPathsGiveTheReferenceBits() {
        RandomState r = new RandomState(11);
        for (int batch = 1; batch <= 9; batch++) {
            for (int in = 1; in <= 9; in++) {
                for (int out = 1; out <= 9; out++) {
                    for (int variant = 0; variant < 4; variant++) {
                        boolean special = variant >= 2;
                        boolean bias = variant % 2 == 0;
                        String shape = "batch " + batch + " in " + in + " out " + out + (bias ? "" : " no bias") + (special ? " special values" : "");
                        float[] x = values(batch * in, r, special);
                        float[] w = values(out * in, r, special);
                        float[] b = bias ? values(out, r, special) : null;
                        float[] g = values(batch * out, r, special);
                        float[] y = new float[batch * out];
                        float[] ey = new float[batch * out];
                        LinearKernels.forward(x, w, b, y, batch, in, out);
                        ReferenceKernels.forward(x, w, b, ey, batch, in, out);
                        assertSameBits("forward " + shape, ey, y);
                        float[] dw = values(out * in, r, false);
                        float[] edw = dw.clone();
                        LinearKernels.accumulateWeightGrad(g, x, dw, batch, in, out);
                        ReferenceKernels.accumulateWeightGrad(g, x, edw, batch, in, out);
                        assertSameBits("weight grad " + shape, edw, dw);
                        float[] db = values(out, r, false);
                        float[] edb = db.clone();
                        LinearKernels.accumulateBiasGrad(g, db, batch, out);
                        ReferenceKernels.accumulateBiasGrad(g, edb, batch, out);
                        assertSameBits("bias grad " + shape, edb, db);
                        float[] dx = values(batch * in, r, false);
                        float[] edx = new float[batch * in];
                        LinearKernels.inputGrad(g, w, dx, batch, in, out);
                        ReferenceKernels.inputGrad(g, w, edx, batch, in, out);
                        assertSameBits("input grad " + shape, edx, dx);
                    }
                }
            }
        }
    }
}
