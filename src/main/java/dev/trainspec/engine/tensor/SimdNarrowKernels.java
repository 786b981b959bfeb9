package dev.trainspec.engine.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link NarrowKernels} (inputs one or two wide) on 256-bit vectors, across outputs: a row's
 * one or two inputs are broadcast and multiplied with eight outputs' weights at once. Each
 * element gets the scalar kernels' operations in their order — y = ((0 + x0 w0) + x1 w1) + b,
 * dw += g x row after row — so the bits are theirs.
 *
 * <p>The weights of one input (a column of {@code w [out, in]}) are every other float, so each
 * call first copies w, or dw, into a per-thread scratch as [in, out] with plain loops, works on
 * whole vectors there, and copies dw back. Only plain vector loads, stores and arithmetic are
 * used, and no vector is chosen by a branch or passed between methods: with a gather, or with
 * two vectors meeting at a branch, the JIT of JDK 17 sometimes compiled these loops into code
 * that allocates every vector (seen as a flaky allocation test). Only loaded when
 * {@link Simd#ENABLED}.
 */
final class SimdNarrowKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int V = 8;
    /** Fewer outputs than a vector: the scalar kernels. */
    static final int MIN_OUT = V;
    /** [in, out] copies of w or dw, grown to the largest layer seen by the thread. */
    private static final ThreadLocal<float[]> COLUMNS = ThreadLocal.withInitial(() -> new float[0]);

    private SimdNarrowKernels() {}

    /** y[r, o] = ((0 + x[r,0] w[o,0]) + x[r,1] w[o,1]) (+ b[o]), for in of 1 or 2. */
    static void forward(float[] x, float[] w, float[] b, float[] y, int batch, int in, int out) {
        float[] wt = columns(w, in, out);
        int o = 0;
        for (; o + V <= out; o += V) {
            if (in == 1) forwardOneInput(x, wt, b, y, batch, out, o);
            else forwardTwoInputs(x, wt, b, y, batch, out, o);
        }
        for (; o < out; o++) {
            for (int r = 0; r < batch; r++) {
                float a = 0f + x[r * in] * w[o * in];
                if (in == 2) a += x[r * in + 1] * w[o * in + 1];
                y[r * out + o] = b == null ? a : a + b[o];
            }
        }
    }

    private static void forwardOneInput(float[] x, float[] wt, float[] b, float[] y, int batch, int out, int o) {
        FloatVector w0 = FloatVector.fromArray(S, wt, o);
        FloatVector zero = FloatVector.zero(S);
        if (b == null) {
            for (int r = 0; r < batch; r++) zero.add(w0.mul(x[r])).intoArray(y, r * out + o);
        } else {
            FloatVector bias = FloatVector.fromArray(S, b, o);
            for (int r = 0; r < batch; r++) zero.add(w0.mul(x[r])).add(bias).intoArray(y, r * out + o);
        }
    }

    private static void forwardTwoInputs(float[] x, float[] wt, float[] b, float[] y, int batch, int out, int o) {
        FloatVector w0 = FloatVector.fromArray(S, wt, o);
        FloatVector w1 = FloatVector.fromArray(S, wt, out + o);
        FloatVector zero = FloatVector.zero(S);
        if (b == null) {
            for (int r = 0; r < batch; r++) zero.add(w0.mul(x[2 * r])).add(w1.mul(x[2 * r + 1])).intoArray(y, r * out + o);
        } else {
            FloatVector bias = FloatVector.fromArray(S, b, o);
            for (int r = 0; r < batch; r++) zero.add(w0.mul(x[2 * r])).add(w1.mul(x[2 * r + 1])).add(bias).intoArray(y, r * out + o);
        }
    }

    /** dw[o, i] += g[r, o] x[r, i] over rows ascending, for in of 1 or 2. */
    static void accumulateWeightGrad(float[] g, float[] x, float[] dw, int batch, int in, int out) {
        float[] dwt = columns(dw, in, out);
        for (int i = 0; i < in; i++) {
            int o = 0;
            for (; o + V <= out; o += V) weightGradOfEightOutputs(g, x, dwt, batch, in, i, out, o);
            for (; o < out; o++) {
                float d = dwt[i * out + o];
                for (int r = 0; r < batch; r++) d += g[r * out + o] * x[r * in + i];
                dwt[i * out + o] = d;
            }
        }
        for (int o = 0; o < out; o++) for (int i = 0; i < in; i++) dw[o * in + i] = dwt[i * out + o];
    }

    /** dwt[i, o..o+7] += sum over rows ascending of g[r, o..o+7] x[r, i]. */
    private static void weightGradOfEightOutputs(float[] g, float[] x, float[] dwt, int batch, int in, int i, int out, int o) {
        FloatVector d = FloatVector.fromArray(S, dwt, i * out + o);
        int r = 0;
        for (; r + 4 <= batch; r += 4) {
            d = d.add(FloatVector.fromArray(S, g, r * out + o).mul(x[r * in + i]))
                    .add(FloatVector.fromArray(S, g, (r + 1) * out + o).mul(x[(r + 1) * in + i]))
                    .add(FloatVector.fromArray(S, g, (r + 2) * out + o).mul(x[(r + 2) * in + i]))
                    .add(FloatVector.fromArray(S, g, (r + 3) * out + o).mul(x[(r + 3) * in + i]));
        }
        for (; r < batch; r++) d = d.add(FloatVector.fromArray(S, g, r * out + o).mul(x[r * in + i]));
        d.intoArray(dwt, i * out + o);
    }

    /** m [out, in] copied as [in, out] into this thread's scratch. */
    private static float[] columns(float[] m, int in, int out) {
        float[] t = COLUMNS.get();
        if (t.length < in * out) {
            t = new float[in * out];
            COLUMNS.set(t);
        }
        for (int o = 0; o < out; o++) for (int i = 0; i < in; i++) t[i * out + o] = m[o * in + i];
        return t;
    }
}
