package dev.trainspec.engine.tensor;

/**
 * The matrix products of a fully connected layer over flat row-major float32 arrays.
 *
 * <pre>
 *   x  [batch, in]     input rows
 *   w  [out, in]       weight, PyTorch's layout (y = x W^T + b)
 *   b  [out]           bias (may be null)
 *   y  [batch, out]    output rows
 *   g  [batch, out]    dLoss/dy
 *   dw [out, in]  += g^T x      db [out] += column sums of g      dx [batch, in] = g W
 * </pre>
 *
 * Sums run in float, as PyTorch's CPU kernels do at these sizes, and every element is summed in
 * one fixed order: y[r, o] over i ascending, then + b[o]; dw, db over rows ascending; dx over o
 * ascending. The loops work on {@link #BLOCK} rows (or outputs) at a time only to keep several
 * independent sums in flight (a float sum is a chain of dependent adds); the order within each
 * single sum is the one above, so the bits do not depend on the batch size or on where a row
 * falls in its batch. Inner loops run over contiguous memory without branches.
 */
public final class LinearKernels {
    /** Rows (or outputs) handled together. */
    static final int BLOCK = 4;

    private LinearKernels() {}

    /** y[r, o] = sum_i x[r, i] * w[o, i] (+ b[o]) for the first {@code batch} rows. */
    public static void forward(float[] x, float[] w, float[] b, float[] y, int batch, int in, int out) {
        int r = 0;
        for (; r + BLOCK <= batch; r += BLOCK) {
            int x0 = r * in;
            int x1 = x0 + in;
            int x2 = x1 + in;
            int x3 = x2 + in;
            for (int o = 0; o < out; o++) {
                int wRow = o * in;
                float a0 = 0f;
                float a1 = 0f;
                float a2 = 0f;
                float a3 = 0f;
                for (int i = 0; i < in; i++) {
                    float wi = w[wRow + i];
                    a0 += x[x0 + i] * wi;
                    a1 += x[x1 + i] * wi;
                    a2 += x[x2 + i] * wi;
                    a3 += x[x3 + i] * wi;
                }
                int yAt = r * out + o;
                if (b != null) {
                    float bo = b[o];
                    a0 += bo;
                    a1 += bo;
                    a2 += bo;
                    a3 += bo;
                }
                y[yAt] = a0;
                y[yAt + out] = a1;
                y[yAt + 2 * out] = a2;
                y[yAt + 3 * out] = a3;
            }
        }
        for (; r < batch; r++) {
            int xRow = r * in;
            for (int o = 0; o < out; o++) {
                int wRow = o * in;
                float acc = 0f;
                for (int i = 0; i < in; i++) acc += x[xRow + i] * w[wRow + i];
                y[r * out + o] = b == null ? acc : acc + b[o];
            }
        }
    }

    /** dw[o, i] += sum_r g[r, o] * x[r, i], rows in ascending order. */
    public static void accumulateWeightGrad(float[] g, float[] x, float[] dw, int batch, int in, int out) {
        int r = 0;
        for (; r + BLOCK <= batch; r += BLOCK) {
            int x0 = r * in;
            int x1 = x0 + in;
            int x2 = x1 + in;
            int x3 = x2 + in;
            int g0 = r * out;
            for (int o = 0; o < out; o++) {
                float c0 = g[g0 + o];
                float c1 = g[g0 + out + o];
                float c2 = g[g0 + 2 * out + o];
                float c3 = g[g0 + 3 * out + o];
                int wRow = o * in;
                for (int i = 0; i < in; i++) {
                    dw[wRow + i] = dw[wRow + i] + c0 * x[x0 + i] + c1 * x[x1 + i] + c2 * x[x2 + i] + c3 * x[x3 + i];
                }
            }
        }
        for (; r < batch; r++) {
            int xRow = r * in;
            int gRow = r * out;
            for (int o = 0; o < out; o++) {
                float go = g[gRow + o];
                int wRow = o * in;
                for (int i = 0; i < in; i++) dw[wRow + i] += go * x[xRow + i];
            }
        }
    }

    /** db[o] += sum_r g[r, o], rows in ascending order. */
    public static void accumulateBiasGrad(float[] g, float[] db, int batch, int out) {
        int r = 0;
        for (; r + BLOCK <= batch; r += BLOCK) {
            int g0 = r * out;
            for (int o = 0; o < out; o++) db[o] = db[o] + g[g0 + o] + g[g0 + out + o] + g[g0 + 2 * out + o] + g[g0 + 3 * out + o];
        }
        for (; r < batch; r++) {
            int gRow = r * out;
            for (int o = 0; o < out; o++) db[o] += g[gRow + o];
        }
    }

    /** dx[r, i] = sum_o g[r, o] * w[o, i], outputs in ascending order (overwrites dx's first {@code batch} rows). */
    public static void inputGrad(float[] g, float[] w, float[] dx, int batch, int in, int out) {
        java.util.Arrays.fill(dx, 0, batch * in, 0f);
        for (int r = 0; r < batch; r++) {
            int xRow = r * in;
            int gRow = r * out;
            int o = 0;
            for (; o + BLOCK <= out; o += BLOCK) {
                float c0 = g[gRow + o];
                float c1 = g[gRow + o + 1];
                float c2 = g[gRow + o + 2];
                float c3 = g[gRow + o + 3];
                int w0 = o * in;
                int w1 = w0 + in;
                int w2 = w1 + in;
                int w3 = w2 + in;
                for (int i = 0; i < in; i++) {
                    dx[xRow + i] = dx[xRow + i] + c0 * w[w0 + i] + c1 * w[w1 + i] + c2 * w[w2 + i] + c3 * w[w3 + i];
                }
            }
            for (; o < out; o++) {
                float go = g[gRow + o];
                int wRow = o * in;
                for (int i = 0; i < in; i++) dx[xRow + i] += go * w[wRow + i];
            }
        }
    }
}
