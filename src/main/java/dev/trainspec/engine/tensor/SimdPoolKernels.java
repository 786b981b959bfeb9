package dev.trainspec.engine.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * max_pool2d 2x2 with stride 2 ({@link PoolKernels}) on 256-bit vectors, eight windows at a time.
 * A row's four window corners are first copied into four planes (the values a window compares
 * are two columns apart, and the JDK 17 vector API has no cheap strided load), then each lane
 * applies PyTorch's rule "take v when v &gt; max or v is NaN" as the scalar kernel does: the top
 * pair, the bottom pair, then the two winners, with the same offsets. Offsets ride along as
 * floats (exact below 2^24, checked by {@link #applies}) so that one mask chooses value and
 * offset. A row's last vector ends at its last window and may overlap the one before (those
 * windows get the same choice twice). Only loaded when {@link Simd#ENABLED}.
 */
final class SimdPoolKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int V = 8;
    /** Planes of the four corners, the offsets of the top-left ones, the chosen offsets: 6 x windows, per thread. */
    private static final ThreadLocal<float[]> PLANES = ThreadLocal.withInitial(() -> new float[0]);

    private SimdPoolKernels() {}

    /** Whether a 2x2 stride-2 pooling over rows of this geometry runs here: whole vectors of windows, offsets exact as floats. */
    static boolean applies(ConvGeometry g) {
        return g.outSize() >= V && g.inSize() < (1 << 24);
    }

    /**
     * {@code corner}: each window's top-left offset in a row, in output order. {@code argmax} may
     * be null (evaluation needs no offsets): then only the values are chosen and stored.
     */
    static void maxForward2x2(float[] x, float[] y, int[] argmax, int batch, ConvGeometry g, int[] corner) {
        int n = g.outSize();
        float[] planes = Simd.scratch(PLANES, 6 * n);
        int w = g.w();
        for (int q = 0; q < n; q++) planes[4 * n + q] = corner[q];
        for (int r = 0; r < batch; r++) {
            for (int q = 0, row = r * g.inSize(); q < n; q++) {
                int i0 = row + corner[q];
                planes[q] = x[i0];
                planes[n + q] = x[i0 + 1];
                planes[2 * n + q] = x[i0 + w];
                planes[3 * n + q] = x[i0 + w + 1];
            }
            for (int q = 0; q < n; q += V) {
                int at = Math.min(q, n - V);
                FloatVector v0 = FloatVector.fromArray(S, planes, at);
                FloatVector v1 = FloatVector.fromArray(S, planes, n + at);
                FloatVector v2 = FloatVector.fromArray(S, planes, 2 * n + at);
                FloatVector v3 = FloatVector.fromArray(S, planes, 3 * n + at);
                FloatVector i0 = FloatVector.fromArray(S, planes, 4 * n + at);
                FloatVector i2 = i0.add(w);
                VectorMask<Float> t01 = v1.compare(VectorOperators.GT, v0).or(v1.compare(VectorOperators.NE, v1));
                VectorMask<Float> t23 = v3.compare(VectorOperators.GT, v2).or(v3.compare(VectorOperators.NE, v3));
                FloatVector m01 = v0.blend(v1, t01);
                FloatVector m23 = v2.blend(v3, t23);
                FloatVector a01 = i0.blend(i0.add(1f), t01);
                FloatVector a23 = i2.blend(i2.add(1f), t23);
                VectorMask<Float> t = m23.compare(VectorOperators.GT, m01).or(m23.compare(VectorOperators.NE, m23));
                m01.blend(m23, t).intoArray(y, r * n + at);
                a01.blend(a23, t).intoArray(planes, 5 * n + at);
            }
            if (argmax == null) continue;
            for (int q = 0; q < n; q++) argmax[r * n + q] = (int) planes[5 * n + q];
        }
    }
}
