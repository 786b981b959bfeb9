package dev.trainspec.engine.data;

/**
 * The matrix products numpy hands to OpenBLAS in the scikit-learn generators ({@code np.dot}).
 * Each output is a dot product accumulated in order with fused multiply-adds from zero, as the
 * OpenBLAS x86-64 GEMM kernels do for the short inner dimensions the generators use; the
 * fixtures measure how close that is (see GeneratorsTest).
 */
final class Blas {
    private Blas() {
    }

    /**
     * {@code C = A @ B} with A's rows read from {@code a} at {@code aOffset + i * lda} (so a
     * column block of a wider matrix works), B row-major [k, n]; C row-major [m, n] written at
     * {@code cOffset + i * ldc}.
     */
    static void gemm(double[] a, int aOffset, int lda, int m, int k, double[] b, int n, double[] c, int cOffset, int ldc) {
        double[] row = new double[k];
        for (int i = 0; i < m; i++) {
            System.arraycopy(a, aOffset + i * lda, row, 0, k);
            for (int j = 0; j < n; j++) {
                double acc = 0.0;
                for (int p = 0; p < k; p++) acc = Math.fma(row[p], b[p * n + j], acc);
                c[cOffset + i * ldc + j] = acc;
            }
        }
    }
}
