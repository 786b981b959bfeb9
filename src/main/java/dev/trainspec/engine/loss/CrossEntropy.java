package dev.trainspec.engine.loss;

import dev.trainspec.engine.tensor.Rows;

/**
 * nn.CrossEntropyLoss on logits: log_softmax fused with nll_loss, stable for any finite logits.
 * Steps as PyTorch's float kernels: lsm = (x - max) - log(sum(exp(x - max))); loss = -lsm[y];
 * dx = g - exp(lsm) * sum(g) with g = -1/batch at the label (log_softmax_backward).
 */
public final class CrossEntropy extends ClassLoss {
    @Override
    public double evaluate(float[] output, int batch, int width, int[] labels, float[] targets, float[] gradOutput) {
        double total = 0;
        float gLabel = -1f / batch;
        for (int r = 0; r < batch; r++) {
            int row = r * width;
            int y = label(labels, r, width);
            float max = Rows.max(output, r, width);
            float sum = 0f;
            for (int c = 0; c < width; c++) sum += (float) Math.exp(output[row + c] - max);
            float logSum = (float) Math.log(sum);
            total -= (output[row + y] - max) - logSum;
            if (gradOutput == null) continue;
            for (int c = 0; c < width; c++) {
                float lsm = (output[row + c] - max) - logSum;
                float g = c == y ? gLabel : 0f;
                gradOutput[row + c] = g - (float) Math.exp(lsm) * gLabel;
            }
        }
        return total / batch;
    }

    @Override
    public String describe() {
        return "cross_entropy";
    }
}
