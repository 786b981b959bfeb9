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

    /**
     * A layer for another thread's eval-mode forward passes of at most {@code maxBatch} rows: this
     * one's parameters and settings, only read, and buffers of its own (a layer owns its output,
     * so two threads cannot share one). Null when a layer has none; evaluation then stays on one
     * thread. Called after {@link #build}.
     */
    default Layer evalTwin(int maxBatch) {
        return null;
    }

    /** e.g. "linear(2->16)", "relu", "dropout(p=0.5)". */
    String describe();
}
