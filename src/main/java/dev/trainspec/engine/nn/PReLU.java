package dev.trainspec.engine.nn;

import dev.trainspec.engine.random.RandomStream;
import java.util.List;

/**
 * nn.PReLU: x for x > 0, else a * x with a learnable slope "weight" [num_parameters]: one shared
 * slope (num_parameters = 1) or one per channel, PyTorch's dim 1: per feature of a flat row, per
 * channel c of a [C, ...] row, whose values are {@code c * positions + p} (SoftmaxFamily's
 * layout). Elements are visited row by row, channel by channel, position by position: for flat
 * rows and a shared slope the order of a plain loop over the row, so the slope's gradient (summed
 * in float) keeps the bits it had before shaped rows. Draws nothing from the random state.
 */
public final class PReLU extends Activation implements ShapedLayer {
    private final int numParameters;
    private final double init;
    /** C, and the values of one channel in one row (1 for flat rows). */
    private int channels;
    private int positions;
    private Parameter weight;

    public PReLU(int numParameters, double init) {
        if (numParameters < 1) throw new IllegalArgumentException("PReLU: num_parameters must be positive, got " + numParameters);
        this.numParameters = numParameters;
        this.init = init;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (numParameters != 1 && numParameters != inputShape[0]) {
            throw new IllegalArgumentException("Mismatch of parameter numbers and input channel size. Found parameter numbers = "
                    + numParameters + " and channel size = " + inputShape[0] + ".");
        }
        return inputShape.clone();
    }

    @Override
    public int build(int[] inputShape, int maxBatch, RandomStream rng) {
        outputShape(inputShape);
        channels = inputShape[0];
        int width = ShapedLayer.size(inputShape);
        positions = width / channels;
        return super.build(width, maxBatch, rng);
    }

    /** Flat rows of this width: one channel per feature. */
    @Override
    public int build(int inputWidth, int maxBatch, RandomStream rng) {
        return build(new int[] {inputWidth}, maxBatch, rng);
    }

    @Override
    protected void buildExtra(int inputWidth, int maxBatch, RandomStream rng) {
        weight = new Parameter("weight", numParameters);
        java.util.Arrays.fill(weight.value, (float) init);
    }

    /** The slope of channel c: weight[c], or weight[0] for all. */
    private int slope(int c) {
        return numParameters == 1 ? 0 : c;
    }

    @Override
    protected void apply(float[] in, float[] out, int batch, boolean training) {
        float[] a = weight.value;
        for (int r = 0; r < batch; r++) {
            for (int c = 0; c < channels; c++) {
                float ac = a[slope(c)];
                int at = r * width + c * positions;
                for (int k = at; k < at + positions; k++) {
                    float x = in[k];
                    out[k] = x > 0f ? x : ac * x;
                }
            }
        }
    }

    @Override
    protected void derive(float[] g, float[] dx, int batch) {
        float[] a = weight.value;
        float[] da = weight.grad;
        for (int r = 0; r < batch; r++) {
            for (int c = 0; c < channels; c++) {
                int s = slope(c);
                int at = r * width + c * positions;
                for (int k = at; k < at + positions; k++) {
                    float x = lastInput[k];
                    float gk = g[k];
                    boolean positive = x > 0f;
                    if (!positive) da[s] += x * gk;
                    if (dx != null) dx[k] = positive ? gk : a[s] * gk;
                }
            }
        }
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight);
    }

    public Parameter weight() {
        return weight;
    }

    @Override
    public String describe() {
        return "prelu(" + numParameters + ")";
    }
}
