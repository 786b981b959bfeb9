package dev.trainspec.engine.data;

/**
 * The Q factor of a thin QR decomposition by Householder reflections, LAPACK's conventions
 * (dlarfg: {@code beta = -sign(alpha) * ||x||}, tau = 0 when the column below is already zero;
 * dorgqr: Q = H1 H2 ... Hn applied to the first n columns of the identity).
 */
final class HouseholderQr {
    private HouseholderQr() {
    }

    /** Q [m, n] row-major of the row-major [m, n] matrix a (m >= n); a is not changed. */
    static double[] q(double[] input, int m, int n) {
        double[] a = input.clone();
        double[] tau = new double[n];
        for (int k = 0; k < n; k++) {
            double alpha = a[k * n + k];
            double xnorm = 0;
            for (int i = k + 1; i < m; i++) xnorm = Math.hypot(xnorm, a[i * n + k]);
            if (xnorm == 0) {
                tau[k] = 0;
                continue;
            }
            double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
            tau[k] = (beta - alpha) / beta;
            double scal = 1 / (alpha - beta);
            for (int i = k + 1; i < m; i++) a[i * n + k] *= scal;
            a[k * n + k] = beta;
            for (int j = k + 1; j < n; j++) {
                double w = a[k * n + j];
                for (int i = k + 1; i < m; i++) w += a[i * n + k] * a[i * n + j];
                w *= tau[k];
                a[k * n + j] -= w;
                for (int i = k + 1; i < m; i++) a[i * n + j] -= w * a[i * n + k];
            }
        }
        double[] q = new double[m * n];
        for (int i = 0; i < n; i++) q[i * n + i] = 1;
        for (int k = n - 1; k >= 0; k--) {
            for (int j = 0; j < n; j++) {
                double w = q[k * n + j];
                for (int i = k + 1; i < m; i++) w += a[i * n + k] * q[i * n + j];
                w *= tau[k];
                q[k * n + j] -= w;
                for (int i = k + 1; i < m; i++) q[i * n + j] -= w * a[i * n + k];
            }
        }
        return q;
    }
}
