package dev.trainspec.engine.nn;

/**
 * nn.GELU() (approximate='none'): x * Phi(x) = x / 2 * (1 + erf(x / sqrt 2)), computed in double
 * and rounded to float (PyTorch's float kernel is within an ulp or two of that). Gradient
 * g * (Phi(x) + x * phi(x)), as gelu_backward.
 */
public final class Gelu extends Activation {
    private static final double SQRT1_2 = Math.sqrt(0.5);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    @Override
    protected void apply(float[] in, float[] out, int batch, boolean training) {
        int n = batch * width;
        for (int k = 0; k < n; k++) {
            double x = in[k];
            out[k] = (float) (0.5 * x * (1 + Erf.erf(x * SQRT1_2)));
        }
    }

    @Override
    protected void derive(float[] g, float[] dx, int batch) {
        if (dx == null) return;
        int n = batch * width;
        for (int k = 0; k < n; k++) {
            double x = lastInput[k];
            double cdf = 0.5 * (1 + Erf.erf(x * SQRT1_2));
            double pdf = INV_SQRT_2PI * Math.exp(-0.5 * x * x);
            dx[k] = (float) (g[k] * (cdf + x * pdf));
        }
    }

    @Override
    public String describe() {
        return "gelu";
    }
}
