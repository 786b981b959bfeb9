package dev.trainspec.engine.loss;

import dev.trainspec.engine.tensor.Rows;

/**
 * nn.CrossEntropyLoss on logits: log_softmax fused with nll_loss, stable for any finite logits.
 * Steps as PyTorch's float kernels: lsm = (x - max) - log(sum(exp(x - max))); loss = -lsm[y];
 * dx = g - softmax * sum(g) with g = -1/batch at the label (log_softmax_backward, which takes
 * exp(lsm) for the softmax; reusing exp(x - max) / sum instead saves an exp per element and
 * differs by at most an ulp).
 */
public final class CrossEntropy extends ClassLoss {
    /** exp(x - max) of the current row; grown once to the widest row seen. */
    private float[] exps = new float[0];

    @Override
    public double evaluate(float[] output, int batch, int width, int[] labels, float[] targets, float[] gradOutput) {
        double total = 0;
        float gLabel = -1f / batch;
        for (int r = 0; r < batch; r++) {
            int row = r * width;
            int y = label(labels, r, width);
            float max = Rows.max(output, r, width);
            if (exps.length < width) exps = new float[width];
            float sum = 0f;
            for (int c = 0; c < width; c++) {
                // exp(0) is exactly 1, and x - max is 0 only where x is the (finite) max itself:
                // one exp fewer per row, the same bits (a NaN or infinite max still goes through exp)
                float d = output[row + c] - max;
                float e = d == 0f ? 1f : (float) Math.exp(d);
                exps[c] = e;
                sum += e;
            }
            float logSum = (float) Math.log(sum);
            total -= (output[row + y] - max) - logSum;
            if (gradOutput == null) continue;
            float inv = 1f / sum;
            for (int c = 0; c < width; c++) gradOutput[row + c] = -(exps[c] * inv) * gLabel;
            gradOutput[row + y] += gLabel;
        }
        return total / batch;
    }

    @Override
    public String describe() {
        return "cross_entropy";
    }
}
