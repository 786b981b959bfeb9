package dev.trainspec.engine.nn;

import static dev.trainspec.engine.TorchFixture.floats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.TorchFixture;
import dev.trainspec.engine.random.TorchGenerator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Initialisation: nn.Linear after torch.manual_seed, bit for bit (torch/init.json; whole models
 * and every initialiser in run/TorchInitialWeightsTest), calculate_gain against PyTorch, and the
 * spread of each initialiser over a 256 x 256 weight.
 */
class InitTest {
    private static final Map<String, Object> CASES = TorchFixture.cases("init.json");

    @Test
    void defaultLinearInitIsBitExactWithTorch() {
        Linear l = new Linear(4);
        l.build(3, 1, new TorchGenerator(7));
        Map<String, Object> c = TorchFixture.of(CASES, "linear_default_seed7_3to4");
        assertArrayEquals(floats(c, "weight"), l.weight().value, 0f);
        assertArrayEquals(floats(c, "bias"), l.bias().value, 0f);
    }

    @Test
    void customInitRunsAfterResetParametersAndTheBiasKeepsItsDefault() {
        Linear l = new Linear(4, true, new Init.KaimingNormal(0, Init.Fan.FAN_OUT, Init.Nonlinearity.RELU));
        TorchGenerator g = new TorchGenerator(11);
        l.build(3, 1, g);
        l.applyInit(g);
        Map<String, Object> c = TorchFixture.of(CASES, "linear_kaiming_normal_relu_fan_out_seed11_3to4");
        assertArrayEquals(floats(c, "weight"), l.weight().value, 0f);
        assertArrayEquals(floats(c, "bias"), l.bias().value, 0f);
    }

    @Test
    void gainsMatchCalculateGain() {
        Map<String, Object> c = TorchFixture.of(CASES, "calculate_gain");
        for (Init.Nonlinearity n : new Init.Nonlinearity[] {Init.Nonlinearity.LINEAR, Init.Nonlinearity.SIGMOID,
                Init.Nonlinearity.TANH, Init.Nonlinearity.RELU}) {
            assertEquals(TorchFixture.number(c, n.key), n.gain(0), 1e-15, n.key);
        }
        // PyTorch's calculate_gain('leaky_relu') with no param uses 0.01; kaiming passes a (default 0).
        assertEquals(TorchFixture.number(c, "leaky_relu"), Init.Nonlinearity.LEAKY_RELU.gain(0.01), 1e-15);
        assertEquals(TorchFixture.number(c, "leaky_relu_0.2"), Init.Nonlinearity.LEAKY_RELU.gain(0.2), 1e-15);
    }

    private static double[] meanAndStd(float[] w) {
        double sum = 0;
        double sq = 0;
        for (float v : w) {
            sum += v;
            sq += (double) v * v;
        }
        double mean = sum / w.length;
        return new double[] {mean, Math.sqrt(sq / w.length - mean * mean)};
    }

    /** Draws a 256 x 256 weight (fan_in = fan_out = 256) and checks mean ~ 0 and the std within 1.5%. */
    private static float[] checkSpread(Init init, double expectedStd) {
        float[] w = new float[256 * 256];
        init.fill(w, 256, 256, new TorchGenerator(5));
        double[] ms = meanAndStd(w);
        assertTrue(Math.abs(ms[0]) < 4 * expectedStd / 256, init.describe() + ": mean " + ms[0]);
        double miss = Math.abs(ms[1] / expectedStd - 1);
        assertTrue(miss < 0.015, init.describe() + ": std " + ms[1] + ", expected " + expectedStd + " (miss " + miss + ")");
        return w;
    }

    private static void assertBounded(float[] w, double bound) {
        for (float v : w) assertTrue(Math.abs(v) <= (float) bound, "|" + v + "| > " + bound);
    }

    @Test
    void spreadOfEachInitialiser() {
        double bound = 1 / Math.sqrt(256);
        assertBounded(checkSpread(new Init.PyTorch(), bound / Math.sqrt(3)), bound);
        double xavier = Math.sqrt(2.0 / 512);
        assertBounded(checkSpread(new Init.XavierUniform(1), xavier), Math.sqrt(3) * xavier);
        checkSpread(new Init.XavierUniform(2), 2 * xavier);
        checkSpread(new Init.XavierNormal(1), xavier);
        double he = Math.sqrt(2) / 16;
        assertBounded(checkSpread(new Init.KaimingUniform(0, Init.Fan.FAN_IN, Init.Nonlinearity.RELU), he), Math.sqrt(3) * he);
        checkSpread(new Init.KaimingNormal(0, Init.Fan.FAN_OUT, Init.Nonlinearity.RELU), he);
        checkSpread(new Init.KaimingNormal(0, Init.Fan.FAN_IN, Init.Nonlinearity.TANH), 5.0 / 3 / 16);
        checkSpread(new Init.Normal(0, 0.3), 0.3);
        assertBounded(checkSpread(new Init.Uniform(-0.1, 0.1), 0.2 / Math.sqrt(12)), 0.1);
    }

    @Test
    void fanModeMattersForNonSquareWeights() {
        float[] w = new float[64 * 1024];
        new Init.KaimingNormal(0, Init.Fan.FAN_OUT, Init.Nonlinearity.RELU).fill(w, 1024, 64, new TorchGenerator(3));
        double std = meanAndStd(w)[1];
        assertEquals(Math.sqrt(2.0 / 64), std, 0.015 * Math.sqrt(2.0 / 64));
    }

    @Test
    void constantsDrawNothing() {
        TorchGenerator used = new TorchGenerator(1);
        float[] w = new float[6];
        new Init.Constant(0.5).fill(w, 3, 2, used);
        for (float v : w) assertEquals(0.5f, v);
        assertEquals(new TorchGenerator(1).random64(), used.random64());
        assertEquals("zeros", new Init.Constant(0).describe());
    }
}
