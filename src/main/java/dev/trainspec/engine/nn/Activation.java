package dev.trainspec.engine.nn;

import dev.trainspec.engine.random.RandomStream;
import java.util.List;

/**
 * The buffers and bookkeeping every shape-preserving layer shares: output and input-gradient
 * arrays sized once in build, and the last input and output kept for backward. Subclasses supply
 * the two loops over the first {@code n = batch * width} elements.
 */
abstract class Activation implements Layer {
    protected int width = -1;
    protected float[] output;
    protected float[] gradInput;
    /** The input of the last forward (not copied: the previous layer keeps it until its own next forward). */
    protected float[] lastInput;

    @Override
    public int build(int inputWidth, int maxBatch, RandomStream rng) {
        this.width = inputWidth;
        this.output = new float[maxBatch * inputWidth];
        this.gradInput = new float[maxBatch * inputWidth];
        buildExtra(inputWidth, maxBatch, rng);
        return inputWidth;
    }

    /**
     * A new, unbuilt layer of this kind and settings for {@link #evalTwin}, or null: only layers
     * whose eval-mode forward reads nothing but its input (no parameters, no running statistics)
     * return one.
     */
    protected Activation unbuiltTwin() {
        return null;
    }

    @Override
    public Layer evalTwin(int maxBatch) {
        Activation twin = unbuiltTwin();
        if (twin == null) return null;
        twin.width = width;
        twin.output = new float[maxBatch * width];
        return twin;
    }

    /** Hook for layers with parameters or masks. */
    protected void buildExtra(int inputWidth, int maxBatch, RandomStream rng) {}

    @Override
    public float[] forward(float[] input, int batch, boolean training) {
        lastInput = input;
        apply(input, output, batch, training);
        return output;
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        derive(gradOutput, needInputGrad ? gradInput : null, batch);
        return needInputGrad ? gradInput : null;
    }

    /** out[0, batch * width) = f(in). */
    protected abstract void apply(float[] in, float[] out, int batch, boolean training);

    /** Accumulates parameter gradients (if any) and, when {@code dx} is not null, writes dLoss/dInput. */
    protected abstract void derive(float[] g, float[] dx, int batch);

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
