package dev.trainspec.engine.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ReluKernels} on 256-bit vectors over whole vectors of elements; each returns where the
 * scalar loop takes over. The vector MAX is Math.max (NaN wins, -0 below +0), and the backward
 * keeps g where the output is not &lt;= 0 (NaN passes, as the compare is false) and stores +0
 * elsewhere, the scalar mask's result. Only loaded when {@link Simd#ENABLED}.
 */
final class SimdReluKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int V = 8;
    static final int MIN_LENGTH = V;

    private SimdReluKernels() {}

    static int forward(float[] x, float[] y, int n) {
        int k = 0;
        for (; k + V <= n; k += V) FloatVector.fromArray(S, x, k).lanewise(VectorOperators.MAX, 0f).intoArray(y, k);
        return k;
    }

    static int backward(float[] g, float[] y, float[] dx, int n) {
        FloatVector zero = FloatVector.zero(S);
        int k = 0;
        for (; k + V <= n; k += V) {
            FloatVector gv = FloatVector.fromArray(S, g, k);
            gv.blend(zero, FloatVector.fromArray(S, y, k).compare(VectorOperators.LE, 0f)).intoArray(dx, k);
        }
        return k;
    }
}
