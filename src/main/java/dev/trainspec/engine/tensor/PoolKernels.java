package dev.trainspec.engine.tensor;

/**
 * max_pool2d and avg_pool2d without padding (ceil_mode false) over [batch, C, H, W] rows, the
 * window and output sizes of a {@link ConvGeometry} whose outC equals c.
 *
 * <pre>
 *   x [batch, C, H, W]  ->  y [batch, C, OH, OW]
 *   max: y = the window's largest value, the first in row-major order on ties, NaN if any is NaN
 *        (the last NaN: PyTorch's CPU rule "val > max || isnan(val)"); argmax keeps its input offset in the row
 *   avg: y = (sum of the window, row-major from 0) / (kh * kw)
 * </pre>
 * Backward accumulates into dx (zeroed first), so overlapping windows (stride &lt; kernel) add up.
 */
public final class PoolKernels {
    private PoolKernels() {}

    /** {@code argmax} may be null when no backward follows (evaluation): the offsets are then not stored. */
    public static void maxForward(float[] x, float[] y, int[] argmax, int batch, ConvGeometry g) {
        if (g.kh() == 2 && g.kw() == 2 && g.sh() == 2 && g.sw() == 2) {
            maxForward2x2(x, y, argmax, batch, g);
            return;
        }
        int in = g.inSize();
        int c = g.c();
        int h = g.h();
        int w = g.w();
        int oh = g.oh();
        int ow = g.ow();
        int kh = g.kh();
        int kw = g.kw();
        int sh = g.sh();
        int sw = g.sw();
        int at = 0;
        for (int r = 0; r < batch; r++) {
            int row = r * in;
            for (int ch = 0; ch < c; ch++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++, at++) {
                        int best = ch * h * w + oy * sh * w + ox * sw;
                        int max = Float.floatToRawIntBits(x[row + best]);
                        int arg = best;
                        for (int ky = 0; ky < kh; ky++) {
                            int start = best + ky * w;
                            for (int kx = 0; kx < kw; kx++) {
                                int v = Float.floatToRawIntBits(x[row + start + kx]);
                                int take = takes(v, max);
                                max = take & v | ~take & max;
                                arg = take & (start + kx) | ~take & arg;
                            }
                        }
                        y[at] = Float.intBitsToFloat(max);
                        if (argmax != null) argmax[at] = arg;
                    }
                }
            }
        }
    }

    /**
     * The common 2x2 window with stride 2, unrolled, choosing with bit masks instead of branches
     * (on real activations which of four values wins is unpredictable, and a mispredicted branch
     * per comparison cost more than the rest). PyTorch's rule "take v when v > max or v is NaN"
     * is associative (the result is the first largest value, or the last NaN), so the window is
     * reduced as a tree, each row's pair and then the two winners, with the visiting order kept
     * inside every comparison: the same value and offset as the sequential loop, with half the
     * dependent steps.
     */
    private static void maxForward2x2(float[] x, float[] y, int[] argmax, int batch, ConvGeometry g) {
        int[] corner = corners2x2(g);
        if (Simd.ready() && SimdPoolKernels.applies(g)) {
            SimdPoolKernels.maxForward2x2(x, y, argmax, batch, g, corner);
            return;
        }
        int n = g.outSize();
        for (int r = 0, at = 0; r < batch; r++) {
            int row = r * g.inSize();
            for (int q = 0; q < n; q++, at++) window2x2(x, row, corner[q], g.w(), y, argmax, at);
        }
    }

    /** One 2x2 window with its top-left at row + i0 (rows w apart) into y[at] and, unless null, argmax[at]. */
    static void window2x2(float[] x, int row, int i0, int w, float[] y, int[] argmax, int at) {
        int i2 = i0 + w;
        int v0 = Float.floatToRawIntBits(x[row + i0]);
        int v1 = Float.floatToRawIntBits(x[row + i0 + 1]);
        int v2 = Float.floatToRawIntBits(x[row + i2]);
        int v3 = Float.floatToRawIntBits(x[row + i2 + 1]);
        int t01 = takes(v1, v0);
        int m01 = t01 & v1 | ~t01 & v0;
        int t23 = takes(v3, v2);
        int m23 = t23 & v3 | ~t23 & v2;
        int t = takes(m23, m01);
        y[at] = Float.intBitsToFloat(t & m23 | ~t & m01);
        if (argmax != null) argmax[at] = t & (i2 - t23) | ~t & (i0 - t01);
    }

    /** Top-left offsets of a row's 2x2 stride-2 windows in output order, per thread, grown to the largest layer seen. */
    private static final ThreadLocal<int[]> CORNERS = ThreadLocal.withInitial(() -> new int[0]);

    /**
     * The top-left offset in a row of each 2x2 stride-2 window, in output order: the same for every
     * row, so worked out once a call, and the row loops run over windows without nested loops of
     * ow or oh * ow (say 3 or 9) iterations, which cost more in loop overhead than in work.
     */
    static int[] corners2x2(ConvGeometry g) {
        int[] corner = CORNERS.get();
        if (corner.length < g.outSize()) {
            corner = new int[g.outSize()];
            CORNERS.set(corner);
        }
        int q = 0;
        for (int c = 0; c < g.c(); c++) {
            for (int oy = 0; oy < g.oh(); oy++) {
                for (int ox = 0; ox < g.ow(); ox++) corner[q++] = (c * g.h() + 2 * oy) * g.w() + 2 * ox;
            }
        }
        return corner;
    }

    /**
     * -1 when PyTorch's max pooling takes v over the current max m (v &gt; m, or v is NaN), else 0,
     * on raw float bits with integer operations only: C2 compiles a float comparison into a
     * branch, and on real activations that branch is mispredicted about half the time.
     */
    static int takes(int v, int m) {
        int nanV = (0x7f800000 - (v & 0x7fffffff)) >> 31;
        int nanM = (0x7f800000 - (m & 0x7fffffff)) >> 31;
        int greater = (int) (((long) order(m) - order(v)) >> 63);
        return greater & ~nanM | nanV;
    }

    /** A signed integer in the order of the (non-NaN) float with these bits, -0 and +0 alike: the magnitude, negated for negative floats. */
    private static int order(int bits) {
        int sign = bits >> 31;
        return (bits ^ sign & 0x7fffffff) - sign;
    }

    public static void maxBackward(float[] gy, int[] argmax, float[] dx, int batch, ConvGeometry g) {
        int in = g.inSize();
        int out = g.c() * g.oh() * g.ow();
        java.util.Arrays.fill(dx, 0, batch * in, 0f);
        for (int r = 0; r < batch; r++) {
            for (int q = 0; q < out; q++) dx[r * in + argmax[r * out + q]] += gy[r * out + q];
        }
    }

    public static void avgForward(float[] x, float[] y, int batch, ConvGeometry g) {
        int in = g.inSize();
        int oh = g.oh();
        int ow = g.ow();
        int out = g.c() * oh * ow;
        float count = g.kh() * g.kw();
        for (int r = 0; r < batch; r++) {
            for (int c = 0; c < g.c(); c++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        float s = 0f;
                        for (int ky = 0; ky < g.kh(); ky++) {
                            int rowStart = r * in + c * g.h() * g.w() + (oy * g.sh() + ky) * g.w() + ox * g.sw();
                            for (int kx = 0; kx < g.kw(); kx++) s += x[rowStart + kx];
                        }
                        y[r * out + (c * oh + oy) * ow + ox] = s / count;
                    }
                }
            }
        }
    }

    public static void avgBackward(float[] gy, float[] dx, int batch, ConvGeometry g) {
        int in = g.inSize();
        int oh = g.oh();
        int ow = g.ow();
        int out = g.c() * oh * ow;
        float count = g.kh() * g.kw();
        java.util.Arrays.fill(dx, 0, batch * in, 0f);
        for (int r = 0; r < batch; r++) {
            for (int c = 0; c < g.c(); c++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        float share = gy[r * out + (c * oh + oy) * ow + ox] / count;
                        for (int ky = 0; ky < g.kh(); ky++) {
                            int rowStart = r * in + c * g.h() * g.w() + (oy * g.sh() + ky) * g.w() + ox * g.sw();
                            for (int kx = 0; kx < g.kw(); kx++) dx[rowStart + kx] += share;
                        }
                    }
                }
            }
        }
    }
}
