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
        for (int k = 0; k < n; k++) out[k] = 1f / (1f + (float) Math.exp(-in[k]));
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
