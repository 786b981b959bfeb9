package dev.trainspec.engine.nn;

/**
 * nn.Softmax(dim=1) with PyTorch's CPU steps in float over each slice of {@link SoftmaxFamily}
 * (the row when flat, the channels at each position of a [C, ...] row): subtract the slice's
 * maximum, exponentiate, then multiply by the reciprocal of the sum (flat rows) or divide by it
 * (shaped rows), as PyTorch's two kernels do. Probabilities underflow to exactly 0 where
 * PyTorch's do (a logit about 104 below the maximum), which is what makes a following -log p
 * infinite. Backward is softmax_backward_data: dx = y * (g - sum(g * y)), so an infinite g
 * meeting y = 0 gives NaN, as in PyTorch.
 */
public final class Softmax extends SoftmaxFamily {
    @Override
    protected void apply(float[] in, float[] out, int batch, boolean training) {
        for (int r = 0; r < batch; r++) {
            for (int p = 0; p < positions; p++) {
                int at = start(r, p);
                int end = at + width;
                float sum = expShifted(in, out, at);
                if (lastDim) {
                    float inv = 1f / sum;
                    for (int i = at; i < end; i += positions) out[i] *= inv;
                } else {
                    for (int i = at; i < end; i += positions) out[i] /= sum;
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
                float dot = 0f;
                for (int i = at; i < end; i += positions) dot += g[i] * output[i];
                for (int i = at; i < end; i += positions) dx[i] = output[i] * (g[i] - dot);
            }
        }
    }

    @Override
    public String describe() {
        return "softmax";
    }
}
