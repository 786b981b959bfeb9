package dev.trainspec.engine.tensor;

/**
 * A 2-D convolution (PyTorch's cross-correlation) over a batch, a block of rows at a time: each
 * row's patches are laid out as the rows of a matrix (im2col, transposed), and the convolution is
 * then a fully connected layer over the block's patch rows, run by {@link LinearKernels}:
 *
 * <pre>
 *   x    [batch, C, H, W]          input rows
 *   w    [O, C, KH, KW] = [O, K]   weight, K = C * KH * KW (a linear weight [out, in])
 *   b    [O]                       bias (may be null)
 *   cols [P, K]                    one row's patches, P = OH * OW: cols[p, k] = x[c, oy*sh + ky - ph, ox*sw + kx - pw] or 0
 *   t    [P, O]                    = LinearKernels.forward(cols, w, b): one output row per position
 *   y    [batch, O, P]             t transposed, PyTorch's channel-major layout
 *   g    [batch, O, P]             dLoss/dy, transposed into t for the backward kernels
 *   dw [O, K] += t^T cols    db [O] += column sums of t    dx = col2im(t w)
 * </pre>
 *
 * So every sum has {@link LinearKernels}' order with P patch rows a row (for the gradients of
 * w and b, the batch's rows one after the other), and the same bits on its scalar and vector
 * paths, at any batch size and any block size. The caller owns the cols and t buffers, sized by
 * {@link #blockRows}: nothing is allocated here.
 */
public final class ConvKernels {
    private ConvKernels() {}

    /** About this many floats in each of the cols and t buffers: 256 KB, so a block stays in L2. */
    private static final int BLOCK_FLOATS = 64 * 1024;

    /** Rows handled by one call of the linear kernels (at least 1): the caller sizes cols [rows * P * K] and t [rows * P * O] by it. */
    public static int blockRows(ConvGeometry g, int maxBatch) {
        int perRow = g.positions() * Math.max(g.patch(), g.outC());
        return Math.max(1, Math.min(maxBatch, BLOCK_FLOATS / perRow));
    }

    /** y = conv(x, w) + b for the first {@code batch} rows. */
    public static void forward(float[] x, float[] w, float[] b, float[] y, int batch, ConvGeometry g, float[] cols, float[] t) {
        int p = g.positions();
        int block = cols.length / (p * g.patch());
        if (DirectConvKernels.applies(g)) {
            directForward(x, w, b, y, 0, batch, g, cols, block);
            return;
        }
        for (int r0 = 0; r0 < batch; r0 += block) {
            int n = Math.min(block, batch - r0);
            for (int r = 0; r < n; r++) im2row(x, (r0 + r) * g.inSize(), g, cols, r * p * g.patch());
            LinearKernels.forward(cols, w, b, t, n * p, g.patch(), g.outC());
            for (int r = 0; r < n; r++) transpose(t, r * p * g.outC(), p, g.outC(), y, (r0 + r) * g.outSize());
        }
    }

    /**
     * {@link #forward} without patch columns where {@link SimdInPlaceConv} applies (for
     * evaluation: nothing reads cols after it); rows too close to x's end for its vector reads go
     * through cols as usual (on the vector kernels: the scalar ones, seldom called, would run
     * interpreted). Returns false, having done nothing, where it does not apply.
     */
    public static boolean forwardInPlace(float[] x, float[] w, float[] b, float[] y, int batch, ConvGeometry g, float[] cols) {
        if (!Simd.ready() || !DirectConvKernels.applies(g) || !SimdInPlaceConv.applies(g)) return false;
        int r = 0;
        for (; r < batch && SimdInPlaceConv.fits(x, r * g.inSize(), g); r++) SimdInPlaceConv.forwardRow(x, r * g.inSize(), g, w, b, y, r * g.outSize());
        directForward(x, w, b, y, r, batch, g, cols, cols.length / (g.positions() * g.patch()));
        return true;
    }

