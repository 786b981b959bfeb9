package dev.trainspec.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainspec.engine.random.RandomState;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link ConvKernels} and {@link PoolKernels} give the bits of direct loops written in the
 * documented order of operations (no im2col; patches of fewer than 32 weights, where
 * LinearKernels sums from 0 ascending), for every row of a batch whatever the batch size: so the
 * bits depend on neither the batch, nor the row's place in it, nor the thread running it. The
 * convolution's sums are LinearKernels', whose scalar and vector paths agree bit for bit
 * (KernelBitsTest); this test runs on whichever path the JVM has, and
 * ShapedScalarVectorBitsTest trains a whole CNN on both.
 */
class ConvKernelBitsTest {
    private static final ConvGeometry[] GEOMETRIES = {
        new ConvGeometry(1, 8, 8, 8, 3, 3, 1, 1, 0, 0),
        new ConvGeometry(2, 7, 6, 3, 3, 3, 2, 2, 1, 1),
        new ConvGeometry(3, 5, 5, 4, 2, 2, 1, 1, 2, 2),
        new ConvGeometry(2, 1, 11, 3, 1, 4, 1, 2, 0, 1), // a conv1d
    };

    private static float[] values(int n, RandomState r) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.normal(0, 1);
        return a;
    }

    private static float input(float[] x, int off, ConvGeometry g, int c, int iy, int ix) {
        return iy < 0 || iy >= g.h() || ix < 0 || ix >= g.w() ? 0f : x[off + (c * g.h() + iy) * g.w() + ix];
    }

    /** y[o, oy, ox] from 0 over (c, ky, kx) ascending, then + b[o]. */
    private static float[] directForward(float[] x, float[] w, float[] b, int batch, ConvGeometry g) {
        float[] y = new float[batch * g.outSize()];
        for (int r = 0; r < batch; r++) {
            for (int o = 0; o < g.outC(); o++) {
                for (int oy = 0; oy < g.oh(); oy++) {
                    for (int ox = 0; ox < g.ow(); ox++) {
                        float s = 0f;
                        for (int c = 0, j = 0; c < g.c(); c++) {
                            for (int ky = 0; ky < g.kh(); ky++) {
                                for (int kx = 0; kx < g.kw(); kx++, j++) {
                                    s += w[o * g.patch() + j] * input(x, r * g.inSize(), g, c, oy * g.sh() + ky - g.ph(), ox * g.sw() + kx - g.pw());
                                }
                            }
                        }
                        y[r * g.outSize() + (o * g.oh() + oy) * g.ow() + ox] = b == null ? s : s + b[o];
                    }
                }
            }
        }
        return y;
    }

    /** dw[o, j] = start + each product in turn, rows then positions ascending (LinearKernels' "dw over rows ascending"). */
    private static float[] directWeightGrad(float[] start, float[] gy, float[] x, int batch, ConvGeometry g) {
        float[] dw = start.clone();
        for (int r = 0; r < batch; r++) {
            for (int oy = 0; oy < g.oh(); oy++) {
                for (int ox = 0; ox < g.ow(); ox++) {
                    for (int o = 0; o < g.outC(); o++) {
                        float gv = gy[r * g.outSize() + (o * g.oh() + oy) * g.ow() + ox];
                        for (int c = 0, j = 0; c < g.c(); c++) {
                            for (int ky = 0; ky < g.kh(); ky++) {
                                for (int kx = 0; kx < g.kw(); kx++, j++) {
                                    dw[o * g.patch() + j] += gv * input(x, r * g.inSize(), g, c, oy * g.sh() + ky - g.ph(), ox * g.sw() + kx - g.pw());
                                }
                            }
                        }
                    }
                }
            }
        }
        return dw;
    }

    /** db[o] += each gradient in turn, rows then positions ascending. */
    private static float[] directBiasGrad(float[] gy, float[] start, int batch, ConvGeometry g) {
        float[] db = start.clone();
        for (int r = 0; r < batch; r++) {
            for (int o = 0; o < g.outC(); o++) {
                for (int q = 0; q < g.positions(); q++) db[o] += gy[r * g.outSize() + o * g.positions() + q];
            }
        }
        return db;
    }

    /**
     * Patches of every shape the direct kernels split differently: 8 or more positions (vectors
     * of positions, the last overlapping) or fewer (scalar), whole vectors of output channels with
     * and without scalar ones after them, taps in fours with and without a remainder, and nine
     * taps (SimdNineTapGrads) with and without a scalar channel after its vectors; read in place
     * (SimdInPlaceConv) with an even and an odd number of output rows, and a channel after the
     * last four.
     */
    private static final ConvGeometry[] DIRECT = {
        new ConvGeometry(1, 8, 8, 8, 3, 3, 1, 1, 0, 0),
        new ConvGeometry(2, 7, 6, 11, 3, 3, 2, 2, 1, 1),
        new ConvGeometry(3, 5, 5, 4, 2, 2, 1, 1, 2, 2),
        new ConvGeometry(1, 1, 11, 9, 1, 5, 1, 1, 0, 0),
        new ConvGeometry(1, 6, 6, 16, 5, 5, 1, 1, 2, 2),
        new ConvGeometry(2, 9, 7, 8, 3, 3, 2, 1, 0, 0),
        new ConvGeometry(1, 5, 7, 17, 3, 3, 1, 1, 1, 1),
        new ConvGeometry(2, 7, 7, 6, 3, 3, 1, 1, 0, 0),
    };

    /**
     * DirectConvKernels and SimdConvKernels called directly (ConvKernels takes whichever path is
     * compiled): both give the direct loops' bits, forward and gradients, for blocks of 1 to 5
     * rows, the gradients added to ones already accumulated.
     */
    @Test
    void directKernelsGiveTheLoopsBitsOnTheScalarAndTheVectorPaths() {
        RandomState r = new RandomState(18);
        for (ConvGeometry g : DIRECT) {
            assertEquals(true, DirectConvKernels.applies(g), g + " is a direct convolution");
            for (int n = 1; n <= 5; n += 2) {
                int k = g.patch();
                int p = g.positions();
                float[] x = values(n * g.inSize(), r);
                float[] w = values(g.outC() * k, r);
                float[] b = values(g.outC(), r);
                float[] gy = values(n * g.outSize(), r);
                float[] dw0 = values(w.length, r);
                float[] db0 = values(b.length, r);
                int stride = n * p + 3; // a block with room for more rows than it holds
                float[] cols = new float[k * stride];
                for (int row = 0; row < n; row++) DirectConvKernels.im2col(x, row * g.inSize(), g, cols, row * p, stride);
                float[] expected = directForward(x, w, b, n, g);
                float[] expectedDw = directWeightGrad(dw0, gy, x, n, g);
                float[] expectedDb = directBiasGrad(gy, db0, n, g);
                float[] y = new float[n * g.outSize()];
                for (int row = 0; row < n; row++) DirectConvKernels.forwardRow(cols, row * p, stride, w, b, y, row * g.outSize(), k, p, g.outC());
                assertSameBits(g + " scalar forward", expected, y);
                float[] dw = dw0.clone();
                float[] db = db0.clone();
                DirectConvKernels.paramGrads(gy, 0, cols, stride, dw, db, n, k, p, g.outC(), 0);
                assertSameBits(g + " scalar weight gradient", expectedDw, dw);
                assertSameBits(g + " scalar bias gradient", expectedDb, db);
                if (!Simd.ENABLED) continue;
                if (g.ph() == 0 && g.pw() == 0 && SimdConvKernels.copiesRows(g)) {
                    float[] vcols = new float[cols.length];
                    for (int row = 0; row < n; row++) {
                        for (int c = 0, tap = row * p; c < g.c(); c++) {
                            for (int ky = 0; ky < g.kh(); ky++) {
                                for (int kx = 0; kx < g.kw(); kx++, tap += stride) {
                                    SimdConvKernels.tapRows(x, row * g.inSize() + (c * g.h() + ky) * g.w() + kx, g, vcols, tap);
                                }
                            }
                        }
                    }
                    assertSameBits(g + " vector patch columns", cols, vcols);
                }
                if (SimdInPlaceConv.applies(g)) {
                    float[] roomy = java.util.Arrays.copyOf(x, x.length + 8); // its vector reads pass the last row's end
                    float[] iy = new float[n * g.outSize()];
                    float[] unbiased = new float[n * g.outSize()];
                    for (int row = 0; row < n; row++) {
                        assertEquals(true, SimdInPlaceConv.fits(roomy, row * g.inSize(), g));
                        SimdInPlaceConv.forwardRow(roomy, row * g.inSize(), g, w, b, iy, row * g.outSize());
                        SimdInPlaceConv.forwardRow(roomy, row * g.inSize(), g, w, null, unbiased, row * g.outSize());
                    }
                    assertSameBits(g + " in-place forward", expected, iy);
                    assertSameBits(g + " in-place forward without a bias", directForward(x, w, null, n, g), unbiased);
                }
                if (p >= SimdConvKernels.MIN_WIDTH) {
                    float[] vy = new float[n * g.outSize()];
                    for (int row = 0; row < n; row++) SimdConvKernels.forwardRow(cols, row * p, stride, w, b, vy, row * g.outSize(), k, p, g.outC());
                    assertSameBits(g + " vector forward", expected, vy);
                }
                float[] gt = new float[n * g.outSize()];
                for (int row = 0; row < n; row++) {
                    for (int o = 0; o < g.outC(); o++) {
                        for (int q = 0; q < p; q++) gt[(row * p + q) * g.outC() + o] = gy[row * g.outSize() + o * p + q];
                    }
                }
                float[] vdw = dw0.clone();
                float[] vdb = db0.clone();
                int scalarFrom = g.outC() >= SimdConvKernels.MIN_WIDTH ? SimdConvKernels.paramGrads(gt, cols, stride, vdw, vdb, n * p, k, g.outC()) : 0;
                DirectConvKernels.paramGrads(gy, 0, cols, stride, vdw, vdb, n, k, p, g.outC(), scalarFrom);
                assertSameBits(g + " vector weight gradient", expectedDw, vdw);
                assertSameBits(g + " vector bias gradient", expectedDb, vdb);
                if (k != SimdNineTapGrads.TAPS || g.outC() < SimdConvKernels.MIN_WIDTH) continue;
                float[] ndw = dw0.clone();
                float[] ndb = db0.clone();
                scalarFrom = SimdNineTapGrads.paramGrads(gt, cols, stride, ndw, ndb, n * p, g.outC());
                DirectConvKernels.paramGrads(gy, 0, cols, stride, ndw, ndb, n, k, p, g.outC(), scalarFrom);
                assertSameBits(g + " nine-tap weight gradient", expectedDw, ndw);
                assertSameBits(g + " nine-tap bias gradient", expectedDb, ndb);
                float[] unbiased = dw0.clone();
                scalarFrom = SimdNineTapGrads.paramGrads(gt, cols, stride, unbiased, null, n * p, g.outC());
                DirectConvKernels.paramGrads(gy, 0, cols, stride, unbiased, null, n, k, p, g.outC(), scalarFrom);
                assertSameBits(g + " nine-tap weight gradient without a bias", expectedDw, unbiased);
            }
        }
    }

    private static void assertSameBits(String what, float[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]), what + ": element " + i);
        }
    }

    @Test
    void convolutionMatchesTheDirectLoopsForAnyBatch() {
        RandomState r = new RandomState(16);
        for (ConvGeometry g : GEOMETRIES) {
            int batch = 5;
            float[] x = values(batch * g.inSize(), r);
            float[] w = values(g.outC() * g.patch(), r);
            float[] b = values(g.outC(), r);
            float[] gy = values(batch * g.outSize(), r);
            // blocks of 2 rows: a batch of 5 runs as 2 + 2 + 1
            float[] col = new float[2 * g.patch() * g.positions()];
            float[] t = new float[2 * g.positions() * g.outC()];
            float[] y = new float[batch * g.outSize()];
            ConvKernels.forward(x, w, b, y, batch, g, col, t);
            assertSameBits(g + " forward", directForward(x, w, b, batch, g), y);
            float[] dw = new float[w.length];
            ConvKernels.accumulateParamGrads(gy, x, dw, null, batch, g, col, t, false);
            assertSameBits(g + " weight gradient", directWeightGrad(new float[dw.length], gy, x, batch, g), dw);
            // the last row alone, as the first row of a batch of one: the same bits
            float[] last = Arrays.copyOfRange(x, (batch - 1) * g.inSize(), batch * g.inSize());
            float[] alone = new float[g.outSize()];
            ConvKernels.forward(last, w, b, alone, 1, g, col, t);
            assertSameBits(g + " row alone", Arrays.copyOfRange(y, (batch - 1) * g.outSize(), batch * g.outSize()), alone);
            float[] dx = new float[batch * g.inSize()];
            ConvKernels.inputGrad(gy, w, dx, batch, g, col, t);
            float[] dxAlone = new float[g.inSize()];
            ConvKernels.inputGrad(Arrays.copyOfRange(gy, (batch - 1) * g.outSize(), batch * g.outSize()), w, dxAlone, 1, g, col, t);
            assertSameBits(g + " input gradient of a row alone", Arrays.copyOfRange(dx, (batch - 1) * g.inSize(), batch * g.inSize()), dxAlone);
        }
    }

    @Test
    void poolingOfARowDoesNotDependOnItsBatch() {
        RandomState r = new RandomState(17);
        ConvGeometry g = new ConvGeometry(3, 7, 7, 3, 3, 3, 2, 2, 0, 0);
        int batch = 4;
        float[] x = values(batch * g.inSize(), r);
        float[] y = new float[batch * g.outSize()];
        PoolKernels.avgForward(x, y, batch, g);
        float[] alone = new float[g.outSize()];
        PoolKernels.avgForward(Arrays.copyOfRange(x, g.inSize(), 2 * g.inSize()), alone, 1, g);
        assertSameBits("avg_pool2d row 1 alone", Arrays.copyOfRange(y, g.outSize(), 2 * g.outSize()), alone);
        int[] argmax = new int[batch * g.outSize()];
        PoolKernels.maxForward(x, y, argmax, batch, g);
        int[] argAlone = new int[g.outSize()];
        PoolKernels.maxForward(Arrays.copyOfRange(x, g.inSize(), 2 * g.inSize()), alone, argAlone, 1, g);
        assertSameBits("max_pool2d row 1 alone", Arrays.copyOfRange(y, g.outSize(), 2 * g.outSize()), alone);
    }

    /**
     * The unrolled 2x2 max pooling (reduced as a tree), scalar and vector, takes the value and
     * offset that PyTorch's sequential rule takes, on windows full of ties, signed zeros and NaNs
     * of different payloads.
     */
    @Test
    void unrolledMaxPoolingChoosesAsTheSequentialRule() {
        float[] pool = {-1f, -0f, 0f, 1f, 1f, 2f, Float.NaN, Float.intBitsToFloat(0x7fc00123)};
        RandomState r = new RandomState(19);
        // 36 windows a row (4.5 vectors), 72 (the digits CNN's), 18 with an odd column left out, 18 (8 + 8 + 2)
        ConvGeometry[] geometries = {
            new ConvGeometry(3, 6, 8, 3, 2, 2, 2, 2, 0, 0),
            new ConvGeometry(8, 6, 6, 8, 2, 2, 2, 2, 0, 0),
            new ConvGeometry(2, 5, 7, 2, 2, 2, 2, 2, 0, 0),
            new ConvGeometry(1, 4, 18, 1, 2, 2, 2, 2, 0, 0),
        };
        for (ConvGeometry g : geometries) {
            int batch = 40;
            float[] x = new float[batch * g.inSize()];
            for (int i = 0; i < x.length; i++) x[i] = pool[(int) r.randint(pool.length)];
            float[] y = new float[batch * g.outSize()];
            int[] argmax = new int[y.length];
            PoolKernels.maxForward(x, y, argmax, batch, g);
            assertChoosesAsTheSequentialRule(x, y, argmax, batch, g);
            if (!Simd.ENABLED) continue;
            float[] vy = new float[y.length];
            int[] vArgmax = new int[y.length];
            SimdPoolKernels.maxForward2x2(x, vy, vArgmax, batch, g, PoolKernels.corners2x2(g));
            assertChoosesAsTheSequentialRule(x, vy, vArgmax, batch, g);
            // evaluation stores no offsets, and the values stay the same
            float[] ey = new float[y.length];
            SimdPoolKernels.maxForward2x2(x, ey, null, batch, g, PoolKernels.corners2x2(g));
            assertSameBits(g + " values without offsets", y, ey);
        }
    }

    private static void assertChoosesAsTheSequentialRule(float[] x, float[] y, int[] argmax, int batch, ConvGeometry g) {
        for (int row = 0, at = 0; row < batch; row++) {
            for (int c = 0; c < g.c(); c++) {
                for (int oy = 0; oy < g.oh(); oy++) {
                    for (int ox = 0; ox < g.ow(); ox++, at++) {
                        int best = (c * g.h() + 2 * oy) * g.w() + 2 * ox;
                        for (int d : new int[] {1, g.w(), g.w() + 1}) {
                            int i = (c * g.h() + 2 * oy) * g.w() + 2 * ox + d;
                            float v = x[row * g.inSize() + i];
                            if (v > x[row * g.inSize() + best] || Float.isNaN(v)) best = i;
                        }
                        assertEquals(best, argmax[at], "window " + at);
                        assertEquals(Float.floatToRawIntBits(x[row * g.inSize() + best]), Float.floatToRawIntBits(y[at]), "window " + at);
                    }
                }
            }
        }
    }

    /** The integer form of PyTorch's rule agrees with "v > m || v is NaN" on every pair of special and ordinary floats. */
    @Test
    void integerComparisonOfMaxPoolingIsTheFloatRule() {
        float[] special = {0f, -0f, 1f, -1f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.intBitsToFloat(0xffc00001), Float.intBitsToFloat(0x7f800001),
            1.5f, 1.5000001f, -2.75f, -2.7500002f};
        RandomState r = new RandomState(20);
        float[] values = Arrays.copyOf(special, special.length + 40);
        for (int i = special.length; i < values.length; i++) values[i] = Float.intBitsToFloat((int) r.randint(Integer.MIN_VALUE, Integer.MAX_VALUE));
        for (float v : values) {
            for (float m : values) {
                int expected = v > m || Float.isNaN(v) ? -1 : 0;
                assertEquals(expected, PoolKernels.takes(Float.floatToRawIntBits(v), Float.floatToRawIntBits(m)), v + " over " + m);
            }
        }
    }

    /** PyTorch 1.13's max_pool2d(return_indices=True) on these windows: the last NaN wins, ties keep the first (-0.0 before 0.0). */
    @Test
    void maxPoolingFollowsPyTorchOnNaNAndTies() {
        float nan = Float.NaN;
        float[] x = {1f, nan, 5f, 2f, 2f, nan, -0f, 0f};
        float[] y = new float[2];
        int[] argmax = new int[2];
        PoolKernels.maxForward(x, y, argmax, 1, new ConvGeometry(1, 2, 4, 1, 2, 2, 2, 2, 0, 0));
        assertEquals(true, Float.isNaN(y[0]));
        assertEquals(5f, y[1]);
        assertEquals(5, argmax[0]);
        assertEquals(2, argmax[1]);
        float[] zeros = {-0f, 0f, 0f, -0f, 0f, 0f, 0f, 0f, 0f};
        float[] z = new float[1];
        // a 3x3 window goes through the general loop, a 2x2 one through the unrolled one
        PoolKernels.maxForward(zeros, z, argmax, 1, new ConvGeometry(1, 3, 3, 1, 3, 3, 1, 1, 0, 0));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(z[0]));
        assertEquals(0, argmax[0]);
        PoolKernels.maxForward(zeros, z, argmax, 1, new ConvGeometry(1, 2, 2, 1, 2, 2, 2, 2, 0, 0));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(z[0]));
    }
}
