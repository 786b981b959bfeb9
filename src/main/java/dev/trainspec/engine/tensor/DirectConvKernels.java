package dev.trainspec.engine.tensor;

/**
 * A convolution with a small patch (fewer than {@link LinearKernels#LANE_MIN_IN} weights an
 * output channel, such as 1 -> 8 channels 3x3) computed directly, one row at a time, instead of
 * through {@link LinearKernels}: at these sizes the matrix kernels' per-call work and the
 * transposes around them cost more than the 9-term sums themselves.
 *
 * <pre>
 *   cols [K, S]   patch columns (im2col) of a block of rows, S = rows * P apart: row r's cols[k, r*P + p]
 *                 = x[r, c, oy*sh + ky - ph, ox*sw + kx - pw] or 0 (so one tap's values of the block are contiguous)
 *   y    [O, P]   y[o, p] = (0 + sum over k ascending of cols[k, p] w[o, k]) + b[o]
 *   gt   [P, O]   dLoss/dy of a row, transposed (the vector path's layout)
 *   dw   [O, K]   += gy[o, p] cols[k, p], over the rows and then the positions ascending
 *   db   [O]      += gy[o, p] in that same order
 * </pre>
 *
 * These are exactly the operations, in exactly the order, that the im2col path through
 * {@link LinearKernels} gives every element (patches under 32 wide sum from 0 ascending, and
 * gradients over patch rows ascending), so switching paths changes no bit; ConvKernelBitsTest
 * holds both to direct loops. Each output is a sum of its own, so the loops are free to
 * interleave several of them (positions, taps) to keep the adder busy, and {@link
 * SimdConvKernels} runs the same sums eight positions (forward) or eight output channels
 * (gradients) at a time.
 */
final class DirectConvKernels {
    private DirectConvKernels() {}

    /** Whether a convolution takes this path: patches summed from 0 ascending (not in lanes). */
    static boolean applies(ConvGeometry g) {
        return g.patch() < LinearKernels.LANE_MIN_IN;
    }

    /** One row's patch columns: cols[colsOff + k * stride + p] for the row at {@code off}; padding reads as 0. */
    static void im2col(float[] x, int off, ConvGeometry g, float[] cols, int colsOff, int stride) {
        int ow = g.ow();
        boolean padded = g.ph() > 0 || g.pw() > 0;
        boolean vectorRows = !padded && Simd.ready() && SimdConvKernels.copiesRows(g);
        int tap = colsOff;
        for (int c = 0; c < g.c(); c++) {
            for (int ky = 0; ky < g.kh(); ky++) {
                for (int kx = 0; kx < g.kw(); kx++, tap += stride) {
                    if (vectorRows) {
                        SimdConvKernels.tapRows(x, off + (c * g.h() + ky) * g.w() + kx, g, cols, tap);
                        continue;
                    }
                    if (!padded) {
                        tapUnpadded(x, off + (c * g.h() + ky) * g.w() + kx, g, cols, tap);
                        continue;
                    }
                    for (int oy = 0, j = tap; oy < g.oh(); oy++, j += ow) {
                        int iy = oy * g.sh() + ky - g.ph();
                        int at = off + (c * g.h() + iy) * g.w() + kx - g.pw();
                        boolean rowInside = iy >= 0 && iy < g.h();
                        for (int ox = 0; ox < ow; ox++) {
                            int ix = ox * g.sw() + kx - g.pw();
                            cols[j + ox] = rowInside && ix >= 0 && ix < g.w() ? x[at + ox * g.sw()] : 0f;
                        }
                    }
                }
            }
        }
    }

    /**
     * One tap's values at every position, from the window corner at {@code src}: one loop over
     * the positions with a column counter, as a loop per output row would run only ow (say 6)
     * times and cost more in loop overhead than in copying.
     */
    private static void tapUnpadded(float[] x, int src, ConvGeometry g, float[] cols, int dst) {
        int ow = g.ow();
        int sw = g.sw();
        int nextRow = g.sh() * g.w() - (ow - 1) * sw;
        for (int q = dst, end = dst + g.positions(), ox = 0; q < end; q++) {
            cols[q] = x[src];
            if (++ox < ow) {
                src += sw;
            } else {
                ox = 0;
                src += nextRow;
            }
        }
    }

