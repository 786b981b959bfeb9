package dev.trainspec.engine.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The weight and bias gradients of a 9-weight patch (a 3x3 kernel on one input channel) on
 * 256-bit vectors of eight output channels, in one pass over the patch rows: the nine taps' sums
 * and the bias's are ten independent chains fed by one load of gradients a patch row, where
 * {@link SimdConvKernels#paramGrads} makes four passes (two of four taps, one of the last tap,
 * one of the bias), each reloading the gradients and its loop's counters.
 *
 * <p>Each lane is {@link DirectConvKernels#paramGrads}' sum for its channel and tap: the rows,
 * then the positions, ascending, each product rounded before its add (nothing fused), so the
 * same bits as the scalar kernel and {@link SimdConvKernels#paramGrads}.
 */
final class SimdNineTapGrads {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int V = 8;
    static final int TAPS = 9;
    /** A [9, O] copy of dw (a column of dw [O, 9] is not contiguous) and a row for db (0 without a bias: no vector chosen by a branch), grown to the largest layer seen by the thread. */
    private static final ThreadLocal<float[]> TAPS_BY_CHANNEL = ThreadLocal.withInitial(() -> new float[0]);

    private SimdNineTapGrads() {}

    /**
     * {@link SimdConvKernels#paramGrads} for a 9-weight patch: from gt [rows, O] (the block's
     * gradients transposed) and cols [9, stride], for whole vectors of output channels. Returns
     * the first output channel left to the scalar loops.
     */
    static int paramGrads(float[] gt, float[] cols, int stride, float[] dw, float[] db, int rows, int outC) {
        float[] taps = Simd.scratch(TAPS_BY_CHANNEL, (TAPS + 1) * outC);
        for (int o = 0; o < outC; o++) {
            for (int j = 0; j < TAPS; j++) taps[j * outC + o] = dw[o * TAPS + j];
            taps[TAPS * outC + o] = db == null ? 0f : db[o];
        }
        int o = 0;
        for (; o + V <= outC; o += V) channels(gt, cols, stride, taps, db, rows, outC, o);
        for (int d = 0; d < o; d++) {
            for (int j = 0; j < TAPS; j++) dw[d * TAPS + j] = taps[j * outC + d];
            if (db != null) db[d] = taps[TAPS * outC + d];
        }
        return o;
    }

    /** Channels o..o+8: the nine taps' sums and the bias's (rows of taps [10, O]), one pass over the rows. */
    private static void channels(float[] gt, float[] cols, int stride, float[] taps, float[] db, int rows, int outC, int o) {
        FloatVector a0 = FloatVector.fromArray(S, taps, o);
        FloatVector a1 = FloatVector.fromArray(S, taps, 1 * outC + o);
        FloatVector a2 = FloatVector.fromArray(S, taps, 2 * outC + o);
        FloatVector a3 = FloatVector.fromArray(S, taps, 3 * outC + o);
        FloatVector a4 = FloatVector.fromArray(S, taps, 4 * outC + o);
        FloatVector a5 = FloatVector.fromArray(S, taps, 5 * outC + o);
        FloatVector a6 = FloatVector.fromArray(S, taps, 6 * outC + o);
        FloatVector a7 = FloatVector.fromArray(S, taps, 7 * outC + o);
        FloatVector a8 = FloatVector.fromArray(S, taps, 8 * outC + o);
        FloatVector ab = FloatVector.fromArray(S, taps, TAPS * outC + o);
        for (int c = 0, g = o; c < rows; c++, g += outC) {
            FloatVector gv = FloatVector.fromArray(S, gt, g);
            a0 = a0.add(gv.mul(cols[c]));
            a1 = a1.add(gv.mul(cols[c + stride]));
            a2 = a2.add(gv.mul(cols[c + 2 * stride]));
            a3 = a3.add(gv.mul(cols[c + 3 * stride]));
            a4 = a4.add(gv.mul(cols[c + 4 * stride]));
            a5 = a5.add(gv.mul(cols[c + 5 * stride]));
            a6 = a6.add(gv.mul(cols[c + 6 * stride]));
            a7 = a7.add(gv.mul(cols[c + 7 * stride]));
            a8 = a8.add(gv.mul(cols[c + 8 * stride]));
            ab = ab.add(gv);
        }
        a0.intoArray(taps, o);
        a1.intoArray(taps, 1 * outC + o);
        a2.intoArray(taps, 2 * outC + o);
        a3.intoArray(taps, 3 * outC + o);
        a4.intoArray(taps, 4 * outC + o);
        a5.intoArray(taps, 5 * outC + o);
        a6.intoArray(taps, 6 * outC + o);
        a7.intoArray(taps, 7 * outC + o);
        a8.intoArray(taps, 8 * outC + o);
        ab.intoArray(taps, TAPS * outC + o);
    }
}
