package dev.trainspec.baseline;

/**
 * The two kernels every linear baseline spends its time in, over a row-major [rows, cols]
 * double[]: a row times a weight vector, and a weight vector plus a multiple of a row. Four
 * partial sums let the JIT overlap the additions (a fixed order, so still deterministic).
 */
final class Rows {
    private Rows() {}

    /** {@code sum_j x[xOffset + j] * w[wOffset + j]} for {@code j < n}. */
    static double dot(double[] x, int xOffset, double[] w, int wOffset, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += x[xOffset + j] * w[wOffset + j];
            s1 += x[xOffset + j + 1] * w[wOffset + j + 1];
            s2 += x[xOffset + j + 2] * w[wOffset + j + 2];
            s3 += x[xOffset + j + 3] * w[wOffset + j + 3];
        }
        for (; j < n; j++) s0 += x[xOffset + j] * w[wOffset + j];
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code g[gOffset + j] += a * x[xOffset + j]} for {@code j < n}. */
    static void addScaled(double a, double[] x, int xOffset, double[] g, int gOffset, int n) {
        for (int j = 0; j < n; j++) g[gOffset + j] += a * x[xOffset + j];
    }
}
