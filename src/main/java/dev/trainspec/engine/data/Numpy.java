package dev.trainspec.engine.data;

/**
 * The few numpy float64 kernels the generators and scalers rely on, with numpy's exact order of
 * operations: float addition is not associative, so "the same numbers" means the same summation
 * order. Orders verified against numpy 1.24 on x86-64 with its baseline (SSE2/SSE3) loops and
 * OpenBLAS's Haswell kernels, the configuration the reference fixtures were made with (see
 * {@code src/test/python/make_*_fixtures.py}).
 */
final class Numpy {
    private static final int PAIRWISE_BLOCK = 128;

    private Numpy() {
    }

    /** {@code np.linspace(start, stop, num, endpoint)}: {@code i * step + start}, the last value forced to stop. */
    static double[] linspace(double start, double stop, int num, boolean endpoint) {
        double[] y = new double[num];
        int div = endpoint ? num - 1 : num;
        double delta = stop - start;
        if (div > 0) {
            double step = delta / div;
            if (step == 0) {
                for (int i = 0; i < num; i++) y[i] = i / (double) div * delta + start;
            } else {
                for (int i = 0; i < num; i++) y[i] = i * step + start;
            }
        } else {
            for (int i = 0; i < num; i++) y[i] = i * delta + start;
        }
        if (endpoint && num > 1) y[num - 1] = stop;
        return y;
    }

    /**
     * {@code np.add.reduce} over {@code n} values spaced by {@code stride}, as numpy sums along a
     * contiguous axis: sequentially below 8 values, with 8 interleaved accumulators up to 128,
     * and by recursive halving (at a multiple of 8) above.
     */
    static double pairwiseSum(double[] a, int offset, int n, int stride) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) res += a[offset + i * stride];
            return res;
        }
        if (n <= PAIRWISE_BLOCK) {
            double[] r = new double[8];
            for (int j = 0; j < 8; j++) r[j] = a[offset + j * stride];
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) r[j] += a[offset + (i + j) * stride];
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) res += a[offset + i * stride];
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwiseSum(a, offset, n2, stride) + pairwiseSum(a, offset + n2 * stride, n - n2, stride);
    }

    /**
     * {@code np.sum(x, axis=0)} of a row-major [rows, cols] block: numpy walks the rows and adds
     * each into the running column sums, except for a single column, which is a contiguous
     * reduction and therefore pairwise.
     */
    static double[] columnSums(double[] x, int rows, int cols) {
        double[] s = new double[cols];
        if (cols == 1) {
            s[0] = pairwiseSum(x, 0, rows, 1);
            return s;
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) s[j] += x[i * cols + j];
        }
        return s;
    }

    /**
     * {@code np.einsum('ij,ij->i', x, x)[row]}, sklearn's {@code row_norms(squared=True)}: numpy's
     * baseline SSE loop keeps two lanes (even and odd positions), consumes blocks of 8 values
     * from the last pair to the first, multiplies and adds without fusing, and adds the two lanes
     * at the end.
     */
    static double einsumRowSquares(double[] x, int offset, int n) {
        double lane0 = 0.0;
        double lane1 = 0.0;
        int i = 0;
        for (; n - i >= 8; i += 8) {
            for (int blk = 3; blk >= 0; blk--) {
                double a = x[offset + i + 2 * blk];
                double b = x[offset + i + 2 * blk + 1];
                lane0 = a * a + lane0;
                lane1 = b * b + lane1;
            }
        }
        for (; i < n; i += 2) {
            double a = x[offset + i];
            lane0 = a * a + lane0;
            if (i + 1 < n) {
                double b = x[offset + i + 1];
                lane1 = b * b + lane1;
            } else {
                lane1 = 0.0 * 0.0 + lane1;
            }
        }
        return lane0 + lane1;
    }

    /** {@code np.sum(x[row] ** 2)} along a contiguous row (pairwise), as {@code np.linalg.norm(axis=1)} squares and sums. */
    static double rowSumOfSquares(double[] x, int offset, int n) {
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) sq[i] = x[offset + i] * x[offset + i];
        return pairwiseSum(sq, 0, n, 1);
    }
}
