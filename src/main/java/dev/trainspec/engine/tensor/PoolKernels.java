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
                                float v = x[row + start + kx];
                                int take = mask(v, Float.intBitsToFloat(max));
                                max = take & Float.floatToRawIntBits(v) | ~take & max;
                                arg = take & (start + kx) | ~take & arg;
                            }
                        }
                        y[at] = Float.intBitsToFloat(max);
                        argmax[at] = arg;
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
        int in = g.inSize();
        int h = g.h();
        int w = g.w();
        int oh = g.oh();
        int ow = g.ow();
        int at = 0;
        for (int r = 0; r < batch; r++) {
            int row = r * in;
            for (int ch = 0; ch < g.c(); ch++) {
                for (int oy = 0; oy < oh; oy++) {
                    int top = ch * h * w + 2 * oy * w;
                    for (int ox = 0; ox < ow; ox++, at++) {
                        int i0 = top + 2 * ox;
                        int i2 = i0 + w;
                        float v0 = x[row + i0];
                        float v1 = x[row + i0 + 1];
                        float v2 = x[row + i2];
                        float v3 = x[row + i2 + 1];
                        int t01 = mask(v1, v0);
                        int m01 = t01 & Float.floatToRawIntBits(v1) | ~t01 & Float.floatToRawIntBits(v0);
                        int t23 = mask(v3, v2);
                        int m23 = t23 & Float.floatToRawIntBits(v3) | ~t23 & Float.floatToRawIntBits(v2);
                        int t = mask(Float.intBitsToFloat(m23), Float.intBitsToFloat(m01));
                        y[at] = Float.intBitsToFloat(t & m23 | ~t & m01);
                        argmax[at] = t & (i2 - t23) | ~t & (i0 - t01);
                    }
                }
            }
        }
    }

    /** -1 when PyTorch's max pooling takes v over the current max (v > max, or v is NaN), else 0. */
    private static int mask(float v, float max) {
        return -((v > max ? 1 : 0) | (v != v ? 1 : 0));
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
