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
 * one fixed order that depends only on the layer's shape:
 * <ul>
 *   <li>y[r, o] for in &lt; {@link #LANE_MIN_IN}: from 0 over i ascending, then + b[o];</li>
 *   <li>y[r, o] for in &gt;= {@link #LANE_MIN_IN} (the lane order): sixteen partial sums p_l over
 *       i = l, l + 16, l + 32, ... ascending, each from 0, covering the whole blocks of sixteen
 *       inputs; then t_l = p_l + p_(l+8), u_l = t_l + t_(l+4), (u_0 + u_2) + (u_1 + u_3); then the
 *       inputs after the last whole block, ascending; then + b[o]. That is the order a vector
 *       unit sums in, so wide layers run on vectors and keep these bits on any machine;</li>
 *   <li>dw, db over rows ascending; dx from 0 over o ascending.</li>
 * </ul>
 * So the bits depend neither on the batch size, nor on where a row falls in its batch, nor on
 * which path ran ({@code ReferenceKernels} in the tests holds the plain loops they are compared
 * with): {@link SimdKernels} when {@link Simd#ready} and the layer is wide ({@link
 * SimdNarrowKernels} when it has one or two inputs and many outputs), the scalar tiles below
 * otherwise. The scalar loops work on a tile of {@link #ROWS} rows by two outputs (or four
 * outputs) only to keep several independent sums in flight and to reuse each loaded value: a
 * float sum is a chain of dependent adds, and at the widths of small MLPs (2, 16) the gain comes
 * from registers, not SIMD. Inputs one or two wide (most 2-D toy data) have their own paths in
 * {@link NarrowKernels}, where a loop over {@code in} would cost more than its body.
 */
public final class LinearKernels {
    /** Rows handled together. */
    static final int ROWS = 4;
    /** Partial sums of the lane order. */
    static final int LANES = 16;
    /** The narrowest input summed in the lane order (narrower sums would be mostly tail). */
    static final int LANE_MIN_IN = 2 * LANES;

    private LinearKernels() {}

    /** y[r, o] = sum_i x[r, i] * w[o, i] (+ b[o]) for the first {@code batch} rows. */
    public static void forward(float[] x, float[] w, float[] b, float[] y, int batch, int in, int out) {
        if (in <= NarrowKernels.MAX_IN) {
            if (Simd.ready() && out >= SimdNarrowKernels.MIN_OUT) SimdNarrowKernels.forward(x, w, b, y, batch, in, out);
            else NarrowKernels.forward(x, w, b, y, batch, in, out);
            return;
        }
        if (in >= LANE_MIN_IN) {
            if (Simd.ready()) SimdKernels.forwardLanes(x, w, b, y, batch, in, out);
            else LaneSums.forward(x, null, w, b, y, batch, in, out);
            return;
        }
        int r = 0;
        for (; r + ROWS <= batch; r += ROWS) {
            int o = 0;
            for (; o + 2 <= out; o += 2) forwardTile(x, w, b, y, r, o, in, out);
            if (o < out) forwardColumn(x, w, b, y, r, o, in, out);
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

    /**
     * {@link #forward} with input row r read at x[rows[r], :], where it lies in a larger matrix,
     * instead of from a gathered copy: the same sums in the same order (the lane order), so the
     * same bits as forward on the copy. Requires {@link #readsRows}.
     */
    public static void forwardRows(float[] x, int[] rows, float[] w, float[] b, float[] y, int batch, int in, int out) {
        if (!readsRows(in)) throw new IllegalArgumentException("forwardRows needs in >= " + LANE_MIN_IN + ", got " + in);
        if (Simd.ready()) SimdKernels.forwardLanes(x, rows, w, b, y, batch, in, out);
        else LaneSums.forward(x, rows, w, b, y, batch, in, out);
    }

    /** Whether {@link #forwardRows} takes inputs this wide: those summed in the lane order. */
    public static boolean readsRows(int in) {
        return in >= LANE_MIN_IN;
    }

    /**
     * Whether a training step should read its batch's rows where they lie ({@link #forwardRows},
     * {@link #accumulateWeightGradRows}) rather than from a gathered copy: the same bits either
     * way, so a question of speed only. On the vector kernels reading in place saved 6-17% of an
     * epoch's CPU on one thread (250k x 512, load 7-9); the scalar lane sums, which read memory
     * more slowly than the copy does, took 16% more (287 against 245 ms), so they keep the copy.
     */
    public static boolean trainsOnRows(int in) {
        return readsRows(in) && Simd.ready();
    }

    /** Where input row r starts: at rows[r] of the matrix, or at r when rows is null. */
    static int rowStart(int[] rows, int r, int in) {
        return (rows == null ? r : rows[r]) * in;
    }

    /** Four rows by two outputs: eight sums, each x and w value loaded once. */
    private static void forwardTile(float[] x, float[] w, float[] b, float[] y, int r, int o, int in, int out) {
        int x0 = r * in;
        int x1 = x0 + in;
        int x2 = x1 + in;
        int x3 = x2 + in;
        int wa = o * in;
        int wb = wa + in;
        float a0 = 0f, a1 = 0f, a2 = 0f, a3 = 0f;
        float c0 = 0f, c1 = 0f, c2 = 0f, c3 = 0f;
        for (int i = 0; i < in; i++) {
            float u = w[wa + i];
            float v = w[wb + i];
            float p0 = x[x0 + i], p1 = x[x1 + i], p2 = x[x2 + i], p3 = x[x3 + i];
            a0 += p0 * u;
            a1 += p1 * u;
            a2 += p2 * u;
            a3 += p3 * u;
            c0 += p0 * v;
            c1 += p1 * v;
            c2 += p2 * v;
            c3 += p3 * v;
        }
        if (b != null) {
            float ba = b[o];
            float bb = b[o + 1];
            a0 += ba;
            a1 += ba;
            a2 += ba;
            a3 += ba;
            c0 += bb;
            c1 += bb;
            c2 += bb;
            c3 += bb;
        }
        int at = r * out + o;
        y[at] = a0;
        y[at + 1] = c0;
        at += out;
        y[at] = a1;
        y[at + 1] = c1;
        at += out;
        y[at] = a2;
        y[at + 1] = c2;
        at += out;
        y[at] = a3;
        y[at + 1] = c3;
    }

    /** Four rows by one output (the last of an odd count). */
    private static void forwardColumn(float[] x, float[] w, float[] b, float[] y, int r, int o, int in, int out) {
        int x0 = r * in;
        int x1 = x0 + in;
        int x2 = x1 + in;
        int x3 = x2 + in;
        int wRow = o * in;
        float a0 = 0f, a1 = 0f, a2 = 0f, a3 = 0f;
        for (int i = 0; i < in; i++) {
            float wi = w[wRow + i];
            a0 += x[x0 + i] * wi;
            a1 += x[x1 + i] * wi;
            a2 += x[x2 + i] * wi;
            a3 += x[x3 + i] * wi;
        }
        if (b != null) {
            float bo = b[o];
            a0 += bo;
            a1 += bo;
            a2 += bo;
            a3 += bo;
        }
        int at = r * out + o;
        y[at] = a0;
        y[at + out] = a1;
        y[at + 2 * out] = a2;
        y[at + 3 * out] = a3;
    }

    /** dw[o, i] += sum_r g[r, o] * x[r, i], rows in ascending order. */
    public static void accumulateWeightGrad(float[] g, float[] x, float[] dw, int batch, int in, int out) {
        if (in <= NarrowKernels.MAX_IN) {
            if (Simd.ready() && out >= SimdNarrowKernels.MIN_OUT) SimdNarrowKernels.accumulateWeightGrad(g, x, dw, batch, in, out);
            else NarrowKernels.accumulateWeightGrad(g, x, dw, batch, in, out);
            return;
        }
        if (Simd.ready() && in >= SimdKernels.MIN_WIDTH) SimdKernels.accumulateWeightGrad(g, x, dw, batch, in, out);
        else accumulateWeightGradScalar(g, x, dw, batch, in, out);
    }

    /**
     * {@link #accumulateWeightGrad} with input row r read at x[rows[r], :], where it lies in a
     * larger matrix, instead of from a gathered copy: the same sums in the same order (rows
     * ascending), so the same bits. The training step's twin of {@link #forwardRows}: a batch of a
     * wide first layer is then never copied. Requires {@link #readsRows}.
     */
    public static void accumulateWeightGradRows(float[] g, float[] x, int[] rows, float[] dw, int batch, int in, int out) {
        if (!readsRows(in)) throw new IllegalArgumentException("accumulateWeightGradRows needs in >= " + LANE_MIN_IN + ", got " + in);
        if (Simd.ready()) SimdKernels.accumulateWeightGrad(g, x, rows, dw, batch, in, out);
        else accumulateWeightGradScalar(g, x, rows, dw, batch, in, out);
    }

    /** The scalar path of {@link #accumulateWeightGrad} for in > 2. */
    static void accumulateWeightGradScalar(float[] g, float[] x, float[] dw, int batch, int in, int out) {
        accumulateWeightGradScalar(g, x, null, dw, batch, in, out);
    }

    /** The same with input row r at x[rows[r], :] (x[r, :] when rows is null). */
    static void accumulateWeightGradScalar(float[] g, float[] x, int[] rows, float[] dw, int batch, int in, int out) {
        int r = 0;
        for (; r + ROWS <= batch; r += ROWS) {
            int x0 = rowStart(rows, r, in);
            int x1 = rowStart(rows, r + 1, in);
            int x2 = rowStart(rows, r + 2, in);
            int x3 = rowStart(rows, r + 3, in);
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
            int xRow = rowStart(rows, r, in);
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
        if (Simd.ready() && out >= SimdKernels.MIN_WIDTH) SimdKernels.accumulateBiasGrad(g, db, batch, out);
        else accumulateBiasGradScalar(g, db, batch, out);
    }

    /** The scalar path of {@link #accumulateBiasGrad}. */
    static void accumulateBiasGradScalar(float[] g, float[] db, int batch, int out) {
        int r = 0;
        for (; r + ROWS <= batch; r += ROWS) {
            int g0 = r * out;
            for (int o = 0; o < out; o++) db[o] = db[o] + g[g0 + o] + g[g0 + out + o] + g[g0 + 2 * out + o] + g[g0 + 3 * out + o];
        }
        for (; r < batch; r++) {
            int gRow = r * out;
            for (int o = 0; o < out; o++) db[o] += g[gRow + o];
        }
    }

    /**
     * dx[r, i] = sum_o g[r, o] * w[o, i], outputs in ascending order (overwrites dx's first
     * {@code batch} rows). Outputs are taken four (then two, then one) at a time, so each dx
     * element is read and written once per group; the first group starts its sums from 0.
     */
    public static void inputGrad(float[] g, float[] w, float[] dx, int batch, int in, int out) {
        if (Simd.ready() && in >= SimdKernels.MIN_WIDTH) SimdKernels.inputGrad(g, w, dx, batch, in, out);
        else inputGradScalar(g, w, dx, batch, in, out);
    }

    /** The scalar path of {@link #inputGrad}. */
    static void inputGradScalar(float[] g, float[] w, float[] dx, int batch, int in, int out) {
        for (int r = 0; r < batch; r++) {
            int xRow = r * in;
            int gRow = r * out;
            int o = 0;
            boolean first = true;
            for (; o + 4 <= out; o += 4, first = false) {
                float c0 = g[gRow + o];
                float c1 = g[gRow + o + 1];
                float c2 = g[gRow + o + 2];
                float c3 = g[gRow + o + 3];
                int w0 = o * in;
                int w1 = w0 + in;
                int w2 = w1 + in;
                int w3 = w2 + in;
                if (first) {
                    for (int i = 0; i < in; i++) dx[xRow + i] = 0f + c0 * w[w0 + i] + c1 * w[w1 + i] + c2 * w[w2 + i] + c3 * w[w3 + i];
                } else {
                    for (int i = 0; i < in; i++) dx[xRow + i] = dx[xRow + i] + c0 * w[w0 + i] + c1 * w[w1 + i] + c2 * w[w2 + i] + c3 * w[w3 + i];
                }
            }
            if (o + 2 <= out) {
                float c0 = g[gRow + o];
                float c1 = g[gRow + o + 1];
                int w0 = o * in;
                int w1 = w0 + in;
                if (first) {
                    for (int i = 0; i < in; i++) dx[xRow + i] = 0f + c0 * w[w0 + i] + c1 * w[w1 + i];
                } else {
                    for (int i = 0; i < in; i++) dx[xRow + i] = dx[xRow + i] + c0 * w[w0 + i] + c1 * w[w1 + i];
                }
                o += 2;
                first = false;
            }
            if (o < out) {
                float c0 = g[gRow + o];
                int w0 = o * in;
                if (first) {
                    for (int i = 0; i < in; i++) dx[xRow + i] = 0f + c0 * w[w0 + i];
                } else {
                    for (int i = 0; i < in; i++) dx[xRow + i] = dx[xRow + i] + c0 * w[w0 + i];
                }
            }
        }
    }
}
