package dev.trainspec.engine.tensor;

/**
 * The order of operations {@link LinearKernels} promises, written as the plainest loops: one
 * element at a time, every sum in its documented order. The fast kernels must give these bits.
 */
final class ReferenceKernels {
    private ReferenceKernels() {}

    /** y[r, o] = ((0 + x[r,0] w[o,0]) + x[r,1] w[o,1] + ...) + b[o]. */
    static void forward(float[] x, float[] w, float[] b, float[] y, int batch, int in, int out) {
        for (int r = 0; r < batch; r++) {
            for (int o = 0; o < out; o++) {
                float acc = 0f;
                for (int i = 0; i < in; i++) acc += x[r * in + i] * w[o * in + i];
                y[r * out + o] = b == null ? acc : acc + b[o];
            }
        }
    }

    /** dw[o, i] += g[0,o] x[0,i], then += g[1,o] x[1,i], ... (rows ascending). */
    static void accumulateWeightGrad(float[] g, float[] x, float[] dw, int batch, int in, int out) {
        for (int r = 0; r < batch; r++) {
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) dw[o * in + i] += g[r * out + o] * x[r * in + i];
            }
        }
    }

    /** db[o] += g[0,o], then += g[1,o], ... */
    static void accumulateBiasGrad(float[] g, float[] db, int batch, int out) {
        for (int r = 0; r < batch; r++) for (int o = 0; o < out; o++) db[o] += g[r * out + o];
    }

    /** dx[r, i] = (0 + g[r,0] w[0,i]) + g[r,1] w[1,i] + ... (outputs ascending). */
    static void inputGrad(float[] g, float[] w, float[] dx, int batch, int in, int out) {
        for (int r = 0; r < batch; r++) {
            for (int i = 0; i < in; i++) {
                float acc = 0f;
                for (int o = 0; o < out; o++) acc += g[r * out + o] * w[o * in + i];
                dx[r * in + i] = acc;
            }
        }
    }
}
