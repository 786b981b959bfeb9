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
 * Every inner loop runs over contiguous memory without branches so that C2 can vectorise it;
 * the backward products are written as axpy updates (a scalar times a row added to a row), the
 * forward product as a dot product of two contiguous rows. Sums run in float, as PyTorch's CPU
 * kernels do at these sizes, in a fixed order: the same inputs give the same bits.
 */
public final class LinearKernels {
    private LinearKernels() {}

    /** y[r, o] = b[o] + sum_i x[r, i] * w[o, i] for the first {@code batch} rows. */
    public static void forward(float[] x, float[] w, float[] b, float[] y, int batch, int in, int out) {
        for (int r = 0; r < batch; r++) {
            int xRow = r * in;
            int yRow = r * out;
            for (int o = 0; o < out; o++) {
                int wRow = o * in;
                float acc = 0f;
                for (int i = 0; i < in; i++) acc += x[xRow + i] * w[wRow + i];
                y[yRow + o] = b == null ? acc : acc + b[o];
            }
        }
    }

    /** dw[o, i] += sum_r g[r, o] * x[r, i]. */
    public static void accumulateWeightGrad(float[] g, float[] x, float[] dw, int batch, int in, int out) {
        for (int r = 0; r < batch; r++) {
            int xRow = r * in;
            int gRow = r * out;
            for (int o = 0; o < out; o++) {
                float go = g[gRow + o];
                int wRow = o * in;
                for (int i = 0; i < in; i++) dw[wRow + i] += go * x[xRow + i];
            }
        }
    }

    /** db[o] += sum_r g[r, o]. */
    public static void accumulateBiasGrad(float[] g, float[] db, int batch, int out) {
        for (int r = 0; r < batch; r++) {
            int gRow = r * out;
            for (int o = 0; o < out; o++) db[o] += g[gRow + o];
        }
    }

    /** dx[r, i] = sum_o g[r, o] * w[o, i] (overwrites dx's first {@code batch} rows). */
    public static void inputGrad(float[] g, float[] w, float[] dx, int batch, int in, int out) {
        java.util.Arrays.fill(dx, 0, batch * in, 0f);
        for (int r = 0; r < batch; r++) {
            int xRow = r * in;
            int gRow = r * out;
            for (int o = 0; o < out; o++) {
                float go = g[gRow + o];
                int wRow = o * in;
                for (int i = 0; i < in; i++) dx[xRow + i] += go * w[wRow + i];
            }
        }
    }
}
