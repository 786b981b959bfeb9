package dev.trainspec.engine.nn;

import dev.trainspec.engine.tensor.Rows;

/**
 * nn.LogSoftmax(dim=1) with PyTorch's CPU steps in float: y = x - max - log(sum(exp(x - max))).
 * Unlike log(softmax(x)) it never takes the log of an underflowed 0, so nll after it is
 * cross_entropy on the logits, to float32 rounding. Backward is log_softmax_backward_data:
 * dx = g - exp(y) * sum(g).
 */
public final class LogSoftmax extends Activation {
    private final float[] max = new float[1];

    @Override
    protected void apply(float[] in, float[] out, int batch, boolean training) {
        for (int r = 0; r < batch; r++) {
            int row = r * width;
            // out holds the exps only until the log-probabilities overwrite them
            float shift = (float) Math.log(Rows.expShifted(in, out, r, width, max));
            shift += max[0];
            for (int c = 0; c < width; c++) out[row + c] = in[row + c] - shift;
        }
    }

    @Override
    protected void derive(float[] g, float[] dx, int batch) {
        if (dx == null) return;
        for (int r = 0; r < batch; r++) {
            int row = r * width;
            float sum = 0f;
            for (int c = 0; c < width; c++) sum += g[row + c];
            for (int c = 0; c < width; c++) dx[row + c] = g[row + c] - (float) Math.exp(output[row + c]) * sum;
        }
    }

    @Override
    public String describe() {
        return "log_softmax";
    }
}
