package dev.trainspec.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Sigmoid skips exp where it saturates (x >= 17 gives 1, x <= -89 gives 0): every float around
 * both thresholds, and the extremes, must give the bits of the full formula, which is what the
 * threshold argument in Sigmoid says. Past the thresholds exp only moves further the same way.
 */
class SigmoidSaturationTest {
    private static float formula(float x) {
        return 1f / (1f + (float) Math.exp(-x));
    }

    private static void sameBits(float from, float to) {
        int n = 0;
        for (float x = from; x <= to; x = Math.nextUp(x)) n++;
        float[] in = new float[n];
        int k = 0;
        for (float x = from; x <= to; x = Math.nextUp(x)) in[k++] = x;
        Sigmoid s = new Sigmoid();
        s.build(n, 1, null);
        float[] out = s.forward(in, 1, false);
        for (int i = 0; i < n; i++) {
            float x = in[i];
            assertEquals(Float.floatToRawIntBits(formula(x)), Float.floatToRawIntBits(out[i]), () -> "sigmoid(" + x + ")");
        }
    }

    @Test
    void aroundBothThresholdsEveryFloatGivesTheFormulasBits() {
        sameBits(15f, 19f);
        sameBits(-91f, -87f);
    }

    @Test
    void theExtremesAndNanGiveTheFormulasBits() {
        float[] in = {Float.POSITIVE_INFINITY, Float.MAX_VALUE, 1e30f, -1e30f, -Float.MAX_VALUE, Float.NEGATIVE_INFINITY, Float.NaN, 0f, -0f};
        Sigmoid s = new Sigmoid();
        s.build(in.length, 1, null);
        float[] out = s.forward(in, 1, false);
        for (int i = 0; i < in.length; i++) assertEquals(Float.floatToRawIntBits(formula(in[i])), Float.floatToRawIntBits(out[i]), "sigmoid(" + in[i] + ")");
    }
}
