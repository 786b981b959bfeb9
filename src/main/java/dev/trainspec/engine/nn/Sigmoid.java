package dev.trainspec.engine.nn;

/**
 * nn.Sigmoid as PyTorch's float kernel computes it, 1 / (1 + exp(-x)) with exp rounded to float:
 * it saturates to exactly 0 below x = -88.7 (where exp overflows) and to exactly 1 above about
 * 17, where BCE's clamped log then matters. Gradient g * (1 - y) * y, as sigmoid_backward.
 */
public final class Sigmoid extends Activation {
    @Override
    protected void apply(float[] in, float[] out, int batch, boolean training) {
        int n = batch * width;
        for (int k = 0; k < n; k++) {
            float x = in[k];
            // saturated inputs skip exp, bits unchanged: from 17, exp(-x) < 2^-24 (half an ulp of 1) so 1 + exp(-x)
            // rounds to 1; to -89, exp(-x) > Float.MAX_VALUE rounds to infinity, giving 0. Seed 001's raw inputs
            // saturate most hidden units, and exp was a tenth of mvn test's scenario training (docs/benchmarks.md)
            if (x >= 17f) out[k] = 1f;
            else if (x <= -89f) out[k] = 0f;
            else out[k] = 1f / (1f + (float) Math.exp(-x));
        }
    }

    @Override
    protected void derive(float[] g, float[] dx, int batch) {
        if (dx == null) return;
        int n = batch * width;
        for (int k = 0; k < n; k++) dx[k] = g[k] * (1f - output[k]) * output[k];
    }

    @Override
    protected Activation unbuiltTwin() {
        return new Sigmoid();
    }

    @Override
    public String describe() {
        return "sigmoid";
    }
}
