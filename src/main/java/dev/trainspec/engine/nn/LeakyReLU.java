package dev.trainspec.engine.nn;

/** nn.LeakyReLU: x for x > 0, else negative_slope * x (the slope rounded to float, as PyTorch does). */
public final class LeakyReLU extends Activation {
    private final double negativeSlope;
    private final float slope;

    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = negativeSlope;
        this.slope = (float) negativeSlope;
    }

    @Override
    protected void apply(float[] in, float[] out, int batch, boolean training) {
        int n = batch * width;
        for (int k = 0; k < n; k++) out[k] = in[k] > 0f ? in[k] : in[k] * slope;
    }

    @Override
    protected void derive(float[] g, float[] dx, int batch) {
        if (dx == null) return;
        int n = batch * width;
        for (int k = 0; k < n; k++) dx[k] = lastInput[k] > 0f ? g[k] : g[k] * slope;
    }

    @Override
    public String describe() {
        return "leaky_relu(" + Format.number(negativeSlope) + ")";
    }
}
