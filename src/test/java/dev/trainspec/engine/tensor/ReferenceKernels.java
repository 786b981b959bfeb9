package dev.trainspec.engine.tensor;

/**
 * The order of operations {@link LinearKernels} promises, written as the plainest loops: one
 * element at a time, every sum in its documented order. The fast kernels must give these bits.
 */
final class ReferenceKernels {
    private ReferenceKernels() {}

    /**
     * y[r, o] = ((0 + x[r,0] w[o,0]) + x[r,1] w[o,1] + ...) + b[o] for in < 32; for wider inputs
     * the lane order: p_l = (0 + x[r,l] w[o,l]) + x[r,l+16] w[o,l+16] + ... over whole blocks of
     * 16, t_l = p_l + p_(l+8), u_l = t_l + t_(l+4), s = (u_0 + u_2) + (u_1 + u_3), then the
     * remaining inputs ascending, then + b[o].
     */
    static void forward(float[] x, float[] w, float[] b, float[] y, int batch, int in, int out) {
        for (int r = 0; r < batch; r++) {
            for (int o = 0; o < out; o++) {
                float acc = in < 32 ? sequentialSum(0f, x, r * in, w, o * in, 0, in) : laneSum(x, r * in, w, o * in, in);
                y[r * out + o] = b == null ? acc : acc + b[o];
            }
        }
    }

    /** start + x[r,from] w[o,from] + ... + x[r,to-1] w[o,to-1], left to right. */
    private static float sequentialSum(float start, float[] x, int xRow, float[] w, int wRow, int from, int to) {
        float acc = start;
        for (int i = from; i < to; i++) acc += x[xRow + i] * w[wRow + i];
        return acc;
    }

    private static float laneSum(float[] x, int xRow, float[] w, int wRow, int in) {
        int blocks = in / 16 * 16;
        float[] p = new float[16];
        for (int l = 0; l < 16; l++) {
            for (int i = l; i < blocks; i += 16) p[l] += x[xRow + i] * w[wRow + i];
        }
        float[] t = new float[8];
        for (int l = 0; l < 8; l++) t[l] = p[l] + p[l + 8];
        float[] u = new float[4];
        for (int l = 0; l < 4; l++) u[l] = t[l] + t[l + 4];
        float s = (u[0] + u[2]) + (u[1] + u[3]);
        return sequentialSum(s, x, xRow, w, wRow, blocks, in);
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
