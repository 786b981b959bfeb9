package dev.trainspec.engine.loss;

/**
 * {@code cross_entropy: {input: probabilities}}: the naive -log p[y] of a model whose last layer
 * is a softmax, written in PyTorch as {@code -torch.log(probs[range(n), y]).mean()} (seed 002 and
 * its reference script ref_softmax_ce.py). It is not nn.CrossEntropyLoss applied to
 * probabilities, which would take log_softmax of them a second time and never overflow.
 *
 * <p>Steps as autograd's: loss = mean(-log p[y]) (infinite when p[y] underflowed to 0);
 * dL/dp[y] = (-(1/batch)) / p[y] in float (MeanBackward, NegBackward, LogBackward), which is
 * -inf when p[y] = 0 and overflows to -inf for p[y] below about 1e-38 / batch; the softmax
 * layer's backward then turns it into NaN exactly where PyTorch's does.
 */
public final class CrossEntropyOnProbabilities extends ClassLoss {
    @Override
    public double evaluate(float[] output, int batch, int width, int[] labels, float[] targets, float[] gradOutput) {
        double total = 0;
        float gMean = -(1f / batch);
        for (int r = 0; r < batch; r++) {
            int row = r * width;
            int y = label(labels, r, width);
            float p = output[row + y];
            total -= (float) Math.log(p);
            if (gradOutput == null) continue;
            java.util.Arrays.fill(gradOutput, row, row + width, 0f);
            gradOutput[row + y] = gMean / p;
        }
        return total / batch;
    }

    @Override
    public String describe() {
        return "cross_entropy(input=probabilities)";
    }
}
