package dev.trainspec.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.trainspec.engine.random.TorchGenerator;
import org.junit.jupiter.api.Test;

/**
 * max_pool2d stores no argmax offsets in eval mode (evaluation is forward only); a backward after
 * such a forward still routes each gradient to the window's maximum, as after a training forward.
 */
class MaxPoolEvalModeTest {
    @Test
    void backwardAfterAnEvalForwardGivesTheTrainingGradient() {
        int[] shape = {2, 4, 6};
        int batch = 3;
        float[] x = new float[batch * 48];
        for (int i = 0; i < x.length; i++) x[i] = (i * 37 % 23 - 11) / 7f; // no ties, maxima all over the windows
        float[] gy = new float[batch * 12];
        for (int i = 0; i < gy.length; i++) gy[i] = i + 1f;

        Pool2d trained = new Pool2d(true, 2);
        trained.build(shape, batch, new TorchGenerator(0));
        float[] y = trained.forward(x, batch, true).clone();
        float[] dx = trained.backward(gy, batch, true).clone();

        Pool2d evaluated = new Pool2d(true, 2);
        evaluated.build(shape, batch, new TorchGenerator(0));
        assertArrayEquals(y, evaluated.forward(x, batch, false).clone(), "eval forward values");
        assertArrayEquals(dx, evaluated.backward(gy, batch, true), "gradient after an eval forward");
    }
}
