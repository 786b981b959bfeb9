package dev.trainspec.engine.nn;

import dev.trainspec.engine.tensor.Rows;

/**
 * nn.Softmax(dim=1) with PyTorch's CPU steps in float: subtract the row maximum, exponentiate,
 * multiply by the reciprocal of the sum. Probabilities underflow to exactly 0 where PyTorch's do
 * (a logit about 104 below the row's maximum), which is what makes a following -log p infinite.
 * Backward is softmax_backward_data: dx = y * (g - sum(g * y)), so an infinite g meeting y = 0
 * gives NaN, as in PyTorch.
 */
public final class Softmax extends Activation {
    private final float[] max = new float[1];

    @Override
    protected void apply(float[] in, float[] out, int batch, boolean training) {
        for (int r = 0; r < batch; r++) {
            int row = r * width;
            float inv = 1f / Rows.expShifted(in, out, r, width, max);
            for (int c = 0; c < width; c++) out[row + c] *= inv;
        }
    }

    @Override
    protected void derive(float[] g, float[] dx, int batch) {
        if (dx == null) return;
        for (int r = 0; r < batch; r++) {
            int row = r * width;
            float dot = 0f;
            for (int c = 0; c < width; c++) dot += g[row + c] * output[row + c];
            for (int c = 0; c < width; c++) dx[row + c] = output[row + c] * (g[row + c] - dot);
        }
    }

    @Override
    public String describe() {
        return "softmax";
    }
}
