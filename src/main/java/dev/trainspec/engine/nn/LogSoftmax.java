package dev.trainspec.engine.nn;

/**
 * nn.LogSoftmax(dim=1) with PyTorch's CPU steps in float over each slice of {@link SoftmaxFamily}
 * (the row when flat, the channels at each position of a [C, ...] row): y = x - (max +
 * log(sum(exp(x - max)))) on flat rows, y = (x - max) - log(sum(...)) on shaped rows, as
 * PyTorch's two kernels round. Unlike log(softmax(x)) it never takes the log of an underflowed 0,
 * so nll after it is cross_entropy on the logits, to float32 rounding. Backward is
 * log_softmax_backward_data: dx = g - exp(y) * sum(g) over the same slice.
 */
public final class LogSoftmax extends SoftmaxFamily {
    @Override
    protected void apply(float[] in, float[] out, int batch, boolean training) {
        for (int r = 0; r < batch; r++) {
            for (int p = 0; p < positions; p++) {
                int at = start(r, p);
                int end = at + width;
                // out holds the exps only until the log-probabilities overwrite them
                float log = (float) Math.log(expShifted(in, out, at));
                float max = lastMax();
                if (lastDim) {
                    float shift = log + max;
                    for (int i = at; i < end; i += positions) out[i] = in[i] - shift;
                } else {
                    for (int i = at; i < end; i += positions) out[i] = in[i] - max - log;
                }
            }
        }
    }

    @Override
    protected void derive(float[] g, float[] dx, int batch) {
        if (dx == null) return;
        for (int r = 0; r < batch; r++) {
            for (int p = 0; p < positions; p++) {
                int at = start(r, p);
                int end = at + width;
                float sum = 0f;
                for (int i = at; i < end; i += positions) sum += g[i];
                for (int i = at; i < end; i += positions) dx[i] = g[i] - (float) Math.exp(output[i]) * sum;
            }
        }
    }

    @Override
    public String describe() {
        return "log_softmax";
    }
}
