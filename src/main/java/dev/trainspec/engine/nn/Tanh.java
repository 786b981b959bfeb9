package dev.trainspec.engine.nn;

/** nn.Tanh; gradient g * (1 - y * y) as PyTorch's tanh_backward. */
public final class Tanh extends Activation {
    @Override
    protected void apply(float[] in, float[] out, int batch, boolean training) {
        int n = batch * width;
        for (int k = 0; k < n; k++) out[k] = (float) Math.tanh(in[k]);
    }

    @Override
    protected void derive(float[] g, float[] dx, int batch) {
        if (dx == null) return;
        int n = batch * width;
        for (int k = 0; k < n; k++) dx[k] = g[k] * (1f - output[k] * output[k]);
    }

    @Override
    protected Activation unbuiltTwin() {
        return new Tanh();
    }

    @Override
    public String describe() {
        return "tanh";
    }
}
