package dev.trainspec.engine.nn;

import dev.trainspec.engine.random.RandomStream;

/**
 * nn.Dropout(p): in training each element is kept with probability 1 - p and scaled by
 * 1 / (1 - p) computed in float, as PyTorch's noise.bernoulli_(1 - p).div_(1 - p) over the
 * [batch, width] input in row-major order; in eval it is the identity. p = 0 is the identity in
 * training too and p = 1 multiplies by zero, both without drawing, like torch. The masks come from
 * the stream handed to build (the run's generator, shared with init and shuffling).
 */
public final class Dropout extends Activation {
    private final double p;
    private RandomStream rng;
    /** Per element of the last training forward: 0 or 1 / (1 - p). */
    private float[] noise;
    private boolean lastWasIdentity;

    public Dropout(double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
        this.p = p;
    }

    @Override
    protected void buildExtra(int inputWidth, int maxBatch, RandomStream rng) {
        this.rng = rng;
        this.noise = new float[maxBatch * inputWidth];
    }

    @Override
    public float[] forward(float[] input, int batch, boolean training) {
        lastWasIdentity = !training || p == 0;
        if (lastWasIdentity) return input;
        return super.forward(input, batch, true);
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        if (!needInputGrad) return null;
        if (lastWasIdentity) return gradOutput;
        return super.backward(gradOutput, batch, true);
    }

    @Override
    protected void apply(float[] in, float[] out, int batch, boolean training) {
        int n = batch * width;
        // p = 1: torch multiplies by zero without drawing; else bernoulli_(1 - p).div_(1 - p)
        if (p == 1) java.util.Arrays.fill(noise, 0, n, 0f);
        else rng.bernoulli(noise, n, 1 - p, 1f / (float) (1 - p));
        for (int k = 0; k < n; k++) out[k] = in[k] * noise[k];
    }

    @Override
    protected void derive(float[] g, float[] dx, int batch) {
        int n = batch * width;
        for (int k = 0; k < n; k++) dx[k] = g[k] * noise[k];
    }

    /** In eval mode a dropout layer is the identity: its twin reads nothing but its input. */
    @Override
    protected Activation unbuiltTwin() {
        return new Dropout(p);
    }

    public double p() {
        return p;
    }

    @Override
    public String describe() {
        return "dropout(p=" + Format.number(p) + ")";
    }
}
