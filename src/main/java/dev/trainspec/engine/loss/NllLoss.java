package dev.trainspec.engine.loss;

/** nn.NLLLoss: the input holds log-probabilities; loss = mean(-x[y]), dx[y] = -1/batch. */
public final class NllLoss extends ClassLoss {
    @Override
    public double evaluate(float[] output, int batch, int width, int[] labels, float[] targets, float[] gradOutput) {
        double total = 0;
        float g = -1f / batch;
        for (int r = 0; r < batch; r++) {
            int row = r * width;
            int y = label(labels, r, width);
            total -= output[row + y];
            if (gradOutput == null) continue;
            java.util.Arrays.fill(gradOutput, row, row + width, 0f);
            gradOutput[row + y] = g;
        }
        return total / batch;
    }

    @Override
    public String describe() {
        return "nll";
    }
}
