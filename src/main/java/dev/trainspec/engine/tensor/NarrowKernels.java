package dev.trainspec.engine.tensor;

/**
 * {@link LinearKernels}' forward and weight gradient for inputs one or two wide (the first layer
 * of an MLP on 1-D or 2-D toy data, which most scenarios are). The general tiles loop over
 * {@code in}; with one or two iterations that loop costs more than the multiply-adds it holds, so
 * here each row's inputs sit in registers and the loop runs over outputs. Same order of
 * operations, so the same bits, as the general path.
 */
final class NarrowKernels {
    static final int MAX_IN = 2;
    private static final int ROWS = LinearKernels.ROWS;

    private NarrowKernels() {}

    static void forward(float[] x, float[] w, float[] b, float[] y, int batch, int in, int out) {
        if (in == 1) forward1(x, w, b, y, batch, out);
        else forward2(x, w, b, y, batch, out);
    }

    /** y[r, o] = (0 + x[r] w[o]) (+ b[o]). */
    private static void forward1(float[] x, float[] w, float[] b, float[] y, int batch, int out) {
        for (int r = 0; r < batch; r++) {
            float p = x[r];
            int at = r * out;
            if (b != null) for (int o = 0; o < out; o++) y[at + o] = (0f + p * w[o]) + b[o];
            else for (int o = 0; o < out; o++) y[at + o] = 0f + p * w[o];
        }
    }

    /** y[r, o] = ((0 + x[r,0] w[o,0]) + x[r,1] w[o,1]) (+ b[o]), four rows per pass over w. */
    private static void forward2(float[] x, float[] w, float[] b, float[] y, int batch, int out) {
        int r = 0;
        for (; r + ROWS <= batch; r += ROWS) {
            int xr = 2 * r;
            float p0 = x[xr], q0 = x[xr + 1], p1 = x[xr + 2], q1 = x[xr + 3];
            float p2 = x[xr + 4], q2 = x[xr + 5], p3 = x[xr + 6], q3 = x[xr + 7];
            int at = r * out;
            for (int o = 0; o < out; o++) {
                float u = w[2 * o];
                float v = w[2 * o + 1];
                float a0 = (0f + p0 * u) + q0 * v;
                float a1 = (0f + p1 * u) + q1 * v;
                float a2 = (0f + p2 * u) + q2 * v;
                float a3 = (0f + p3 * u) + q3 * v;
                if (b != null) {
                    float bo = b[o];
                    a0 += bo;
                    a1 += bo;
                    a2 += bo;
                    a3 += bo;
                }
                y[at + o] = a0;
                y[at + out + o] = a1;
                y[at + 2 * out + o] = a2;
                y[at + 3 * out + o] = a3;
            }
        }
        for (; r < batch; r++) {
            float p = x[2 * r];
            float q = x[2 * r + 1];
            int at = r * out;
            for (int o = 0; o < out; o++) {
                float a = (0f + p * w[2 * o]) + q * w[2 * o + 1];
                y[at + o] = b == null ? a : a + b[o];
            }
        }
    }

    /** dw[o, i] += g[r, o] x[r, i] over rows ascending, four rows per pass over dw. */
    static void accumulateWeightGrad(float[] g, float[] x, float[] dw, int batch, int in, int out) {
        int r = 0;
        for (; r + ROWS <= batch; r += ROWS) {
            int g0 = r * out;
            int g1 = g0 + out;
            int g2 = g1 + out;
            int g3 = g2 + out;
            if (in == 1) {
                float p0 = x[r], p1 = x[r + 1], p2 = x[r + 2], p3 = x[r + 3];
                for (int o = 0; o < out; o++) dw[o] = dw[o] + g[g0 + o] * p0 + g[g1 + o] * p1 + g[g2 + o] * p2 + g[g3 + o] * p3;
            } else {
                int xr = 2 * r;
                float p0 = x[xr], q0 = x[xr + 1], p1 = x[xr + 2], q1 = x[xr + 3];
                float p2 = x[xr + 4], q2 = x[xr + 5], p3 = x[xr + 6], q3 = x[xr + 7];
                for (int o = 0; o < out; o++) {
                    float c0 = g[g0 + o], c1 = g[g1 + o], c2 = g[g2 + o], c3 = g[g3 + o];
                    int at = 2 * o;
                    dw[at] = dw[at] + c0 * p0 + c1 * p1 + c2 * p2 + c3 * p3;
                    dw[at + 1] = dw[at + 1] + c0 * q0 + c1 * q1 + c2 * q2 + c3 * q3;
                }
            }
        }
        for (; r < batch; r++) {
            int xRow = r * in;
            int gRow = r * out;
            for (int o = 0; o < out; o++) {
                float go = g[gRow + o];
                for (int i = 0; i < in; i++) dw[o * in + i] += go * x[xRow + i];
            }
        }
    }
}
