package dev.trainspec.scenario;

/** One entry of {@code model:}. Input sizes are inferred when the model is assembled. */
public sealed interface LayerSpec {
    Origin origin();

    /** {@code linear: N} or {@code linear: {out: N|classes, bias, init}}; out = -1 means "classes". */
    record Linear(int out, boolean bias, Named init, Origin origin) implements LayerSpec {
        public static final int CLASSES = -1;
    }

    /**
     * A parameter-free activation or a small one: relu, leaky_relu {negative_slope}, prelu
     * {num_parameters, init}, sigmoid, tanh, softmax.
     */
    record Activation(String name, Params params, Origin origin) implements LayerSpec {}

    record Dropout(double p, Origin origin) implements LayerSpec {}

    record BatchNorm(double momentum, double eps, Origin origin) implements LayerSpec {}

    // --- Section 8.4: layers over shaped rows ([C, L], [C, H, W]); gelu is an Activation ---

    /** {@code unflatten: [C, H, W]}: nn.Unflatten(1, sizes). */
    record Unflatten(java.util.List<Integer> sizes, Origin origin) implements LayerSpec {
        public Unflatten {
            sizes = java.util.List.copyOf(sizes);
        }
    }

    /** {@code flatten}: nn.Flatten(). */
    record Flatten(Origin origin) implements LayerSpec {}

    /** {@code conv1d} / {@code conv2d: {out_channels, kernel_size, stride, padding, bias}}; dims is 1 or 2. */
    record Conv(int dims, int outChannels, int kernelSize, int stride, int padding, boolean bias, Origin origin) implements LayerSpec {}

    /** {@code max_pool2d} / {@code avg_pool2d: {kernel_size, stride}}; stride already defaulted to kernel_size. */
    record Pool(boolean max, int kernelSize, int stride, Origin origin) implements LayerSpec {}

    /** {@code layer_norm: {eps, elementwise_affine}} over the last dimension. */
    record LayerNorm(double eps, boolean elementwiseAffine, Origin origin) implements LayerSpec {}
}
