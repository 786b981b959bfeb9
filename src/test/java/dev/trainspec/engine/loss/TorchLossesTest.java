package dev.trainspec.engine.loss;

import static dev.trainspec.engine.Close.assertClose;
import static dev.trainspec.engine.TorchFixture.floats;
import static dev.trainspec.engine.TorchFixture.ints;
import static dev.trainspec.engine.TorchFixture.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.TorchFixture;
import dev.trainspec.engine.nn.Softmax;
import dev.trainspec.engine.random.TorchGenerator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each loss's value and gradient against PyTorch 1.13 on the same float32 outputs (fixture torch/losses.json). */
class TorchLossesTest {
    private static final double RTOL = 1e-6;
    private static final Map<String, Object> CASES = TorchFixture.cases("losses.json");

    private static void check(String name, Loss loss) {
        Map<String, Object> c = TorchFixture.of(CASES, name);
        int[] shape = ints(c, "shape");
        int batch = shape[0];
        int width = shape[1];
        float[] x = floats(c, "x");
        int[] labels = c.containsKey("labels") ? ints(c, "labels") : new int[batch];
        float[] targets = c.containsKey("targets") ? floats(c, "targets") : new float[batch];
        float[] grad = new float[x.length];
        double value = loss.evaluate(x, batch, width, labels, targets, grad);
        assertClose(name + " loss", number(c, "loss"), value, RTOL);
        assertClose(name + " gradient", floats(c, "dx"), grad, RTOL);
        assertEquals(value, loss.evaluate(x, batch, width, labels, targets, null), 0.0, "the value does not depend on computing the gradient");
    }

    @Test
    void lossesMatchPyTorch() {
        check("cross_entropy", new CrossEntropy());
        check("cross_entropy_extreme", new CrossEntropy());
        check("nll", new NllLoss());
        check("bce_with_logits", new BceWithLogits());
        check("bce", new Bce());
        check("mse_one_hot", Mse.forClassification());
        check("mse_regression", Mse.forRegression());
        check("hinge", new Hinge());
    }

    /** A softmax layer, then a loss: probabilities, loss and the gradient at the logits, NaN and inf included. */
    private static void chain(String name, Loss loss, boolean withSoftmax) {
        Map<String, Object> c = TorchFixture.of(CASES, name);
        int[] shape = ints(c, "shape");
        int batch = shape[0];
        int width = shape[1];
        float[] x = floats(c, "x");
        int[] labels = ints(c, "labels");
        Softmax softmax = new Softmax();
        softmax.build(width, batch, new TorchGenerator(0));
        float[] out = withSoftmax ? softmax.forward(x, batch, true) : x;
        assertClose(name + " probabilities", floats(c, "out"), java.util.Arrays.copyOf(out, x.length), RTOL);
        float[] dout = new float[x.length];
        double value = loss.evaluate(out, batch, width, labels, null, dout);
        assertClose(name + " loss", number(c, "loss"), value, RTOL);
        assertClose(name + " gradient at the probabilities", floats(c, "dout"), dout, RTOL);
        float[] dx = withSoftmax ? softmax.backward(dout, batch, true) : dout;
        assertClose(name + " gradient at the logits", floats(c, "dx"), java.util.Arrays.copyOf(dx, x.length), RTOL);
    }

    @Test
    void softmaxThenNaiveCrossEntropyIsInfiniteAndNaNWherePyTorchIs() {
        chain("softmax_then_probabilities_finite", new CrossEntropyOnProbabilities(), true);
        chain("softmax_then_probabilities_zero", new CrossEntropyOnProbabilities(), true);
        chain("softmax_then_probabilities_tiny", new CrossEntropyOnProbabilities(), true);
        chain("softmax_then_fused_zero", new CrossEntropy(), false);
        // The fixture really has the non-finite values this test is about.
        Map<String, Object> zero = TorchFixture.of(CASES, "softmax_then_probabilities_zero");
        assertTrue(Double.isInfinite(number(zero, "loss")));
        float[] dx = floats(zero, "dx");
        assertTrue(Float.isNaN(dx[3]) && Float.isNaN(dx[4]) && Float.isNaN(dx[5]));
        assertTrue(Double.isFinite(number(TorchFixture.of(CASES, "softmax_then_fused_zero"), "loss")));
    }

    @Test
    void outputWidths() {
        assertEquals(4, new CrossEntropy().outputWidth(4));
        assertEquals(1, new BceWithLogits().outputWidth(2));
        assertEquals(1, new Bce().outputWidth(2));
        assertEquals(3, Mse.forClassification().outputWidth(3));
        assertEquals(1, Mse.forRegression().outputWidth(0));
        assertEquals(5, new Hinge().outputWidth(5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BceWithLogits().outputWidth(3));
        assertTrue(e.getMessage().contains("3 classes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CrossEntropy().outputWidth(0));
    }

    @Test
    void predictions() {
        float[] out = {0.1f, 0.7f, 0.7f, Float.NaN, 0.2f, 0.3f};
        assertEquals(1, new CrossEntropy().predict(out, 0, 3), "first maximum wins, like torch.argmax");
        assertEquals(0, new CrossEntropy().predict(out, 1, 3), "NaN counts as the maximum");
        assertEquals(1, new BceWithLogits().predict(new float[] {0.01f}, 0, 1));
        assertEquals(0, new BceWithLogits().predict(new float[] {0f}, 0, 1));
        assertEquals(1, new Bce().predict(new float[] {0.51f}, 0, 1));
        assertEquals(0, new Bce().predict(new float[] {0.5f}, 0, 1));
    }

    @Test
    void bceRefusesInputsOutsideTheUnitIntervalButReportsNaN() {
        int[] labels = {1};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Bce().evaluate(new float[] {1.5f}, 1, 1, labels, null, null));
        assertTrue(e.getMessage().startsWith("all elements of input should be between 0 and 1"), e.getMessage());
        assertTrue(Double.isNaN(new Bce().evaluate(new float[] {Float.NaN}, 1, 1, labels, null, null)));
    }

    @Test
    void labelsOutOfRangeAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropy().evaluate(new float[] {0f, 1f}, 1, 2, new int[] {2}, null, null));
        assertEquals("Target 2 is out of bounds.", e.getMessage());
    }
}