    /** Whether {@link #forward} of {@code batch} rows leaves all of their patch rows in cols (one block held them). */
    public static boolean oneBlock(int batch, ConvGeometry g, float[] cols) {
        return batch <= cols.length / (g.positions() * g.patch());
    }

    /**
     * dw += g cols and (when db is not null) db += sums of g over positions, over the first {@code batch} rows.
     *
     * @param colsHoldX cols still holds x's patch rows from {@link #forward} ({@link #oneBlock}), so they are not laid out again
     */
    public static void accumulateParamGrads(float[] gy, float[] x, float[] dw, float[] db, int batch, ConvGeometry g, float[] cols, float[] t,
                                            boolean colsHoldX) {
        int p = g.positions();
        int block = cols.length / (p * g.patch());
        if (DirectConvKernels.applies(g)) {
            directParamGrads(gy, x, dw, db, batch, g, cols, t, colsHoldX, block);
            return;
        }
        for (int r0 = 0; r0 < batch; r0 += block) {
            int n = Math.min(block, batch - r0);
            for (int r = 0; r < n; r++) {
                if (!colsHoldX) im2row(x, (r0 + r) * g.inSize(), g, cols, r * p * g.patch());
                transpose(gy, (r0 + r) * g.outSize(), g.outC(), p, t, r * p * g.outC());
            }
            LinearKernels.accumulateWeightGrad(t, cols, dw, n * p, g.patch(), g.outC());
            if (db != null) LinearKernels.accumulateBiasGrad(t, db, n * p, g.outC());
        }
    }

    /** {@link #forward} on {@link DirectConvKernels} of rows {@code from} to batch: row r's patch columns go to slot r % block of cols [K, block * P]. */
    private static void directForward(float[] x, float[] w, float[] b, float[] y, int from, int batch, ConvGeometry g, float[] cols, int block) {
        int k = g.patch();
        int p = g.positions();
        int stride = block * p;
        boolean vector = Simd.ready() && p >= SimdConvKernels.MIN_WIDTH;
        for (int r = from; r < batch; r++) {
            int c = r % block * p;
            DirectConvKernels.im2col(x, r * g.inSize(), g, cols, c, stride);
            if (vector) SimdConvKernels.forwardRow(cols, c, stride, w, b, y, r * g.outSize(), k, p, g.outC());
            else DirectConvKernels.forwardRow(cols, c, stride, w, b, y, r * g.outSize(), k, p, g.outC());
        }
    }

    /** {@link #accumulateParamGrads} on {@link DirectConvKernels}, a block of rows at a time (t holds the block's transposed gradients). */
    private static void directParamGrads(float[] gy, float[] x, float[] dw, float[] db, int batch, ConvGeometry g, float[] cols, float[] t,
                                         boolean colsHoldX, int block) {
        int k = g.patch();
        int p = g.positions();
        int stride = block * p;
        boolean vector = Simd.ready() && g.outC() >= SimdConvKernels.MIN_WIDTH;
        for (int r0 = 0; r0 < batch; r0 += block) {
            int n = Math.min(block, batch - r0);
            int scalarFrom = 0;
            for (int r = 0; r < n; r++) {
                if (!colsHoldX) DirectConvKernels.im2col(x, (r0 + r) * g.inSize(), g, cols, r * p, stride);
                if (vector) transpose(gy, (r0 + r) * g.outSize(), g.outC(), p, t, r * p * g.outC());
            }
            if (vector && k == SimdNineTapGrads.TAPS) scalarFrom = SimdNineTapGrads.paramGrads(t, cols, stride, dw, db, n * p, g.outC());
            else if (vector) scalarFrom = SimdConvKernels.paramGrads(t, cols, stride, dw, db, n * p, k, g.outC());
            DirectConvKernels.paramGrads(gy, r0 * g.outSize(), cols, stride, dw, db, n, k, p, g.outC(), scalarFrom);
        }
    }

