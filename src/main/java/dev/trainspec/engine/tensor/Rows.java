package dev.trainspec.engine.tensor;

/** Per-row operations over a flat row-major [rows, width] float32 array. */
public final class Rows {
    private Rows() {}

    /**
     * torch.argmax over one row: the first index of the largest value, where NaN counts as the
     * largest (as in PyTorch, whose max propagates NaN).
     */
    public static int argmax(float[] a, int row, int width) {
        int base = row * width;
        if (width == 2) return argmaxOfTwo(a[base], a[base + 1]);
        int best = 0;
        float bestValue = a[base];
        if (Float.isNaN(bestValue)) return 0;
        for (int c = 1; c < width; c++) {
            float v = a[base + c];
            if (Float.isNaN(v)) return c;
            // which class wins is data (about a coin flip between close logits): selects, not jumps
            boolean better = v > bestValue;
            best = better ? c : best;
            bestValue = better ? v : bestValue;
        }
        return best;
    }

    /** {@link #argmax} of a two-value row (two classes, the most common case), without a loop. */
    private static int argmaxOfTwo(float a0, float a1) {
        if (Float.isNaN(a0)) return 0;
        return Float.isNaN(a1) || a1 > a0 ? 1 : 0;
    }

    /** The row's maximum, NaN if the row holds one (Math.max propagates NaN like torch.max). */
    public static float max(float[] a, int row, int width) {
        int base = row * width;
        if (width == 2) return Math.max(a[base], a[base + 1]);
        float m = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < width; c++) m = Math.max(m, a[base + c]);
        return m;
    }
}
