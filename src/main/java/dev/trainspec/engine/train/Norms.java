package dev.trainspec.engine.train;

import dev.trainspec.engine.nn.Parameter;

/** L2 norms over all parameters (summed in double) and the scan for non-finite weights. */
final class Norms {
    private Norms() {}

    static double gradNorm(Parameter[] params) {
        double sum = 0;
        for (Parameter p : params) for (float g : p.grad) sum += (double) g * g;
        return Math.sqrt(sum);
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
