package dev.trainspec.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.TorchFixture;
import dev.trainspec.engine.random.TorchGenerator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dropout's semantics: inverted scaling in training, identity in eval, masks as torch draws them after manual_seed. */
class DropoutTest {
    private static float[] ramp(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = 0.5f + i * 0.01f;
        return x;
    }

    @Test
    void trainingKeepsScaledValuesAtRateOneMinusP() {
        Dropout d = new Dropout(0.3);
        int batch = 100;
        int width = 50;
        d.build(width, batch, new TorchGenerator(4));
        float[] x = ramp(batch * width);
        float[] y = d.forward(x, batch, true);
        float scale = 1f / (float) (1 - 0.3);
        int dropped = 0;
        for (int i = 0; i < x.length; i++) {
            if (y[i] == 0f) dropped++;
            else assertEquals(x[i] * scale, y[i], 0f, "kept values are x / (1 - p) in float");
        }
        double rate = dropped / (double) x.length;
        assertTrue(Math.abs(rate - 0.3) < 0.02, "dropped fraction " + rate);
        float[] g = ramp(batch * width);
        float[] dx = d.backward(g, batch, true);
        for (int i = 0; i < x.length; i++) assertEquals(y[i] == 0f ? 0f : g[i] * scale, dx[i], 0f);
    }

    @Test
    void evalIsTheIdentity() {
        Dropout d = new Dropout(0.5);
        d.build(4, 3, new TorchGenerator(1));
        float[] x = ramp(12);
        assertSame(x, d.forward(x, 3, false));
        float[] g = ramp(12);
        assertSame(g, d.backward(g, 3, true));
    }

    @Test
    void sameSeedSameMasksAndFreshMasksEachStep() {
        Dropout a = new Dropout(0.5);
        Dropout b = new Dropout(0.5);
        a.build(8, 4, new TorchGenerator(9));
        b.build(8, 4, new TorchGenerator(9));
        float[] x = ramp(32);
        float[] first = a.forward(x, 4, true).clone();
        assertArrayEquals(first, b.forward(x, 4, true));
        assertTrue(!java.util.Arrays.equals(first, a.forward(x, 4, true)), "a new mask each training forward");
    }

    @Test
    void extremeProbabilities() {
        Dropout none = new Dropout(0);
        none.build(4, 2, new TorchGenerator(0));
        float[] x = ramp(8);
        assertSame(x, none.forward(x, 2, true));
        Dropout all = new Dropout(1);
        all.build(4, 2, new TorchGenerator(0));
        float[] y = all.forward(x, 2, true);
        for (int i = 0; i < 8; i++) assertEquals(0f, y[i]);
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5));
    }

    @Test
    void trainingOutputIsTorchsBitForBitAndConsumesTheSameDraws() {
        Map<String, Object> cases = TorchFixture.cases("rng.json");
        for (double p : new double[] {0.3, 0.5, 0.0, 1.0}) {
            int seed = p == 0.3 ? 0 : p == 0.5 ? 1 : p == 0.0 ? 2 : 3;
            Map<String, Object> c = TorchFixture.of(cases, "dropout_seed" + seed + "_p" + p);
            TorchGenerator g = new TorchGenerator(seed);
            Dropout d = new Dropout(p);
            d.build(7, 5, g);
            float[] ones = new float[35];
            java.util.Arrays.fill(ones, 1f);
            assertArrayEquals(TorchFixture.floats(c, "values"), d.forward(ones, 5, true), 0f, "nn.Dropout(" + p + ") on ones(5, 7)");
            float[] next = new float[4];
            g.uniform(next, 4, 0, 1);
            assertArrayEquals(TorchFixture.floats(c, "after"), next, 0f, "draws consumed by dropout p=" + p);
        }
    }
}