    /** y[o, p] at yOff from the row's patch columns at colsOff, taps {@code stride} apart; four positions at a time (four independent sums). */
    static void forwardRow(float[] cols, int colsOff, int stride, float[] w, float[] b, float[] y, int yOff, int k, int p, int outC) {
        for (int o = 0; o < outC; o++) {
            int wRow = o * k;
            int yRow = yOff + o * p;
            float bo = bias(b, o);
            int q = 0;
            for (; q + 4 <= p; q += 4) {
                float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
                for (int j = 0, c = colsOff + q; j < k; j++, c += stride) {
                    float wj = w[wRow + j];
                    s0 += cols[c] * wj;
                    s1 += cols[c + 1] * wj;
                    s2 += cols[c + 2] * wj;
                    s3 += cols[c + 3] * wj;
                }
                y[yRow + q] = s0 + bo;
                y[yRow + q + 1] = s1 + bo;
                y[yRow + q + 2] = s2 + bo;
                y[yRow + q + 3] = s3 + bo;
            }
            for (; q < p; q++) {
                float s = 0f;
                for (int j = 0, c = colsOff + q; j < k; j++, c += stride) s += cols[c] * w[wRow + j];
                y[yRow + q] = s + bo;
            }
        }
    }

    /**
     * The term added last to output channel o: b[o], or -0 without a bias. Adding -0 leaves every
     * float as it is (x + -0 = x, also for x = -0 and NaN; +0 would turn -0 into +0), so one loop
     * serves both cases with the bits of a sum that has no bias term.
     */
    static float bias(float[] b, int o) {
        return b == null ? -0f : b[o];
    }

    /**
     * dw += and (when db is not null) db += the gradients of {@code n} rows for the output
     * channels from {@code firstO} on (the vector path leaves this the channels after its last
     * whole vector): gy [n, O, P] from gyOff, cols [K, stride] from 0. Four taps at a time keep
     * four sums in flight.
     */
    static void paramGrads(float[] gy, int gyOff, float[] cols, int stride, float[] dw, float[] db, int n, int k, int p, int outC, int firstO) {
        int rowOut = outC * p;
        for (int o = firstO; o < outC; o++) {
            int g0 = gyOff + o * p;
            int j = 0;
            for (; j + 4 <= k; j += 4) {
                int d = o * k + j;
                float a0 = dw[d], a1 = dw[d + 1], a2 = dw[d + 2], a3 = dw[d + 3];
                for (int r = 0; r < n; r++) {
                    int g = g0 + r * rowOut;
                    int c = j * stride + r * p;
                    for (int q = 0; q < p; q++) {
                        float gv = gy[g + q];
                        a0 += gv * cols[c + q];
                        a1 += gv * cols[c + stride + q];
                        a2 += gv * cols[c + 2 * stride + q];
                        a3 += gv * cols[c + 3 * stride + q];
                    }
                }
                dw[d] = a0;
                dw[d + 1] = a1;
                dw[d + 2] = a2;
                dw[d + 3] = a3;
            }
            for (; j < k; j++) {
                float a = dw[o * k + j];
                for (int r = 0; r < n; r++) {
                    int g = g0 + r * rowOut;
                    int c = j * stride + r * p;
                    for (int q = 0; q < p; q++) a += gy[g + q] * cols[c + q];
                }
                dw[o * k + j] = a;
            }
            if (db != null) {
                float a = db[o];
                for (int r = 0; r < n; r++) {
                    for (int q = g0 + r * rowOut, end = q + p; q < end; q++) a += gy[q];
                }
                db[o] = a;
            }
        }
    }
}
