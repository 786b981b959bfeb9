package dev.trainspec.engine.loss;

/**
 * nn.BCELoss on one probability per row, as PyTorch 1.13's CPU kernel in float:
 * (t - 1) * max(log(1 - p), -100) - t * max(log(p), -100) (the clamp keeps a saturated sigmoid
 * finite) and dp = (p - t) / max((1 - p) p, 1e-12) / batch. Predicts class 1 when p > 0.5.
 *
 * <p>PyTorch raises "all elements of input should be between 0 and 1" for any input outside
 * [0, 1], NaN included. A finite input outside the range is a modelling mistake and throws the
 * same message here; NaN (a diverged run) gives a NaN loss instead, so that the trainer records
 * where training became non-finite.
 */
public final class Bce extends BinaryLoss {
    private static final float EPSILON = 1e-12f;

    @Override
    public double evaluate(float[] output, int batch, int width, int[] labels, float[] targets, float[] gradOutput) {
        checkWidth(batch, width);
        double total = 0;
        for (int r = 0; r < batch; r++) {
            float p = output[r];
            float t = target(labels, r);
            if (p < 0f || p > 1f) throw new IllegalArgumentException("all elements of input should be between 0 and 1, found " + p);
            float logP = Math.max((float) Math.log(p), -100f);
            float log1mP = Math.max((float) Math.log(1f - p), -100f);
            total += (t - 1f) * log1mP - t * logP;
            if (gradOutput != null) gradOutput[r] = (p - t) / Math.max((1f - p) * p, EPSILON) / batch;
        }
        return total / batch;
    }

    @Override
    public int predict(float[] output, int row, int width) {
        return output[row * width] > 0.5f ? 1 : 0;
    }

    @Override
    public String describe() {
        return "bce";
    }
}
