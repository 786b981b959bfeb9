package dev.trainspec.engine.nn;

import dev.trainspec.engine.random.RandomStream;
import java.util.List;

/**
 * nn.PReLU: x for x > 0, else a * x with a learnable slope "weight" [num_parameters], one shared
 * slope (num_parameters = 1) or one per feature. Draws nothing from the random state.
 */
public final class PReLU extends Activation {
    private final int numParameters;
    private final double init;
    private Parameter weight;

    public PReLU(int numParameters, double init) {
        if (numParameters < 1) throw new IllegalArgumentException("PReLU: num_parameters must be positive, got " + numParameters);
        this.numParameters = numParameters;
        this.init = init;
    }

    @Override
    protected void buildExtra(int inputWidth, int maxBatch, RandomStream rng) {
        if (numParameters != 1 && numParameters != inputWidth) {
            throw new IllegalArgumentException("Mismatch of parameter numbers and input channel size. Found parameter numbers = "
                    + numParameters + " and channel size = " + inputWidth + ".");
        }
        weight = new Parameter("weight", numParameters);
        java.util.Arrays.fill(weight.value, (float) init);
    }

    @Override
    protected void apply(float[] in, float[] out, int batch, boolean training) {
        float[] a = weight.value;
        int stride = numParameters == 1 ? 0 : 1;
        for (int r = 0; r < batch; r++) {
            int row = r * width;
            for (int c = 0; c < width; c++) {
                float x = in[row + c];
                out[row + c] = x > 0f ? x : a[c * stride] * x;
            }
        }
    }

    @Override
    protected void derive(float[] g, float[] dx, int batch) {
        float[] a = weight.value;
        float[] da = weight.grad;
        int stride = numParameters == 1 ? 0 : 1;
        for (int r = 0; r < batch; r++) {
            int row = r * width;
            for (int c = 0; c < width; c++) {
                float x = lastInput[row + c];
                float gk = g[row + c];
                boolean positive = x > 0f;
                if (!positive) da[c * stride] += x * gk;
                if (dx != null) dx[row + c] = positive ? gk : a[c * stride] * gk;
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
