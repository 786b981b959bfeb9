package dev.trainspec.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainspec.engine.random.RandomState;
import dev.trainspec.engine.random.TorchGenerator;
import org.junit.jupiter.api.Test;

/**
 * Softmax and LogSoftmax on flat rows keep the bits they had before they learned [C, ...] rows:
 * forward and backward against the per-row loops they replaced (written out below), on widths
 * 1 to 12 with logits from a few hundredths to ~100 apart, where float rounding would show a
 * changed order of operations.
 */
class SoftmaxFamilyFlatRowsTest {
    private static final int BATCH = 6;

    private static float[] draw(RandomState rng, int n, double scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rng.normal(0, scale);
        return a;
    }

    /** The row's max, then exp(x - max) summed from column 0 up: the loop both layers started with. */
    private static float expShifted(float[] in, float[] out, int at, int width, float[] max) {
        float m = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < width; c++) m = Math.max(m, in[at + c]);
        float sum = 0f;
        for (int c = 0; c < width; c++) {
            float e = (float) Math.exp(in[at + c] - m);
            out[at + c] = e;
            sum += e;
        }
        max[0] = m;
        return sum;
    }

    /** The first n values of both arrays, bit for bit (PerChannelFlatRowsTest uses it too). */
    static void assertSameBits(float[] expected, float[] actual, int n, String what) {
        for (int i = 0; i < n; i++) {
            int at = i;
            assertEquals(Float.floatToRawIntBits(expected[at]), Float.floatToRawIntBits(actual[at]),
                    () -> what + " at " + at + ": " + expected[at] + " vs " + actual[at]);
        }
    }

    @Test
    void logSoftmaxOnFlatRowsIsTheRowLoop() {
        RandomState rng = new RandomState(7);
        for (double scale : new double[] {0.05, 3, 40}) {
            for (int width = 1; width <= 12; width++) {
                float[] x = draw(rng, BATCH * width, scale);
                float[] g = draw(rng, BATCH * width, 1);
                float[] y = new float[x.length];
                float[] dx = new float[x.length];
                float[] max = new float[1];
                for (int r = 0; r < BATCH; r++) {
                    int at = r * width;
                    float shift = (float) Math.log(expShifted(x, y, at, width, max));
                    shift += max[0];
                    for (int c = 0; c < width; c++) y[at + c] = x[at + c] - shift;
                    float sum = 0f;
                    for (int c = 0; c < width; c++) sum += g[at + c];
                    for (int c = 0; c < width; c++) dx[at + c] = g[at + c] - (float) Math.exp(y[at + c]) * sum;
                }
                LogSoftmax layer = new LogSoftmax();
                layer.build(width, BATCH, new TorchGenerator(0));
                String what = "log_softmax width " + width + " scale " + scale;
                assertSameBits(y, layer.forward(x, BATCH, true), x.length, what + " output");
                assertSameBits(dx, layer.backward(g, BATCH, true), x.length, what + " input gradient");
            }
        }
    }

    @Test
    void softmaxOnFlatRowsIsTheRowLoop() {
        RandomState rng = new RandomState(8);
        for (double scale : new double[] {0.05, 3, 40}) {
            for (int width = 1; width <= 12; width++) {
                float[] x = draw(rng, BATCH * width, scale);
                float[] g = draw(rng, BATCH * width, 1);
                float[] y = new float[x.length];
                float[] dx = new float[x.length];
                float[] max = new float[1];
                for (int r = 0; r < BATCH; r++) {
                    int at = r * width;
                    float inv = 1f / expShifted(x, y, at, width, max);
                    for (int c = 0; c < width; c++) y[at + c] *= inv;
                    float dot = 0f;
                    for (int c = 0; c < width; c++) dot += g[at + c] * y[at + c];
                    for (int c = 0; c < width; c++) dx[at + c] = y[at + c] * (g[at + c] - dot);
                }
                Softmax layer = new Softmax();
                layer.build(width, BATCH, new TorchGenerator(0));
                String what = "softmax width " + width + " scale " + scale;
                assertSameBits(y, layer.forward(x, BATCH, true), x.length, what + " output");
                assertSameBits(dx, layer.backward(g, BATCH, true), x.length, what + " input gradient");
            }
        }
    }
}
