package dev.trainspec.engine.loss;

/**
 * nn.MultiMarginLoss(p=1, margin=1): per row sum over j != y of max(0, 1 - x[y] + x[j]), divided
 * by the width; mean over rows. Like PyTorch's kernel it adds a term only when z > 0, so a NaN
 * margin term counts as zero (in loss and gradient).
 */
public final class Hinge extends ClassLoss {
    @Override
    public double evaluate(float[] output, int batch, int width, int[] labels, float[] targets, float[] gradOutput) {
        double total = 0;
        float h = (float) (1.0 / ((double) batch * width));
        for (int r = 0; r < batch; r++) {
            int row = r * width;
            int y = label(labels, r, width);
            float xy = output[row + y];
            double sum = 0;
            float gy = 0f;
            for (int c = 0; c < width; c++) {
                if (c == y) continue;
                float z = 1f - xy + output[row + c];
                boolean active = z > 0f;
                if (active) sum += z;
                if (gradOutput != null) {
                    gradOutput[row + c] = active ? h : 0f;
                    if (active) gy -= h;
                }
            }
            if (gradOutput != null) gradOutput[row + y] = gy;
            total += sum / width;
        }
        return total / batch;
    }

    @Override
    public String describe() {
        return "hinge";
    }
}
