package dev.trainspec.engine.tensor;

/**
 * nn.ReLU's two loops over the first n elements, as torch.relu (clamp_min) and threshold_backward
 * compute them:
 * <pre>
 *   forward   y = Math.max(x, 0)       NaN stays NaN; -0 becomes +0 (max orders -0 below +0)
 *   backward  dx = y &lt;= 0 ? +0 : g    NaN outputs pass the gradient
 * </pre>
 * {@link SimdReluKernels} runs them eight elements a vector with the same rules, so the bits do
 * not depend on the path.
 */
public final class ReluKernels {
    private ReluKernels() {}

    public static void forward(float[] x, float[] y, int n) {
        int k = Simd.ready() && n >= SimdReluKernels.MIN_LENGTH ? SimdReluKernels.forward(x, y, n) : 0;
        for (; k < n; k++) y[k] = Math.max(x[k], 0f);
    }

    /**
     * dx from the gradient g and the forward's output y, which {@link #forward} made +0, positive
     * or NaN (never -0 or negative: for those the scalar mask below and the vector compare differ).
     */
    public static void backward(float[] g, float[] y, float[] dx, int n) {
        int k = Simd.ready() && n >= SimdReluKernels.MIN_LENGTH ? SimdReluKernels.backward(g, y, dx, n) : 0;
        for (; k < n; k++) {
            // "output <= 0" is "its bits are 0"; a bit mask avoids a branch the signs would make unpredictable.
            int bits = Float.floatToRawIntBits(y[k]);
            int keep = (bits | -bits) >> 31;
            dx[k] = Float.intBitsToFloat(Float.floatToRawIntBits(g[k]) & keep);
        }
    }
}