    /** dx = col2im(g w) for the first {@code batch} rows (dx is overwritten; cols is used as scratch). */
    public static void inputGrad(float[] gy, float[] w, float[] dx, int batch, ConvGeometry g, float[] cols, float[] t) {
        int p = g.positions();
        int block = cols.length / (p * g.patch());
        for (int r0 = 0; r0 < batch; r0 += block) {
            int n = Math.min(block, batch - r0);
            for (int r = 0; r < n; r++) transpose(gy, (r0 + r) * g.outSize(), g.outC(), p, t, r * p * g.outC());
            LinearKernels.inputGrad(t, w, cols, n * p, g.patch(), g.outC());
            for (int r = 0; r < n; r++) row2im(cols, r * p * g.patch(), dx, (r0 + r) * g.inSize(), g);
        }
    }

    /** dst[j, i] = src[i, j] for a [rows, cols] block at the given offsets. */
    private static void transpose(float[] src, int so, int rows, int cols, float[] dst, int dOff) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) dst[dOff + j * rows + i] = src[so + i * cols + j];
        }
    }

    /** cols[p, k] for one row starting at {@code off}; padding reads as 0. */
    static void im2row(float[] x, int off, ConvGeometry g, float[] cols, int colsOff) {
        if (g.ph() == 0 && g.pw() == 0) im2rowUnpadded(x, off, g, cols, colsOff);
        else patches(x, off, g, cols, colsOff, true);
    }

    /** {@link #im2row} without padding: every window lies inside the image, so no bounds tests. */
    private static void im2rowUnpadded(float[] x, int off, ConvGeometry g, float[] cols, int colsOff) {
        int c = g.c();
        int h = g.h();
        int w = g.w();
        int kh = g.kh();
        int kw = g.kw();
        int sh = g.sh();
        int sw = g.sw();
        int ow = g.ow();
        int j = colsOff;
        for (int oy = 0; oy < g.oh(); oy++) {
            for (int ox = 0; ox < ow; ox++) {
                for (int ch = 0; ch < c; ch++) {
                    int src = off + (ch * h + oy * sh) * w + ox * sw;
                    for (int ky = 0; ky < kh; ky++, src += w) {
                        for (int kx = 0; kx < kw; kx++) cols[j++] = x[src + kx];
                    }
                }
            }
        }
    }

    /** dx[row at off] = the patch rows' gradients summed back onto the input positions they were read from, p then k ascending. */
    static void row2im(float[] dcols, int colsOff, float[] dx, int off, ConvGeometry g) {
        java.util.Arrays.fill(dx, off, off + g.inSize(), 0f);
        patches(dx, off, g, dcols, colsOff, false);
    }

    /**
     * Visits every (position p, patch element k) in order with its input offset: gathers
     * cols[p, k] = x[...] (0 in the padding) or scatters x[...] += cols[p, k] (skipping the padding).
     */
    private static void patches(float[] x, int off, ConvGeometry g, float[] cols, int colsOff, boolean gather) {
        int k = g.patch();
        int ow = g.ow();
        for (int oy = 0, p = 0; oy < g.oh(); oy++) {
            for (int ox = 0; ox < ow; ox++, p++) {
                int j = colsOff + p * k;
                for (int c = 0; c < g.c(); c++) {
                    for (int ky = 0; ky < g.kh(); ky++) {
                        int iy = oy * g.sh() + ky - g.ph();
                        int at = off + (c * g.h() + iy) * g.w();
                        boolean rowInside = iy >= 0 && iy < g.h();
                        for (int kx = 0; kx < g.kw(); kx++, j++) {
                            int ix = ox * g.sw() + kx - g.pw();
                            boolean inside = rowInside && ix >= 0 && ix < g.w();
                            if (gather) cols[j] = inside ? x[at + ix] : 0f;
                            else if (inside) x[at + ix] += cols[j];
                        }
                    }
                }
            }
        }
    }
}
