package dev.trainspec.engine.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LinearKernels} on 256-bit float vectors (the incubating JDK vector API), for layers wide
 * enough to fill them. Every element gets exactly the operations, in exactly the order, that the
 * scalar kernels give it — a vector lane is a float, its multiply and add round like the scalar
 * ones, and nothing is fused — so the bits do not depend on which of the two ran:
 * <ul>
 *   <li>weight, bias and input gradients are element-wise sums over rows or outputs (the lanes are
 *       neighbouring columns), in the same row/output order as the scalar loops;</li>
 *   <li>the forward sum over a wide input runs in {@link LinearKernels}' lane order: sixteen
 *       partial sums (two vectors of eight), folded as {@link LaneSums#fold} does.</li>
 * </ul>
 * Only loaded when {@link Simd#ENABLED}; the JIT turns each vector operation into one
 * instruction (C2 in JDK 17 does not vectorise these loops by itself: it gives up on loads whose
 * offsets differ by a run-time row stride, and it never reorders a float sum).
 */
final class SimdKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    /** Lanes of one vector. */
    private static final int V = 8;
    /** Layers narrower than a vector (inputs, or outputs for the bias) stay scalar: mostly tail. */
    static final int MIN_WIDTH = V;

    private SimdKernels() {}

    /** Whether the CPU runs 256-bit float vectors natively (else the API would emulate them). */
    static boolean supported() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= S.vectorBitSize();
    }

    static String describe() {
        return S.vectorBitSize() + "-bit, preferred " + FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit";
    }

    /** y[r, o] = lane-order sum over i of x[r, i] w[o, i] (+ b[o]); requires in >= LANES. */
    static void forwardLanes(float[] x, float[] w, float[] b, float[] y, int batch, int in, int out) {
        forwardLanes(x, null, w, b, y, batch, in, out);
    }

    /** The same with input row r at x[rows[r], :] (x[r, :] when rows is null): the same sums, read where the rows lie. */
    static void forwardLanes(float[] x, int[] rows, float[] w, float[] b, float[] y, int batch, int in, int out) {
        int r = 0;
        for (; r + 4 <= batch; r += 4) {
            int x0 = LinearKernels.rowStart(rows, r, in), x1 = LinearKernels.rowStart(rows, r + 1, in);
            int x2 = LinearKernels.rowStart(rows, r + 2, in), x3 = LinearKernels.rowStart(rows, r + 3, in);
            for (int o = 0; o < out; o++) forwardFourRows(x, w, b, y, r, o, x0, x1, x2, x3, in, out);
        }
        for (; r < batch; r++) {
            for (int o = 0; o < out; o++) y[r * out + o] = forwardOne(x, LinearKernels.rowStart(rows, r, in), w, o * in, in, b, o);
        }
    }

    /** Output rows r..r+3 of output o, their inputs starting at x0..x3. */
    private static void forwardFourRows(float[] x, float[] w, float[] b, float[] y, int r, int o, int x0, int x1, int x2, int x3, int in, int out) {
        int wRow = o * in;
        int blocks = in - in % LinearKernels.LANES;
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        FloatVector c0 = a0, c1 = a0, c2 = a0, c3 = a0;
        for (int i = 0; i < blocks; i += LinearKernels.LANES) {
            FloatVector lo = FloatVector.fromArray(S, w, wRow + i);
            FloatVector hi = FloatVector.fromArray(S, w, wRow + i + V);
            a0 = a0.add(FloatVector.fromArray(S, x, x0 + i).mul(lo));
            c0 = c0.add(FloatVector.fromArray(S, x, x0 + i + V).mul(hi));
            a1 = a1.add(FloatVector.fromArray(S, x, x1 + i).mul(lo));
            c1 = c1.add(FloatVector.fromArray(S, x, x1 + i + V).mul(hi));
            a2 = a2.add(FloatVector.fromArray(S, x, x2 + i).mul(lo));
            c2 = c2.add(FloatVector.fromArray(S, x, x2 + i + V).mul(hi));
            a3 = a3.add(FloatVector.fromArray(S, x, x3 + i).mul(lo));
            c3 = c3.add(FloatVector.fromArray(S, x, x3 + i + V).mul(hi));
        }
        // lanes l and l + 8, then the fold; written out, as a vector handed to a method the JIT
        // does not inline would be allocated
        FloatVector t0 = a0.add(c0), t1 = a1.add(c1), t2 = a2.add(c2), t3 = a3.add(c3);
        float s0 = LaneSums.fold(t0.lane(0), t0.lane(1), t0.lane(2), t0.lane(3), t0.lane(4), t0.lane(5), t0.lane(6), t0.lane(7));
        float s1 = LaneSums.fold(t1.lane(0), t1.lane(1), t1.lane(2), t1.lane(3), t1.lane(4), t1.lane(5), t1.lane(6), t1.lane(7));
        float s2 = LaneSums.fold(t2.lane(0), t2.lane(1), t2.lane(2), t2.lane(3), t2.lane(4), t2.lane(5), t2.lane(6), t2.lane(7));
        float s3 = LaneSums.fold(t3.lane(0), t3.lane(1), t3.lane(2), t3.lane(3), t3.lane(4), t3.lane(5), t3.lane(6), t3.lane(7));
        // finish's tail for the four rows in one loop: four independent chains of adds instead of
        // one after the other (a 72-wide input leaves 8 inputs past its last block)
        for (int i = blocks; i < in; i++) {
            float wi = w[wRow + i];
            s0 += x[x0 + i] * wi;
            s1 += x[x1 + i] * wi;
            s2 += x[x2 + i] * wi;
            s3 += x[x3 + i] * wi;
        }
        int at = r * out + o;
        y[at] = b == null ? s0 : s0 + b[o];
        y[at + out] = b == null ? s1 : s1 + b[o];
        y[at + 2 * out] = b == null ? s2 : s2 + b[o];
        y[at + 3 * out] = b == null ? s3 : s3 + b[o];
    }

    private static float forwardOne(float[] x, int xRow, float[] w, int wRow, int in, float[] b, int o) {
        int blocks = in - in % LinearKernels.LANES;
        FloatVector a = FloatVector.zero(S), c = a;
        for (int i = 0; i < blocks; i += LinearKernels.LANES) {
            a = a.add(FloatVector.fromArray(S, x, xRow + i).mul(FloatVector.fromArray(S, w, wRow + i)));
            c = c.add(FloatVector.fromArray(S, x, xRow + i + V).mul(FloatVector.fromArray(S, w, wRow + i + V)));
        }
        FloatVector t = a.add(c);
        return finish(LaneSums.fold(t.lane(0), t.lane(1), t.lane(2), t.lane(3), t.lane(4), t.lane(5), t.lane(6), t.lane(7)),
                x, xRow, w, wRow, blocks, in, b, o);
    }

    /** The folded sum, then the inputs past the last whole block in ascending order, then the bias. */
    private static float finish(float s, float[] x, int xRow, float[] w, int wRow, int blocks, int in, float[] b, int o) {
        for (int i = blocks; i < in; i++) s += x[xRow + i] * w[wRow + i];
        return b == null ? s : s + b[o];
    }

    /** dw[o, i] += sum_r g[r, o] x[r, i], rows ascending: four rows per pass over dw. */
    static void accumulateWeightGrad(float[] g, float[] x, float[] dw, int batch, int in, int out) {
        accumulateWeightGrad(g, x, null, dw, batch, in, out);
    }

    /** The same with input row r at x[rows[r], :] (x[r, :] when rows is null): the same sums, read where the rows lie. */
    static void accumulateWeightGrad(float[] g, float[] x, int[] rows, float[] dw, int batch, int in, int out) {
        int whole = in - in % V;
        int r = 0;
        for (; r + 4 <= batch; r += 4) {
            int x0 = LinearKernels.rowStart(rows, r, in), x1 = LinearKernels.rowStart(rows, r + 1, in);
            int x2 = LinearKernels.rowStart(rows, r + 2, in), x3 = LinearKernels.rowStart(rows, r + 3, in);
            int g0 = r * out;
            for (int o = 0; o < out; o++) {
                float c0 = g[g0 + o], c1 = g[g0 + out + o], c2 = g[g0 + 2 * out + o], c3 = g[g0 + 3 * out + o];
                int wRow = o * in;
                int i = 0;
                for (; i < whole; i += V) {
                    FloatVector d = FloatVector.fromArray(S, dw, wRow + i);
                    d = d.add(FloatVector.fromArray(S, x, x0 + i).mul(c0))
                            .add(FloatVector.fromArray(S, x, x1 + i).mul(c1))
                            .add(FloatVector.fromArray(S, x, x2 + i).mul(c2))
                            .add(FloatVector.fromArray(S, x, x3 + i).mul(c3));
                    d.intoArray(dw, wRow + i);
                }
                for (; i < in; i++) dw[wRow + i] = dw[wRow + i] + c0 * x[x0 + i] + c1 * x[x1 + i] + c2 * x[x2 + i] + c3 * x[x3 + i];
            }
        }
        for (; r < batch; r++) {
            int xRow = LinearKernels.rowStart(rows, r, in);
            for (int o = 0; o < out; o++) {
                float c = g[r * out + o];
                int wRow = o * in;
                int i = 0;
                for (; i < whole; i += V) {
                    FloatVector.fromArray(S, dw, wRow + i).add(FloatVector.fromArray(S, x, xRow + i).mul(c)).intoArray(dw, wRow + i);
                }
                for (; i < in; i++) dw[wRow + i] += c * x[xRow + i];
            }
        }
    }

    /** db[o] += sum_r g[r, o], rows ascending, eight outputs a vector (then one at a time). */
    static void accumulateBiasGrad(float[] g, float[] db, int batch, int out) {
        int o = 0;
        for (; o + V <= out; o += V) {
            FloatVector d = FloatVector.fromArray(S, db, o);
            for (int r = 0; r < batch; r++) d = d.add(FloatVector.fromArray(S, g, r * out + o));
            d.intoArray(db, o);
        }
        for (; o < out; o++) {
            float d = db[o];
            for (int r = 0; r < batch; r++) d += g[r * out + o];
            db[o] = d;
        }
    }

    /**
     * dx[r, i] = sum_o g[r, o] w[o, i], outputs ascending from 0, taken four at a time (then one),
     * so dx is read and written once per four outputs. The first group starts from zero in its
     * own loop: one vector coming from either a zero or a load would meet at a branch, which the
     * JIT may compile into an allocation per vector.
     */
    static void inputGrad(float[] g, float[] w, float[] dx, int batch, int in, int out) {
        int whole = in - in % V;
        for (int r = 0; r < batch; r++) {
            int xRow = r * in;
            int gRow = r * out;
            int o = 0;
            for (; o + 4 <= out; o += 4) {
                float c0 = g[gRow + o], c1 = g[gRow + o + 1], c2 = g[gRow + o + 2], c3 = g[gRow + o + 3];
                int w0 = o * in, w1 = w0 + in, w2 = w1 + in, w3 = w2 + in;
                int i = 0;
                if (o == 0) {
                    FloatVector zero = FloatVector.zero(S);
                    for (; i < whole; i += V) {
                        zero.add(FloatVector.fromArray(S, w, w0 + i).mul(c0))
                                .add(FloatVector.fromArray(S, w, w1 + i).mul(c1))
                                .add(FloatVector.fromArray(S, w, w2 + i).mul(c2))
                                .add(FloatVector.fromArray(S, w, w3 + i).mul(c3))
                                .intoArray(dx, xRow + i);
                    }
                    for (; i < in; i++) dx[xRow + i] = 0f + c0 * w[w0 + i] + c1 * w[w1 + i] + c2 * w[w2 + i] + c3 * w[w3 + i];
                } else {
                    for (; i < whole; i += V) {
                        FloatVector.fromArray(S, dx, xRow + i)
                                .add(FloatVector.fromArray(S, w, w0 + i).mul(c0))
                                .add(FloatVector.fromArray(S, w, w1 + i).mul(c1))
                                .add(FloatVector.fromArray(S, w, w2 + i).mul(c2))
                                .add(FloatVector.fromArray(S, w, w3 + i).mul(c3))
                                .intoArray(dx, xRow + i);
                    }
                    for (; i < in; i++) dx[xRow + i] = dx[xRow + i] + c0 * w[w0 + i] + c1 * w[w1 + i] + c2 * w[w2 + i] + c3 * w[w3 + i];
                }
            }
            for (; o < out; o++) {
                float c = g[gRow + o];
                int w0 = o * in;
                int i = 0;
                if (o == 0) {
                    FloatVector zero = FloatVector.zero(S);
                    for (; i < whole; i += V) zero.add(FloatVector.fromArray(S, w, w0 + i).mul(c)).intoArray(dx, xRow + i);
                    for (; i < in; i++) dx[xRow + i] = 0f + c * w[w0 + i];
                } else {
                    for (; i < whole; i += V) FloatVector.fromArray(S, dx, xRow + i).add(FloatVector.fromArray(S, w, w0 + i).mul(c)).intoArray(dx, xRow + i);
                    for (; i < in; i++) dx[xRow + i] = dx[xRow + i] + c * w[w0 + i];
                }
            }
        }
    }
}
