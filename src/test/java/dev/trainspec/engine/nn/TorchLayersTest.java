package dev.trainspec.engine.nn;

import static dev.trainspec.engine.Close.assertClose;
import static dev.trainspec.engine.TorchFixture.floats;
import static dev.trainspec.engine.TorchFixture.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainspec.engine.TorchFixture;
import dev.trainspec.engine.random.TorchGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each layer's forward output, input gradient and parameter gradients against PyTorch 1.13 on
 * the same float32 inputs and parameters (fixture: torch/layers.json). Tolerance 1e-6 relative
 * (to the element plus the tensor's largest value).
 */
class TorchLayersTest {
    static final double RTOL = 1e-6;
    static final Map<String, Object> CASES = TorchFixture.cases("layers.json");

    /** Builds the layer for the case's input, loads the case's parameters, runs forward and backward, compares. */
    static void check(String name, Layer layer, boolean training) {
        Map<String, Object> c = TorchFixture.of(CASES, name);
        int[] shape = TorchFixture.ints(c, "shape");
        int batch = shape[0];
        layer.build(shape[1], batch, new TorchGenerator(0));
        for (Parameter p : layer.parameters()) System.arraycopy(floats(c, p.name), 0, p.value, 0, p.size());
        runAndCompare(name, layer, c, batch, training);
    }

    static void runAndCompare(String name, Layer layer, Map<String, Object> c, int batch, boolean training) {
        float[] y = layer.forward(floats(c, "x"), batch, training);
        float[] expectedY = floats(c, "y");
        assertClose(name + " output", expectedY, java.util.Arrays.copyOf(y, expectedY.length), RTOL);
        float[] dx = layer.backward(floats(c, "g"), batch, true);
        float[] expectedDx = floats(c, "dx");
        assertClose(name + " input gradient", expectedDx, java.util.Arrays.copyOf(dx, expectedDx.length), RTOL);
        for (Parameter p : layer.parameters()) assertClose(name + " d" + p.name, floats(c, "d" + p.name), p.grad, RTOL);
    }

    @Test
    void linear() {
        check("linear", new Linear(4), true);
        check("linear_no_bias", new Linear(4, false, new Init.PyTorch()), true);
    }

    @Test
    void activations() {
        check("relu", new ReLU(), true);
        check("leaky_relu", new LeakyReLU(number(TorchFixture.of(CASES, "leaky_relu"), "negative_slope")), true);
        check("prelu_1", new PReLU(1, 0.25), true);
        check("prelu_4", new PReLU(4, 0.25), true);
        check("sigmoid", new Sigmoid(), true);
        check("tanh", new Tanh(), true);
        check("softmax", new Softmax(), true);
        check("log_softmax", new LogSoftmax(), true);
    }

    @Test
    void batchNormInTraining() {
        check("batch_norm_train", new BatchNorm1d(0.1, 1e-5), true);
    }

    @Test
    void batchNormRunningStatisticsAfterThreeStepsAndEval() {
        Map<String, Object> c = TorchFixture.of(CASES, "batch_norm_3_steps_then_eval");
        BatchNorm1d bn = new BatchNorm1d(number(c, "momentum"), number(c, "eps"));
        int width = 4;
        bn.build(width, 6, new TorchGenerator(0));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) c.get("steps");
        for (int k = 0; k < steps.size(); k++) {
            Map<String, Object> step = steps.get(k);
            bn.forward(floats(step, "x"), 6, true);
            assertClose("running_mean after step " + (k + 1), floats(step, "running_mean"), bn.runningMean(), RTOL);
            assertClose("running_var after step " + (k + 1), floats(step, "running_var"), bn.runningVar(), RTOL);
        }
        runAndCompare("batch_norm eval", bn, c, 3, false);
    }

    @Test
    void batchNormRefusesOneRowInTrainingButNotInEval() {
        BatchNorm1d bn = new BatchNorm1d(0.1, 1e-5);
        bn.build(16, 4, new TorchGenerator(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bn.forward(new float[16], 1, true));
        assertEquals("Expected more than 1 value per channel when training, got input size [1, 16]", e.getMessage());
        bn.forward(new float[16], 1, false);
    }

    @Test
    void describeStrings() {
        Linear l = new Linear(16);
        l.build(2, 1, new TorchGenerator(0));
        assertEquals("linear(2->16)", l.describe());
        Linear nb = new Linear(2, false, new Init.PyTorch());
        nb.build(16, 1, new TorchGenerator(0));
        assertEquals("linear(16->2, no bias)", nb.describe());
        Linear u = new Linear(3, true, new Init.Uniform(-0.1, 0.1));
        u.build(2, 1, new TorchGenerator(0));
        assertEquals("linear(2->3, init=uniform(-0.1, 0.1))", u.describe());
        assertEquals("relu", new ReLU().describe());
        assertEquals("leaky_relu(0.01)", new LeakyReLU(0.01).describe());
        assertEquals("dropout(p=0.5)", new Dropout(0.5).describe());
        BatchNorm1d bn = new BatchNorm1d(0.1, 1e-5);
        bn.build(16, 1, new TorchGenerator(0));
        assertEquals("batch_norm(16)", bn.describe());
        assertEquals("prelu(1)", new PReLU(1, 0.25).describe());
        assertEquals("softmax", new Softmax().describe());
    }
}
