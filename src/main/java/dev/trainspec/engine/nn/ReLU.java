package dev.trainspec.engine.nn;

/**
 * nn.ReLU. Like torch.relu (clamp_min) it propagates NaN, and like threshold_backward its
 * gradient passes where the output is not {@code <= 0} (so NaN outputs pass the gradient too).
 * describe() is exactly "relu": the evaluation counts dead units of layers that say so.
 */
public final class ReLU extends Activation {
    @Override
    protected void apply(float[] in, float[] out, int batch, boolean training) {
        int n = batch * width;
        for (int k = 0; k < n; k++) out[k] = Math.max(in[k], 0f);
    }

    @Override
    protected void derive(float[] g, float[] dx, int batch) {
        if (dx == null) return;
        int n = batch * width;
        for (int k = 0; k < n; k++) {
            // output is +0, positive or NaN (Math.max(x, 0) never gives -0), so "output <= 0"
            // is "its bits are 0"; a bit mask avoids a branch the signs would make unpredictable.
            int bits = Float.floatToRawIntBits(output[k]);
            int keep = (bits | -bits) >> 31;
            dx[k] = Float.intBitsToFloat(Float.floatToRawIntBits(g[k]) & keep);
        }
    }

    @Override
    public String describe() {
        return "relu";
    }
}
