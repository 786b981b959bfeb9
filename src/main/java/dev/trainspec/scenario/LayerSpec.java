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
}
