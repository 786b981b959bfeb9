package dev.trainspec.engine.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Finite-difference checks of every layer's backward (see {@link GradientCheck}), in training and eval where they differ. */
class GradientCheckTest {
    private static void check(String what, Supplier<Layer> layer, int width, boolean training) {
        double miss = GradientCheck.of(layer, width, training).run(what);
        System.out.printf("gradient check %-28s miss %.2e%n", what, miss);
    }

    @Test
    void linear() {
        check("linear", () -> new Linear(3), 4, true);
        check("linear no bias", () -> new Linear(3, false, new Init.PyTorch()), 4, true);
    }

    @Test
    void activations() {
        check("relu", ReLU::new, 4, true);
        check("leaky_relu", () -> new LeakyReLU(0.2), 4, true);
        check("prelu(1)", () -> new PReLU(1, 0.25), 4, true);
        check("prelu(4)", () -> new PReLU(4, 0.25), 4, true);
        check("sigmoid", Sigmoid::new, 4, true);
        check("tanh", Tanh::new, 4, true);
        check("softmax", Softmax::new, 4, true);
        check("log_softmax", LogSoftmax::new, 4, true);
    }

    @Test
    void dropoutInTrainingAndEval() {
        check("dropout train", () -> new Dropout(0.3), 4, true);
        check("dropout eval", () -> new Dropout(0.3), 4, false);
    }

    @Test
    void batchNormInTrainingAndEval() {
        check("batch_norm train", () -> new BatchNorm1d(0.1, 1e-5), 4, true);
        // Eval mode after two training passes, so the running statistics are not just 0 and 1.
        Consumer<Layer> warm = l -> {
            float[] a = new float[5 * 4];
            for (int i = 0; i < a.length; i++) a[i] = (float) Math.sin(i) * 3 + i % 4;
            l.forward(a, 5, true);
            l.forward(a, 4, true);
        };
        double miss = new GradientCheck(() -> new BatchNorm1d(0.1, 1e-5), 4, 5, false, warm, 7).run("batch_norm eval");
        System.out.printf("gradient check %-28s miss %.2e%n", "batch_norm eval", miss);
        assertTrue(miss <= GradientCheck.TOLERANCE);
    }
}
