package dev.trainspec.engine.nn;

/**
 * A learnable tensor and its gradient, flat float32 storage like PyTorch's, row-major. Layers
 * accumulate into {@code grad}; the trainer zeroes it before each step. Optimizer state lives in
 * the optimizer, keyed by the parameter, never here.
 */
public final class Parameter {
    public final String name;
    public final float[] value;
    public final float[] grad;
    /** Shape as PyTorch reports it, e.g. [out, in] for a linear weight, [out] for its bias. */
    private final int[] shape;

    public Parameter(String name, int... shape) {
        int size = 1;
        for (int d : shape) size = Math.multiplyExact(size, d);
        this.name = name;
        this.shape = shape.clone();
        this.value = new float[size];
        this.grad = new float[size];
    }

    public int size() {
        return value.length;
    }

    public int[] shape() {
        return shape.clone();
    }

    public void zeroGrad() {
        java.util.Arrays.fill(grad, 0f);
    }

    @Override
    public String toString() {
        return name + java.util.Arrays.toString(shape);
    }
}
