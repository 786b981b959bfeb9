package dev.trainspec.engine.tensor;

/**
 * A 2-D convolution (PyTorch's cross-correlation) over a batch, one row at a time through an
 * im2col buffer, as PyTorch's slow_conv2d does:
 *
 * <pre>
 *   x   [batch, C, H, W]          input rows
 *   w   [O, C, KH, KW] = [O, K]   weight, K = C * KH * KW
 *   b   [O]                       bias (may be null)
 *   col [K, P]                    one row's patches, P = OH * OW: col[k, p] = x[c, oy*sh + ky - ph, ox*sw + kx - pw] or 0
 *   y   [batch, O, P]             y[o, p] = sum_k w[o, k] col[k, p] (+ b[o])
 *   g   [batch, O, P]             dLoss/dy
 *   dw [O, K] += g col^T     db [O] += sum_p g     dx = col2im(w^T g)
 * </pre>
 *
 * Every sum has one order that depends only on the geometry: y from 0 over k ascending, then +
 * b; dw and db over rows ascending, within a row over p ascending; dx's patch gradient over o
 * ascending, scattered over k then p ascending. The inner loops run over p with independent
 * elements (no reduction), which the JIT may vectorise without changing a bit, so there is no
 * separate vector path to keep in step. The caller owns the col/dcol buffers (K * P floats each):
 * nothing is allocated here.
 */
public final class ConvKernels {
    private ConvKernels() {}

    /** y = conv(x, w) + b for the first {@code batch} rows. */
    public static void forward(float[] x, float[] w, float[] b, float[] y, int batch, ConvGeometry g, float[] col) {
        int k = g.patch();
        int p = g.positions();
        int in = g.inSize();
        int out = g.outSize();
        for (int r = 0; r < batch; r++) {
            im2col(x, r * in, g, col);
            int yr = r * out;
            for (int o = 0; o < g.outC(); o++) {
                int yo = yr + o * p;
                java.util.Arrays.fill(y, yo, yo + p, 0f);
                int wo = o * k;
                for (int j = 0; j < k; j++) {
                    float wj = w[wo + j];
                    int cj = j * p;
                    for (int q = 0; q < p; q++) y[yo + q] += wj * col[cj + q];
                }
                if (b != null) {
                    float bo = b[o];
                    for (int q = 0; q < p; q++) y[yo + q] += bo;
                }
            }
        }
    }

    /** dw += g col^T and (when db is not null) db += row sums of g, over the first {@code batch} rows. */
    public static void accumulateParamGrads(float[] gy, float[] x, float[] dw, float[] db, int batch, ConvGeometry g, float[] col) {
        int k = g.patch();
        int p = g.positions();
        int in = g.inSize();
        int out = g.outSize();
        for (int r = 0; r < batch; r++) {
            im2col(x, r * in, g, col);
            for (int o = 0; o < g.outC(); o++) {
                int go = r * out + o * p;
                int wo = o * k;
                for (int j = 0; j < k; j++) {
                    int cj = j * p;
                    float s = 0f;
                    for (int q = 0; q < p; q++) s += gy[go + q] * col[cj + q];
                    dw[wo + j] += s;
                }
                if (db != null) {
                    float s = 0f;
                    for (int q = 0; q < p; q++) s += gy[go + q];
                    db[o] += s;
                }
            }
        }
    }

    /** dx = col2im(w^T g) for the first {@code batch} rows (dx is overwritten). */
    public static void inputGrad(float[] gy, float[] w, float[] dx, int batch, ConvGeometry g, float[] dcol) {
        int k = g.patch();
        int p = g.positions();
        int in = g.inSize();
        int out = g.outSize();
        for (int r = 0; r < batch; r++) {
            java.util.Arrays.fill(dcol, 0, k * p, 0f);
            for (int o = 0; o < g.outC(); o++) {
                int go = r * out + o * p;
                int wo = o * k;
                for (int j = 0; j < k; j++) {
                    float wj = w[wo + j];
                    int cj = j * p;
                    for (int q = 0; q < p; q++) dcol[cj + q] += wj * gy[go + q];
                }
            }
            col2im(dcol, dx, r * in, g);
        }
    }

    /** col[k, p] for one row starting at {@code off}; padding reads as 0. */
    static void im2col(float[] x, int off, ConvGeometry g, float[] col) {
        int oh = g.oh();
        int ow = g.ow();
        int p = oh * ow;
        int j = 0;
        for (int c = 0; c < g.c(); c++) {
            for (int ky = 0; ky < g.kh(); ky++) {
                for (int kx = 0; kx < g.kw(); kx++, j++) {
                    int cj = j * p;
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * g.sh() + ky - g.ph();
                        int dst = cj + oy * ow;
                        if (iy < 0 || iy >= g.h()) {
                            java.util.Arrays.fill(col, dst, dst + ow, 0f);
                            continue;
                        }
                        int src = off + (c * g.h() + iy) * g.w();
                        for (int ox = 0; ox < ow; ox++) {
                            int ix = ox * g.sw() + kx - g.pw();
                            col[dst + ox] = ix < 0 || ix >= g.w() ? 0f : x[src + ix];
                        }
                    }
                }
            }
        }
    }

    /** dx[row at off] = the patches' gradients summed back onto the input positions they were read from. */
    static void col2im(float[] dcol, float[] dx, int off, ConvGeometry g) {
        java.util.Arrays.fill(dx, off, off + g.inSize(), 0f);
        int oh = g.oh();
        int ow = g.ow();
        int p = oh * ow;
        int j = 0;
        for (int c = 0; c < g.c(); c++) {
            for (int ky = 0; ky < g.kh(); ky++) {
                for (int kx = 0; kx < g.kw(); kx++, j++) {
                    int cj = j * p;
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * g.sh() + ky - g.ph();
                        if (iy < 0 || iy >= g.h()) continue;
                        int dst = off + (c * g.h() + iy) * g.w();
                        int src = cj + oy * ow;
                        for (int ox = 0; ox < ow; ox++) {
                            int ix = ox * g.sw() + kx - g.pw();
                            if (ix >= 0 && ix < g.w()) dx[dst + ix] += dcol[src + ox];
                        }
                    }
                }
            }
        }
    }
}
