package dev.trainspec.engine.nn;

import dev.trainspec.engine.random.RandomStream;
import java.util.List;

/**
 * One step of a model (a list of layers applied in order): a forward/backward pair over row-major [batch, width] float32
 * activations. A layer owns its output and input-gradient buffers (allocated once in
 * {@link #build}, sized for {@code maxBatch} rows) and returns them; it keeps a reference to the
 * input it saw in forward for use in backward. It sees only its input and its output's gradient,
 * never a neighbour. Nothing is allocated in forward or backward.
 */
public interface Layer {
    /** Allocates buffers and initialises parameters; returns the output width. */
    int build(int inputWidth, int maxBatch, RandomStream rng);

    /** output[batch, outWidth] = f(input[batch, inWidth]); training selects dropout/batch-norm behaviour. */
    float[] forward(float[] input, int batch, boolean training);

    /**
     * Given dLoss/dOutput for the last forward's batch, accumulates parameter gradients and returns
     * dLoss/dInput (or null when {@code needInputGrad} is false, as for the first layer).
     */
    float[] backward(float[] gradOutput, int batch, boolean needInputGrad);

    List<Parameter> parameters();

    /** e.g. "linear(2->16)", "relu", "dropout(p=0.5)". */
    String describe();
}
