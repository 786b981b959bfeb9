package dev.trainspec.engine.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DirectConvKernels} on 256-bit vectors, each lane one of the scalar loops' sums with
 * its operations in their order (a lane's multiply and add round as the scalar ones; nothing is
 * fused), so the bits are the scalar kernels':
 * <ul>
 *   <li>forward: eight neighbouring positions of one output channel, y[o, q..q+8) = (0 + sum over
 *       k of cols[k, q..q+8) w[o, k]) + b[o]; a row's last vector ends at its last position and
 *       may overlap the one before (those positions get the same sums twice, so the same bits);</li>
 *   <li>gradients: eight output channels, dw[o..o+8, k] += gt[p, o..o+8] cols[k, p] over rows and
 *       positions ascending, on a [K, O] copy of dw (a column of dw [O, K] is not contiguous).</li>
 * </ul>
 * Only plain vector loads, stores and arithmetic, no vector chosen by a branch or passed between
 * methods (SimdNarrowKernels says why). Only loaded when {@link Simd#ENABLED}.
 */
final class SimdConvKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int V = 8;
    /** Rows with fewer positions, or layers with fewer output channels, than a vector stay scalar. */
    static final int MIN_WIDTH = V;
    /** [K, O] copies of dw, grown to the largest layer seen by the thread. */
    private static final ThreadLocal<float[]> TAPS = ThreadLocal.withInitial(() -> new float[0]);

    private SimdConvKernels() {}

    /** Output channels whose sums {@link #forwardRow} keeps in flight together. */
    private static final int CHANNELS = 4;

    /**
     * {@link DirectConvKernels#forwardRow} for p >= {@link #MIN_WIDTH}: four output channels at a
     * time, two vectors of positions each, so eight independent sums are in flight. One channel's
     * sums alone (a chain of k dependent adds per vector) kept the adders waiting on their own
     * latency; with four channels a loaded patch vector also serves four weights.
     */
    static void forwardRow(float[] cols, int colsOff, int stride, float[] w, float[] b, float[] y, int yOff, int k, int p, int outC) {
        int o = 0;
        for (; o + CHANNELS <= outC; o += CHANNELS) fourChannels(cols, colsOff, stride, w, b, y, yOff, k, p, o);
        for (; o < outC; o++) oneChannel(cols, colsOff, stride, w, b, y, yOff, k, p, o);
    }

    /** Channels o..o+3: two vectors of positions at a time, then one (the last ending at p, perhaps overlapping). */
    private static void fourChannels(float[] cols, int colsOff, int stride, float[] w, float[] b, float[] y, int yOff, int k, int p, int o) {
        int w0 = o * k;
        int y0 = yOff + o * p;
        float b0 = DirectConvKernels.bias(b, o);
        float b1 = DirectConvKernels.bias(b, o + 1);
        float b2 = DirectConvKernels.bias(b, o + 2);
        float b3 = DirectConvKernels.bias(b, o + 3);
        int q = 0;
        for (; q + 2 * V <= p; q += 2 * V) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = a0, a2 = a0, a3 = a0, c0 = a0, c1 = a0, c2 = a0, c3 = a0;
            for (int j = 0, c = colsOff + q; j < k; j++, c += stride) {
                FloatVector x0 = FloatVector.fromArray(S, cols, c);
                FloatVector x1 = FloatVector.fromArray(S, cols, c + V);
                float v0 = w[w0 + j], v1 = w[w0 + k + j], v2 = w[w0 + 2 * k + j], v3 = w[w0 + 3 * k + j];
                a0 = a0.add(x0.mul(v0));
                c0 = c0.add(x1.mul(v0));
                a1 = a1.add(x0.mul(v1));
                c1 = c1.add(x1.mul(v1));
                a2 = a2.add(x0.mul(v2));
                c2 = c2.add(x1.mul(v2));
                a3 = a3.add(x0.mul(v3));
                c3 = c3.add(x1.mul(v3));
            }
            a0.add(b0).intoArray(y, y0 + q);
            c0.add(b0).intoArray(y, y0 + q + V);
            a1.add(b1).intoArray(y, y0 + p + q);
            c1.add(b1).intoArray(y, y0 + p + q + V);
            a2.add(b2).intoArray(y, y0 + 2 * p + q);
            c2.add(b2).intoArray(y, y0 + 2 * p + q + V);
            a3.add(b3).intoArray(y, y0 + 3 * p + q);
            c3.add(b3).intoArray(y, y0 + 3 * p + q + V);
        }
        for (; q < p; q += V) {
            int at = Math.min(q, p - V);
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = a0, a2 = a0, a3 = a0;
            for (int j = 0, c = colsOff + at; j < k; j++, c += stride) {
                FloatVector x0 = FloatVector.fromArray(S, cols, c);
                a0 = a0.add(x0.mul(w[w0 + j]));
                a1 = a1.add(x0.mul(w[w0 + k + j]));
                a2 = a2.add(x0.mul(w[w0 + 2 * k + j]));
                a3 = a3.add(x0.mul(w[w0 + 3 * k + j]));
            }
            a0.add(b0).intoArray(y, y0 + at);
            a1.add(b1).intoArray(y, y0 + p + at);
            a2.add(b2).intoArray(y, y0 + 2 * p + at);
            a3.add(b3).intoArray(y, y0 + 3 * p + at);
        }
    }

    /** Output channel o alone (the channels after the last four): two vectors of positions at a time, then one. */
    private static void oneChannel(float[] cols, int colsOff, int stride, float[] w, float[] b, float[] y, int yOff, int k, int p, int o) {
        int wRow = o * k;
        int yRow = yOff + o * p;
        float bo = DirectConvKernels.bias(b, o);
        int q = 0;
        for (; q + 2 * V <= p; q += 2 * V) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = a0;
            for (int j = 0, c = colsOff + q; j < k; j++, c += stride) {
                float wj = w[wRow + j];
                a0 = a0.add(FloatVector.fromArray(S, cols, c).mul(wj));
                a1 = a1.add(FloatVector.fromArray(S, cols, c + V).mul(wj));
            }
            a0.add(bo).intoArray(y, yRow + q);
            a1.add(bo).intoArray(y, yRow + q + V);
        }
        for (; q < p; q += V) {
            int at = Math.min(q, p - V);
            FloatVector a = FloatVector.zero(S);
            for (int j = 0, c = colsOff + at; j < k; j++, c += stride) a = a.add(FloatVector.fromArray(S, cols, c).mul(w[wRow + j]));
            a.add(bo).intoArray(y, yRow + at);
        }
    }

    /** Whether {@link #tapRows} copies this (unpadded) convolution's taps: stride 1, output rows of V/2 to V positions. */
    static boolean copiesRows(ConvGeometry g) {
        return g.sw() == 1 && g.ow() >= V / 2 && g.ow() <= V;
    }

    /**
     * One tap's values at every position ({@code DirectConvKernels.tapUnpadded}) when {@link
     * #copiesRows}: an output row's values are contiguous in x, so each is one vector copy. Its
     * lanes past the row land on the next row's places, which the next copy overwrites; the last
     * row, and any row whose vector would read past x, are copied one by one.
     */
    static void tapRows(float[] x, int src, ConvGeometry g, float[] cols, int dst) {
        int ow = g.ow();
        int w = g.w() * g.sh();
        int last = g.oh() - 1;
        int oy = 0;
        for (; oy < last && src + V <= x.length; oy++, src += w, dst += ow) FloatVector.fromArray(S, x, src).intoArray(cols, dst);
        for (; oy <= last; oy++, src += w, dst += ow) {
            for (int ox = 0; ox < ow; ox++) cols[dst + ox] = x[src + ox];
        }
    }

    /**
     * {@link DirectConvKernels#paramGrads} for whole vectors of output channels, from gt [rows,
     * O] (the block's gradients transposed, rows = n * P patch rows) and cols [K, stride]. Returns
     * the first output channel it left to the scalar loops.
     */
    static int paramGrads(float[] gt, float[] cols, int stride, float[] dw, float[] db, int rows, int k, int outC) {
        float[] taps = Simd.scratch(TAPS, k * outC);
        for (int o = 0; o < outC; o++) {
            for (int j = 0; j < k; j++) taps[j * outC + o] = dw[o * k + j];
        }
        int o = 0;
        for (; o + V <= outC; o += V) {
            int j = 0;
            for (; j + 4 <= k; j += 4) fourTaps(gt, cols, j * stride, stride, taps, rows, outC, o, j);
            for (; j < k; j++) oneTap(gt, cols, j * stride, taps, rows, outC, o, j);
            if (db != null) biasGrad(gt, db, rows, outC, o);
        }
        for (int d = 0; d < o; d++) {
            for (int j = 0; j < k; j++) dw[d * k + j] = taps[j * outC + d];
        }
        return o;
    }

    /** Taps j..j+3 (their columns from c, stride apart) of channels o..o+8: one loop over the patch rows, four sums in flight. */
    private static void fourTaps(float[] gt, float[] cols, int c, int stride, float[] taps, int rows, int outC, int o, int j) {
        int t0 = j * outC + o;
        FloatVector a0 = FloatVector.fromArray(S, taps, t0);
        FloatVector a1 = FloatVector.fromArray(S, taps, t0 + outC);
        FloatVector a2 = FloatVector.fromArray(S, taps, t0 + 2 * outC);
        FloatVector a3 = FloatVector.fromArray(S, taps, t0 + 3 * outC);
        for (int i = 0, g = o; i < rows; i++, g += outC) {
            FloatVector gv = FloatVector.fromArray(S, gt, g);
            a0 = a0.add(gv.mul(cols[c + i]));
            a1 = a1.add(gv.mul(cols[c + stride + i]));
            a2 = a2.add(gv.mul(cols[c + 2 * stride + i]));
            a3 = a3.add(gv.mul(cols[c + 3 * stride + i]));
        }
        a0.intoArray(taps, t0);
        a1.intoArray(taps, t0 + outC);
        a2.intoArray(taps, t0 + 2 * outC);
        a3.intoArray(taps, t0 + 3 * outC);
    }

    private static void oneTap(float[] gt, float[] cols, int c, float[] taps, int rows, int outC, int o, int j) {
        int t0 = j * outC + o;
        FloatVector a = FloatVector.fromArray(S, taps, t0);
        for (int i = 0, g = o; i < rows; i++, g += outC) a = a.add(FloatVector.fromArray(S, gt, g).mul(cols[c + i]));
        a.intoArray(taps, t0);
    }

    /** db[o..o+8] += gt[i, o..o+8] for the first {@code rows} patch rows, ascending. */
    private static void biasGrad(float[] gt, float[] db, int rows, int outC, int o) {
        FloatVector a = FloatVector.fromArray(S, db, o);
        for (int i = 0, g = o; i < rows; i++, g += outC) a = a.add(FloatVector.fromArray(S, gt, g));
        a.intoArray(db, o);
    }
}
