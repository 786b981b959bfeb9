package dev.trainspec.engine.loss;

/**
 * nn.BCEWithLogitsLoss on one logit per row, PyTorch 1.13's stable form in float:
 * (1 - t) x + m + log(exp(-m) + exp(-x - m)) with m = max(-x, 0); dx = (sigmoid(x) - t) / batch.
 * Like PyTorch it gives NaN for an infinite logit. Predicts class 1 when the logit is > 0.
 */
public final class BceWithLogits extends BinaryLoss {
    @Override
    public double evaluate(float[] output, int batch, int width, int[] labels, float[] targets, float[] gradOutput) {
        checkWidth(batch, width);
        double total = 0;
        for (int r = 0; r < batch; r++) {
            float x = output[r];
            float t = target(labels, r);
            float m = Math.max(-x, 0f);
            total += (1f - t) * x + m + (float) Math.log((float) Math.exp(-m) + (float) Math.exp(-x - m));
            if (gradOutput != null) {
                float sigmoid = 1f / (1f + (float) Math.exp(-x));
                gradOutput[r] = (sigmoid - t) / batch;
            }
        }
        return total / batch;
    }

    @Override
    public int predict(float[] output, int row, int width) {
        return output[row * width] > 0f ? 1 : 0;
    }

    @Override
    public String describe() {
        return "bce_with_logits";
    }
}
