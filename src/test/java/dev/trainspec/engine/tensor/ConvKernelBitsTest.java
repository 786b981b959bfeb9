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

    /** dw[o, j] += each product in turn, rows then positions ascending (LinearKernels' "dw over rows ascending"). */
    private static float[] directWeightGrad(float[] gy, float[] x, int batch, ConvGeometry g) {
        float[] dw = new float[g.outC() * g.patch()];
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
            assertSameBits(g + " weight gradient", directWeightGrad(gy, x, batch, g), dw);
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
