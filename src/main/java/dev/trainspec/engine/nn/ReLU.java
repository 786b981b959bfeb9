package dev.trainspec.engine.nn;

import dev.trainspec.engine.tensor.ReluKernels;

/**
 * nn.ReLU. Like torch.relu (clamp_min) it propagates NaN, and like threshold_backward its
 * gradient passes where the output is not {@code <= 0} (so NaN outputs pass the gradient too).
 * describe() is exactly "relu": the evaluation counts dead units of layers that say so.
 */
public final class ReLU extends Activation {
    @Override
    protected void apply(float[] in, float[] out, int batch, boolean training) {
        ReluKernels.forward(in, out, batch * width);
    }

    @Override
    protected void derive(float[] g, float[] dx, int batch) {
        if (dx != null) ReluKernels.backward(g, output, dx, batch * width);
    }

    @Override
    protected Activation unbuiltTwin() {
        return new ReLU();
    }

    @Override
    public String describe() {
        return "relu";
    }
}
