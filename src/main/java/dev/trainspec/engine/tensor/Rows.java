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

    /** The row's maximum, NaN if the row holds one (Math.max propagates NaN like torch.max). */
    public static float max(float[] a, int row, int width) {
        int base = row * width;
        float m = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < width; c++) m = Math.max(m, a[base + c]);
        return m;
    }
}
