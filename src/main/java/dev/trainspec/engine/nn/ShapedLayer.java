package dev.trainspec.engine.nn;

import dev.trainspec.engine.random.RandomStream;

/**
 * A layer that reads its rows as tensors, not flat vectors: each row is a [C, H, W], [C, L] or
 * [F] block in row-major order (PyTorch's shape without the batch dimension), and the layer
 * knows what it turns a shape into. The activations stay flat float arrays, so every other
 * layer, the loss and the trainer see widths (the product of a shape) as before.
 */
public interface ShapedLayer extends Layer {
    /**
     * The per-row output shape for a per-row input shape, without building anything.
     *
     * @throws ShapeMismatch when the input does not fit, with what would fix it
     */
    int[] outputShape(int[] inputShape);

    /** Allocates buffers and initialises parameters for this per-row input shape; returns the output width. */
    int build(int[] inputShape, int maxBatch, RandomStream rng);

    /** A flat input of this width. */
    @Override
    default int build(int inputWidth, int maxBatch, RandomStream rng) {
        return build(new int[] {inputWidth}, maxBatch, rng);
    }

    /** Elements of a shape. */
    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) n = Math.multiplyExact(n, d);
        return n;
    }

    /** "[1, 8, 8]". */
    static String format(int[] shape) {
        return java.util.Arrays.toString(shape);
    }
}
