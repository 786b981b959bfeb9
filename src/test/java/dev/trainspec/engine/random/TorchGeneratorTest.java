package dev.trainspec.engine.random;

import static dev.trainspec.engine.TorchFixture.floats;
import static dev.trainspec.engine.TorchFixture.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.trainspec.engine.TorchFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TorchGenerator against PyTorch 1.13 CPU (torch/rng.json, made by make_torch_rng_fixtures.py):
 * every value bit for bit, and after each call the next four uniform_ floats, which shows the call
 * consumed exactly as many draws as PyTorch's.
 */
class TorchGeneratorTest {
    static final Map<String, Object> CASES = TorchFixture.cases("rng.json");

    static Map<String, Object> c(String name) {
        return TorchFixture.of(CASES, name);
    }

    static long seed(Map<String, Object> c) {
        Object s = c.get("seed");
        return s instanceof String str ? Long.parseLong(str) : ((Number) s).longValue();
    }

    /** Bit-exact comparison that names the first mismatch and counts them all. */
    static void assertBits(float[] expected, float[] actual, int n, String what) {
        assertEquals(expected.length, n, what + ": length");
        int misses = 0;
        int first = -1;
        for (int i = 0; i < n; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                if (first < 0) first = i;
                misses++;
            }
        }
        if (misses > 0) fail(what + ": " + misses + " of " + n + " differ; first at " + first + ": torch "
                + expected[first] + ", ours " + actual[first]);
    }

    static void assertPosition(Map<String, Object> c, TorchGenerator g, String what) {
        float[] next = new float[4];
        g.uniform(next, 4, 0, 1);
        assertBits(floats(c, "after"), next, 4, what + ": the next draws after it");
    }

    @Test
    void rawStreamMatchesInt64Random() {
        for (String name : CASES.keySet()) {
            if (!name.startsWith("random64_")) continue;
            Map<String, Object> c = c(name);
            TorchGenerator g = new TorchGenerator(seed(c));
            List<?> values = (List<?>) c.get("values");
            for (int i = 0; i < values.size(); i++) {
                assertEquals(Long.parseLong((String) values.get(i)), g.randomInt64(), name + " draw " + i);
            }
        }
    }

    @Test
    void uniformFloatTensors() {
        for (String name : CASES.keySet()) {
            if (!name.startsWith("uniform_")) continue;
            Map<String, Object> c = c(name);
            TorchGenerator g = new TorchGenerator(seed(c));
            float[] expected = floats(c, "values");
            float[] out = new float[expected.length];
            g.uniform(out, out.length, TorchFixture.number(c, "from"), TorchFixture.number(c, "to"));
            assertBits(expected, out, out.length, name);
            assertPosition(c, g, name);
        }
    }

    @Test
    void normalFloatTensorsBelowAndFrom16Elements() {
        for (String name : CASES.keySet()) {
            if (!name.startsWith("normal_seed")) continue;
            Map<String, Object> c = c(name);
            TorchGenerator g = new TorchGenerator(seed(c));
            float[] expected = floats(c, "values");
            float[] out = new float[expected.length];
            g.normal(out, out.length, TorchFixture.number(c, "mean"), TorchFixture.number(c, "std"));
            assertBits(expected, out, out.length, name);
            assertPosition(c, g, name);
        }
    }

    @Test
    void cachedNormalSurvivesOtherCalls() {
        Map<String, Object> c = c("normal_cache_seed11");
        TorchGenerator g = new TorchGenerator(11);
        float[] a = new float[3];
        float[] b = new float[4];
        float[] d = new float[5];
        g.normal(a, 3, 0, 1);
        g.uniform(b, 4, 0, 1);
        g.normal(d, 5, 1, 2);
        assertBits(floats(c, "first3"), a, 3, "normal_(3)");
        assertBits(floats(c, "uniform4"), b, 4, "uniform_(4) after it");
        assertBits(floats(c, "then5"), d, 5, "normal_(5) starting with the cached value");
        assertPosition(c, g, "normal cache");
    }

    @Test
    void randpermWithAGenerator() {
        for (String name : CASES.keySet()) {
            if (!name.startsWith("randperm_")) continue;
            Map<String, Object> c = c(name);
            int n = (int) TorchFixture.number(c, "n");
            TorchGenerator g = new TorchGenerator(seed(c));
            int[] out = new int[n];
            g.randperm(out, n);
            assertEquals(java.util.Arrays.toString(ints(c, "values")), java.util.Arrays.toString(out), name);
        }
    }

    @Test
    void bernoulliFloatTensors() {
        for (String name : CASES.keySet()) {
            if (!name.startsWith("bernoulli_")) continue;
            Map<String, Object> c = c(name);
            TorchGenerator g = new TorchGenerator(seed(c));
            float[] expected = floats(c, "values");
            float[] out = new float[expected.length];
            g.bernoulli(out, out.length, TorchFixture.number(c, "p"), 1f);
            assertBits(expected, out, out.length, name);
            assertPosition(c, g, name);
        }
    }

    @Test
    void dataLoaderEpochs() {
        for (String name : CASES.keySet()) {
            if (!name.startsWith("loader_")) continue;
            Map<String, Object> c = c(name);
            int n = (int) TorchFixture.number(c, "n");
            boolean shuffle = (Boolean) c.get("shuffle");
            TorchGenerator g = new TorchGenerator(seed(c));
            int[] order = new int[n];
            List<?> orders = (List<?>) c.get("orders");
            for (int epoch = 0; epoch < orders.size(); epoch++) {
                g.epochOrder(order, shuffle);
                List<?> expected = (List<?>) orders.get(epoch);
                for (int i = 0; i < n; i++) assertEquals(((Number) expected.get(i)).intValue(), order[i], name + " epoch " + epoch + " position " + i);
            }
            assertPosition(c, g, name);
        }
    }

    @Test
    void samplerSeedIsTheSecondInt64DrawOfAnEpoch() {
        // A bare RandomSampler (no DataLoader) draws only its own seed: replaying it needs randomInt64 + randperm.
        Map<String, Object> c = c("sampler_seed7_n10");
        TorchGenerator g = new TorchGenerator(7);
        TorchGenerator sampler = new TorchGenerator(g.randomInt64());
        int[] order = new int[10];
        sampler.randperm(order, 10);
        assertEquals(java.util.Arrays.toString(ints(c, "order")), java.util.Arrays.toString(order));
        assertPosition(c, g, "sampler");
    }

    @Test
    void seedsUseTheirLow32Bits() {
        TorchGenerator a = new TorchGenerator(5);
        TorchGenerator b = new TorchGenerator((1L << 32) + 5);
        for (int i = 0; i < 10; i++) assertEquals(a.random(), b.random());
        assertTrue(b.toString().contains(Long.toString((1L << 32) + 5)));
    }

    @Test
    void badArgumentsAreRejectedLikeTorch() {
        TorchGenerator g = new TorchGenerator(0);
        float[] w = new float[4];
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> g.uniform(w, 4, 0.5, -0.5));
        assertTrue(e.getMessage().contains("from=0.5 > to=-0.5"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> g.normal(w, 4, 0, -1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> g.bernoulli(w, 4, 1.5, 1f));
    }
}
