package dev.trainspec.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * ReLU's scalar loops and {@link SimdReluKernels} give the bits of torch.relu and
 * threshold_backward written out directly, on signed zeros, infinities, subnormals and NaNs of
 * both signs and different payloads, for lengths around whole vectors.
 */
class ReluKernelBitsTest {
    private static final float[] SPECIAL = {0f, -0f, 1f, -1f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
        Float.intBitsToFloat(0x7fc00123), Float.intBitsToFloat(0xffc00001), 1e-40f, -1e-40f, 3e38f, -3e38f};

    @Test
    void scalarAndVectorLoopsFollowTheRules() {
        // the vector kernels cover whole vectors; the tail past them keeps the expected values
        for (int n = 1; n <= 27; n++) {
            float[] x = new float[n];
            float[] g = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = SPECIAL[(i * 7 + n) % SPECIAL.length];
                g[i] = SPECIAL[(i * 5 + 3) % SPECIAL.length];
            }
            float[] y = new float[n];
            float[] dx = new float[n];
            for (int i = 0; i < n; i++) {
                y[i] = Float.isNaN(x[i]) ? x[i] : x[i] > 0f ? x[i] : 0f; // clamp_min(x, 0): NaN kept with its payload, -0 to +0
                dx[i] = y[i] <= 0f ? 0f : g[i];
            }
            float[] sy = new float[n];
            float[] sdx = new float[n];
            ReluKernels.forward(x, sy, n);
            ReluKernels.backward(g, sy, sdx, n);
            assertSameBits("forward, n = " + n, y, sy);
            assertSameBits("backward, n = " + n, dx, sdx);
            if (!Simd.ENABLED) continue;
            float[] vy = y.clone();
            float[] vdx = dx.clone();
            // many calls, so that the last ones run the JIT's vector instructions, not the API's Java fallback
            for (int call = 0; call < 20_000; call++) {
                java.util.Arrays.fill(vy, 0, n - n % 8, 7f);
                java.util.Arrays.fill(vdx, 0, n - n % 8, 7f);
                SimdReluKernels.forward(x, vy, n);
                SimdReluKernels.backward(g, y, vdx, n);
            }
            assertSameBits("vector forward, n = " + n, y, vy);
            assertSameBits("vector backward, n = " + n, dx, vdx);
        }
    }

    private static void assertSameBits(String what, float[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Integer.toHexString(Float.floatToRawIntBits(expected[i])), Integer.toHexString(Float.floatToRawIntBits(actual[i])),
                    what + ": element " + i);
        }
    }
}
