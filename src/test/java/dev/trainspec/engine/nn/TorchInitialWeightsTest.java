package dev.trainspec.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.trainspec.engine.TorchFixture;
import dev.trainspec.engine.random.TorchGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whole models built from one TorchGenerator equal nn.Sequential(...) built after
 * torch.manual_seed(seed), bit for bit (torch/rng.json, make_torch_rng_fixtures.py): every weight
 * and bias, and the generator's position afterwards (the next uniform_ draws).
 */
class TorchInitialWeightsTest {
    private static final Map<String, Object> CASES = TorchFixture.cases("rng.json");

    /** Builds layers in order from one generator, then applies the custom inits, as Assembly does. */
    private static List<Linear> build(List<Layer> layers, int inputWidth, TorchGenerator g) {
        int width = inputWidth;
        for (Layer l : layers) width = l.build(width, 1, g);
        List<Linear> linears = new ArrayList<>();
        for (Layer l : layers) if (l instanceof Linear lin) linears.add(lin);
        for (Linear lin : linears) lin.applyInit(g);
        return linears;
    }

    @SuppressWarnings("unchecked")
    private static void assertModel(String name, List<Linear> linears, TorchGenerator g) {
        Map<String, Object> c = TorchFixture.of(CASES, name);
        List<List<Number>> weights = (List<List<Number>>) c.get("weights");
        List<List<Number>> biases = (List<List<Number>>) c.get("biases");
        assertEquals(weights.size(), linears.size(), name + ": linear layers");
        for (int i = 0; i < linears.size(); i++) {
            assertSameBits(weights.get(i), linears.get(i).weight().value, name + " layer " + i + " weight");
            Parameter bias = linears.get(i).bias();
            if (bias == null) assertEquals(0, biases.get(i).size(), name + " layer " + i + " has no bias");
            else assertSameBits(biases.get(i), bias.value, name + " layer " + i + " bias");
        }
        float[] next = new float[4];
        g.uniform(next, 4, 0, 1);
        assertSameBits((List<Number>) c.get("after"), next, name + ": the draws after the model");
    }

    private static void assertSameBits(List<Number> expected, float[] actual, String what) {
        assertEquals(expected.size(), actual.length, what + ": size");
        for (int k = 0; k < actual.length; k++) {
            float e = expected.get(k).floatValue();
            if (Float.floatToIntBits(e) != Float.floatToIntBits(actual[k])) fail(what + "[" + k + "]: torch " + e + ", ours " + actual[k]);
        }
    }

    @Test
    void mlp2x16x2ForSeeds0To3() {
        for (int seed = 0; seed < 4; seed++) {
            TorchGenerator g = new TorchGenerator(seed);
            List<Linear> linears = build(List.of(new Linear(16), new ReLU(), new Linear(2)), 2, g);
            assertModel("model_2_16_2_seed" + seed, linears, g);
        }
    }

    @Test
    void mlp10x64x64x4ForSeeds0To3() {
        for (int seed = 0; seed < 4; seed++) {
            TorchGenerator g = new TorchGenerator(seed);
            List<Linear> linears = build(List.of(new Linear(64), new ReLU(), new Linear(64), new ReLU(), new Linear(4)), 10, g);
            assertModel("model_10_64_64_4_seed" + seed, linears, g);
        }
    }

    @Test
    void customInitsRunAfterTheWholeModelWasConstructed() {
        for (int seed = 0; seed < 2; seed++) {
            TorchGenerator g = new TorchGenerator(seed);
            List<Layer> layers = List.of(
                    new Linear(8, true, new Init.XavierNormal(1)), new Tanh(),
                    new Linear(3, true, new Init.Normal(0, 0.3)), new ReLU(),
                    new Linear(2, true, new Init.KaimingNormal(0, Init.Fan.FAN_OUT, Init.Nonlinearity.RELU)), new ReLU(),
                    new Linear(2, false, new Init.Uniform(-0.1, 0.1)), new ReLU(),
                    new Linear(6, true, new Init.KaimingUniform(0, Init.Fan.FAN_IN, Init.Nonlinearity.RELU)), new ReLU(),
                    new Linear(3, true, new Init.XavierUniform(2)));
            assertModel("custom_init_seed" + seed, build(layers, 5, g), g);
        }
    }
}
