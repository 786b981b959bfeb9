package dev.trainspec.engine.nn;

import dev.trainspec.engine.random.RandomStream;
import java.util.List;

/**
 * nn.Unflatten(1, sizes) and nn.Flatten(): a new shape for the same row-major values, so
 * forward hands its input on and backward its output's gradient, without a copy.
 */
public final class Reshape implements ShapedLayer {
    /** null for flatten. */
    private final int[] sizes;
    private int[] in;
    private int[] out;

    private Reshape(int[] sizes) {
        this.sizes = sizes;
    }

    /** nn.Unflatten(1, sizes): the row's first dimension becomes {@code sizes}. */
    public static Reshape unflatten(int... sizes) {
        if (sizes.length == 0) throw new IllegalArgumentException("unflatten needs at least one size");
        for (int s : sizes) if (s < 1) throw new IllegalArgumentException("unflatten sizes must be positive, got " + ShapedLayer.format(sizes));
        return new Reshape(sizes.clone());
    }

    /** nn.Flatten(): every row becomes one vector. */
    public static Reshape flatten() {
        return new Reshape(null);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (sizes == null) return new int[] {ShapedLayer.size(inputShape)};
        if (ShapedLayer.size(sizes) != inputShape[0]) {
            throw new ShapeMismatch("sizes whose product is the rows' first dimension " + inputShape[0] + " (rows of shape "
                    + ShapedLayer.format(inputShape) + ")", ShapedLayer.format(sizes) + " (product " + ShapedLayer.size(sizes) + ")", "");
        }
        int[] shape = new int[sizes.length + inputShape.length - 1];
        System.arraycopy(sizes, 0, shape, 0, sizes.length);
        System.arraycopy(inputShape, 1, shape, sizes.length, inputShape.length - 1);
        return shape;
    }

    @Override
    public int build(int[] inputShape, int maxBatch, RandomStream rng) {
        out = outputShape(inputShape);
        in = inputShape.clone();
        return ShapedLayer.size(out);
    }

    @Override
    public float[] forward(float[] input, int batch, boolean training) {
        return input;
    }

    @Override
    public float[] backward(float[] gradOutput, int batch, boolean needInputGrad) {
        return needInputGrad ? gradOutput : null;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public String describe() {
        if (sizes == null) return "flatten" + (in == null ? "" : "(" + ShapedLayer.format(in) + ")");
        return "unflatten(" + ShapedLayer.format(sizes) + ")";
    }
}
