package dev.trainspec.engine.train;

import dev.trainspec.engine.nn.Parameter;

/** L2 norms over all parameters (summed in double) and the scan for non-finite weights. */
final class Norms {
    private Norms() {}

    /**
     * The gradient norm over all parameters, over params[0, firstEnd) (the first layer's) and over
     * params[lastStart, n) (the last layer's), read in one pass, into {@code out[0..2]}. Each is
     * sqrt of a double sum of squares from 0 in parameter order, with the bits it would have if
     * summed alone: the first layer's sum is the total's running sum where it leaves the first
     * layer, and a float squared is exact in double, so adding it to two sums rounds each as it
     * would alone.
     */
    static void gradNorms(Parameter[] params, int firstEnd, int lastStart, double[] out) {
        double sum = 0;
        double first = 0;
        double last = 0;
        for (int i = 0; i < params.length; i++) {
            float[] grad = params[i].grad;
            if (i < lastStart) {
                for (float g : grad) sum += (double) g * g;
            } else {
                for (float g : grad) {
                    double square = (double) g * g;
                    sum += square;
                    last += square;
                }
            }
            if (i == firstEnd - 1) first = sum;
        }
        out[0] = Math.sqrt(sum);
        out[1] = Math.sqrt(first);
        out[2] = Math.sqrt(last);
    }

    static double weightNorm(Parameter[] params) {
        double sum = 0;
        for (Parameter p : params) for (float v : p.value) sum += (double) v * v;
        return Math.sqrt(sum);
    }

    /** torch.nn.utils.clip_grad_norm_'s scaling, applied when the factor is below 1. */
    static void scaleGrads(Parameter[] params, double factor) {
        if (factor >= 1) return;
        float f = (float) factor;
        for (Parameter p : params) for (int i = 0; i < p.grad.length; i++) p.grad[i] *= f;
    }

    /** The name of the first parameter holding NaN or infinity, or null. */
    static String firstNonFinite(Parameter[] params) {
        for (Parameter p : params) for (float v : p.value) if (!Float.isFinite(v)) return p.name;
        return null;
    }
}
