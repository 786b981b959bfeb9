package dev.trainspec.engine.tensor;

/**
 * The forward sum over a wide input in {@link LinearKernels}' lane order, without vectors: the
 * scalar twin of {@link SimdKernels#forwardLanes}, bit for bit. Sixteen independent sums also
 * keep a scalar adder busy, so this is no slower than one long chain.
 */
final class LaneSums {
    private LaneSums() {}

    /**
     * y[r, o] = lane-order sum over i of x[r, i] w[o, i] (+ b[o]), input row r at x[rows[r], :]
     * (x[r, :] when rows is null); requires in >= LANES.
     */
    static void forward(float[] x, int[] rows, float[] w, float[] b, float[] y, int batch, int in, int out) {
        int blocks = in - in % LinearKernels.LANES;
        for (int r = 0; r < batch; r++) {
            int xRow = LinearKernels.rowStart(rows, r, in);
            for (int o = 0; o < out; o++) {
                int wRow = o * in;
                float p0 = 0f, p1 = 0f, p2 = 0f, p3 = 0f, p4 = 0f, p5 = 0f, p6 = 0f, p7 = 0f;
                float p8 = 0f, p9 = 0f, p10 = 0f, p11 = 0f, p12 = 0f, p13 = 0f, p14 = 0f, p15 = 0f;
                for (int i = 0; i < blocks; i += LinearKernels.LANES) {
                    int xi = xRow + i, wi = wRow + i;
                    p0 += x[xi] * w[wi];
                    p1 += x[xi + 1] * w[wi + 1];
                    p2 += x[xi + 2] * w[wi + 2];
                    p3 += x[xi + 3] * w[wi + 3];
                    p4 += x[xi + 4] * w[wi + 4];
                    p5 += x[xi + 5] * w[wi + 5];
                    p6 += x[xi + 6] * w[wi + 6];
                    p7 += x[xi + 7] * w[wi + 7];
                    p8 += x[xi + 8] * w[wi + 8];
                    p9 += x[xi + 9] * w[wi + 9];
                    p10 += x[xi + 10] * w[wi + 10];
                    p11 += x[xi + 11] * w[wi + 11];
                    p12 += x[xi + 12] * w[wi + 12];
                    p13 += x[xi + 13] * w[wi + 13];
                    p14 += x[xi + 14] * w[wi + 14];
                    p15 += x[xi + 15] * w[wi + 15];
                }
                float s = fold(p0 + p8, p1 + p9, p2 + p10, p3 + p11, p4 + p12, p5 + p13, p6 + p14, p7 + p15);
                for (int i = blocks; i < in; i++) s += x[xRow + i] * w[wRow + i];
                y[r * out + o] = b == null ? s : s + b[o];
            }
        }
    }

    /**
     * The sixteen partial sums p_l folded into one, given t_l = p_l + p_(l+8): a pairwise tree
     * (u_l = t_l + t_(l+4), then (u_0 + u_2) + (u_1 + u_3)), which is what a vector unit does
     * cheaply and which rounds less than a chain.
     */
    static float fold(float t0, float t1, float t2, float t3, float t4, float t5, float t6, float t7) {
        float u0 = t0 + t4;
        float u1 = t1 + t5;
        float u2 = t2 + t6;
        float u3 = t3 + t7;
        return (u0 + u2) + (u1 + u3);
    }
}
