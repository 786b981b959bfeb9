package dev.trainspec.engine.loss;

import dev.trainspec.engine.tensor.Rows;

/**
 * nn.MSELoss, mean over every element (batch x width) as PyTorch's; dx = (x - t) * 2 / numel.
 * For classification the targets are one-hot rows over the outputs (predict: argmax), or, with
 * a single output, the 0/1 label itself (predict: output > 0.5). For regression the single
 * output is compared with the real target.
 */
public final class Mse implements Loss {
    private final boolean regression;

    private Mse(boolean regression) {
        this.regression = regression;
    }

    public static Mse forClassification() {
        return new Mse(false);
    }

    public static Mse forRegression() {
        return new Mse(true);
    }

    public boolean isRegression() {
        return regression;
    }

    @Override
    public double evaluate(float[] output, int batch, int width, int[] labels, float[] targets, float[] gradOutput) {
        if (regression && width != 1) {
            throw new IllegalArgumentException("mse on real-valued targets needs 1 output, the model has " + width);
        }
        int numel = batch * width;
        float norm = (float) (2.0 / numel);
        double total = 0;
        for (int r = 0; r < batch; r++) {
            int row = r * width;
            int y = regression ? -1 : labels[r];
            if (!regression && width > 1 && (y < 0 || y >= width)) throw new IllegalArgumentException("Target " + y + " is out of bounds.");
            for (int c = 0; c < width; c++) {
                float t = regression ? targets[r] : width == 1 ? y : (c == y ? 1f : 0f);
                float d = output[row + c] - t;
                total += (double) d * d;
                if (gradOutput != null) gradOutput[row + c] = d * norm;
            }
        }
        return total / numel;
    }

    @Override
    public int predict(float[] output, int row, int width) {
        if (width == 1) return output[row] > 0.5f ? 1 : 0;
        return Rows.argmax(output, row, width);
    }

    @Override
    public int outputWidth(int classes) {
        if (regression) return 1;
        if (classes < 2) throw new IllegalArgumentException("mse for classification needs 2 or more classes, found " + classes);
        return classes;
    }

    @Override
    public String describe() {
        return "mse";
    }
}
