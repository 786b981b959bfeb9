package dev.trainspec.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.random.RandomState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every path of {@link LinearKernels} — narrow inputs, scalar 4x2 tiles, odd outputs, leftover
 * rows, the scalar lane sums and the vector kernels — gives the bits of {@link ReferenceKernels}'
 * plain loops: every shape up to 9 x 9 x 9, wide shapes around the lane order's block edges
 * (31-33, 47-48, 63-64, 100, 512 inputs) and narrow ones with many outputs (1-2 inputs, 8-64
 * outputs), with and without bias, on values that include zeros of
 * both signs, infinities and NaN (any NaN equals any NaN: Java, like the hardware, leaves a NaN's
 * sign and payload unspecified).
 */
class KernelBitsTest {
    private static final float[] SPECIAL = {0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1e-40f, -3e38f};
    private static final int[] WIDE_IN = {31, 32, 33, 47, 48, 63, 64, 100, 512};
    private static final int[] WIDE_OUT = {1, 2, 3, 5};
    /** Narrow inputs with outputs enough for vectors (8 and more, and a tail). */
    private static final int[] MANY_OUT = {8, 9, 16, 17, 64};

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
            int at = i;
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]),
                    () -> what + ": element " + at + " differs from the reference order of operations");
        }
    }

    private static List<int[]> shapes() {
        List<int[]> shapes = new ArrayList<>();
        for (int batch = 1; batch <= 9; batch++) {
            for (int in = 1; in <= 9; in++) for (int out = 1; out <= 9; out++) shapes.add(new int[] {batch, in, out});
            for (int in : WIDE_IN) for (int out : WIDE_OUT) shapes.add(new int[] {batch, in, out});
            for (int in = 1; in <= 2; in++) for (int out : MANY_OUT) shapes.add(new int[] {batch, in, out});
        }
        return shapes;
    }

    @Test
    void everyPathGivesTheReferenceBits() {
        RandomState r = new RandomState(11);
        for (int[] shape : shapes()) {
            int batch = shape[0], in = shape[1], out = shape[2];
            for (int variant = 0; variant < 4; variant++) {
                boolean special = variant >= 2;
                boolean bias = variant % 2 == 0;
                String name = "batch " + batch + " in " + in + " out " + out + (bias ? "" : " no bias") + (special ? " special values" : "");
                float[] x = values(batch * in, r, special);
                float[] w = values(out * in, r, special);
                float[] b = bias ? values(out, r, special) : null;
                float[] g = values(batch * out, r, special);
                checkForward(name, x, w, b, batch, in, out);
                checkWeightGrad(name, g, x, values(out * in, r, false), batch, in, out);
                float[] db = values(out, r, false);
                float[] edb = db.clone();
                float[] scalarDb = db.clone();
                float[] vectorDb = db.clone();
                LinearKernels.accumulateBiasGrad(g, db, batch, out);
                ReferenceKernels.accumulateBiasGrad(g, edb, batch, out);
                assertSameBits("bias grad " + name, edb, db);
                LinearKernels.accumulateBiasGradScalar(g, scalarDb, batch, out);
                assertSameBits("scalar bias grad " + name, edb, scalarDb);
                if (Simd.ENABLED) {
                    SimdKernels.accumulateBiasGrad(g, vectorDb, batch, out);
                    assertSameBits("vector bias grad " + name, edb, vectorDb);
                }
                checkInputGrad(name, g, w, values(batch * in, r, false), batch, in, out);
            }
        }
    }

    private static void checkForward(String name, float[] x, float[] w, float[] b, int batch, int in, int out) {
        float[] expected = new float[batch * out];
        ReferenceKernels.forward(x, w, b, expected, batch, in, out);
        float[] y = new float[batch * out];
        LinearKernels.forward(x, w, b, y, batch, in, out);
        assertSameBits("forward " + name, expected, y);
        if (in <= NarrowKernels.MAX_IN) {
            float[] scalar = new float[batch * out];
            NarrowKernels.forward(x, w, b, scalar, batch, in, out);
            assertSameBits("scalar narrow forward " + name, expected, scalar);
            if (Simd.ENABLED && out >= SimdNarrowKernels.MIN_OUT) {
                float[] vector = new float[batch * out];
                SimdNarrowKernels.forward(x, w, b, vector, batch, in, out);
                assertSameBits("vector narrow forward " + name, expected, vector);
            }
        }
        if (in >= LinearKernels.LANE_MIN_IN) {
            float[] scalar = new float[batch * out];
            LaneSums.forward(x, null, w, b, scalar, batch, in, out);
            assertSameBits("scalar lane forward " + name, expected, scalar);
            if (Simd.ENABLED) {
                float[] vector = new float[batch * out];
                SimdKernels.forwardLanes(x, w, b, vector, batch, in, out);
                assertSameBits("vector forward " + name, expected, vector);
            }
            checkForwardRows(name, x, w, b, expected, batch, in, out);
        }
    }

    /**
     * The forward reading its rows where they lie in a larger matrix (a split's rows by index, the
     * rows between them NaN; see {@link #scatter}) gives the bits of the forward on a gathered copy.
     */
    private static void checkForwardRows(String name, float[] x, float[] w, float[] b, float[] expected, int batch, int in, int out) {
        int[] rows = scatteredRows(batch);
        float[] storage = scatter(x, rows, batch, in);
        float[] y = new float[batch * out];
        LinearKernels.forwardRows(storage, rows, w, b, y, batch, in, out);
        assertSameBits("forward by row index " + name, expected, y);
        float[] scalar = new float[batch * out];
        LaneSums.forward(storage, rows, w, b, scalar, batch, in, out);
        assertSameBits("scalar lane forward by row index " + name, expected, scalar);
        if (Simd.ENABLED) {
            float[] vector = new float[batch * out];
            SimdKernels.forwardLanes(storage, rows, w, b, vector, batch, in, out);
            assertSameBits("vector forward by row index " + name, expected, vector);
        }
    }

    /** Where batch row k lies in {@link #scatter}'s matrix: scattered and descending, as a shuffled split's rows. */
    private static int[] scatteredRows(int batch) {
        int[] rows = new int[batch];
        for (int k = 0; k < batch; k++) rows[k] = 2 * batch + 2 - 2 * k;
        return rows;
    }

    /** A larger matrix holding row k of x at rows[k], NaN everywhere else (a row read by mistake shows). */
    private static float[] scatter(float[] x, int[] rows, int batch, int in) {
        float[] storage = new float[(2 * batch + 3) * in];
        java.util.Arrays.fill(storage, Float.NaN);
        for (int k = 0; k < batch; k++) System.arraycopy(x, k * in, storage, rows[k] * in, in);
        return storage;
    }

    /** dw starts from {@code start}: a gradient already accumulated over earlier rows. */
    private static void checkWeightGrad(String name, float[] g, float[] x, float[] start, int batch, int in, int out) {
        float[] expected = start.clone();
        ReferenceKernels.accumulateWeightGrad(g, x, expected, batch, in, out);
        float[] dw = start.clone();
        LinearKernels.accumulateWeightGrad(g, x, dw, batch, in, out);
        assertSameBits("weight grad " + name, expected, dw);
        float[] scalar = start.clone();
        if (in > NarrowKernels.MAX_IN) LinearKernels.accumulateWeightGradScalar(g, x, scalar, batch, in, out);
        else NarrowKernels.accumulateWeightGrad(g, x, scalar, batch, in, out);
        assertSameBits("scalar weight grad " + name, expected, scalar);
        if (Simd.ENABLED && in <= NarrowKernels.MAX_IN && out >= SimdNarrowKernels.MIN_OUT) {
            float[] vector = start.clone();
            SimdNarrowKernels.accumulateWeightGrad(g, x, vector, batch, in, out);
            assertSameBits("vector narrow weight grad " + name, expected, vector);
        }
        if (Simd.ENABLED && in >= SimdKernels.MIN_WIDTH) {
            float[] vector = start.clone();
            SimdKernels.accumulateWeightGrad(g, x, vector, batch, in, out);
            assertSameBits("vector weight grad " + name, expected, vector);
        }
        if (LinearKernels.readsRows(in)) checkWeightGradRows(name, g, x, start, expected, batch, in, out);
    }

    /** The weight gradient reading its rows where they lie (as the training step of a wide first layer does) gives the bits of the one on a gathered copy. */
    private static void checkWeightGradRows(String name, float[] g, float[] x, float[] start, float[] expected, int batch, int in, int out) {
        int[] rows = scatteredRows(batch);
        float[] storage = scatter(x, rows, batch, in);
        float[] dw = start.clone();
        LinearKernels.accumulateWeightGradRows(g, storage, rows, dw, batch, in, out);
        assertSameBits("weight grad by row index " + name, expected, dw);
        float[] scalar = start.clone();
        LinearKernels.accumulateWeightGradScalar(g, storage, rows, scalar, batch, in, out);
        assertSameBits("scalar weight grad by row index " + name, expected, scalar);
        if (Simd.ENABLED) {
            float[] vector = start.clone();
            SimdKernels.accumulateWeightGrad(g, storage, rows, vector, batch, in, out);
            assertSameBits("vector weight grad by row index " + name, expected, vector);
        }
    }

    /** dx holds stale values first: every path must overwrite them. */
    private static void checkInputGrad(String name, float[] g, float[] w, float[] stale, int batch, int in, int out) {
        float[] expected = new float[batch * in];
        ReferenceKernels.inputGrad(g, w, expected, batch, in, out);
        float[] dx = stale.clone();
        LinearKernels.inputGrad(g, w, dx, batch, in, out);
        assertSameBits("input grad " + name, expected, dx);
        float[] scalar = stale.clone();
        LinearKernels.inputGradScalar(g, w, scalar, batch, in, out);
        assertSameBits("scalar input grad " + name, expected, scalar);
        if (Simd.ENABLED && in >= SimdKernels.MIN_WIDTH) {
            float[] vector = stale.clone();
            SimdKernels.inputGrad(g, w, vector, batch, in, out);
            assertSameBits("vector input grad " + name, expected, vector);
        }
    }

    /** Maven's test JVM starts with the vector module (pom.xml), so the vector paths above ran. */
    @Test
    void vectorKernelsRunUnderTheBuild() {
        assertTrue(Simd.moduleLoaded(), "the test JVM lacks --add-modules " + Simd.MODULE + " (surefire argLine)");
        assertTrue(Simd.ENABLED || !Boolean.parseBoolean(System.getProperty("trainspec.simd", "true")) || !SimdKernels.supported(),
                () -> "vector kernels off although the module is loaded: " + Simd.describe());
    }
}
