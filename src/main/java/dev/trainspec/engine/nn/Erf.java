package dev.trainspec.engine.nn;

/**
 * erf in double to about 1e-14 (java.lang.Math has none): its Maclaurin series up to |x| = 3,
 * where the alternating terms cancel at most a few digits, and beyond it 1 - erfc from erfc's
 * continued fraction (Laplace), which converges quickly there; |x| >= 6 is +-1 in double.
 */
final class Erf {
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    private static final double SQRT_PI = Math.sqrt(Math.PI);

    private Erf() {}

    static double erf(double x) {
        if (Double.isNaN(x)) return x;
        double a = Math.abs(x);
        if (a >= 6) return Math.copySign(1.0, x);
        if (a <= 3) return series(x);
        return Math.copySign(1 - erfcContinuedFraction(a), x);
    }

    private static double series(double x) {
        double x2 = x * x;
        double power = x; // (-1)^n x^(2n+1) / n!
        double sum = x;
        for (int n = 1; n < 100; n++) {
            power *= -x2 / n;
            double term = power / (2 * n + 1);
            sum += term;
            if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
        }
        return TWO_OVER_SQRT_PI * sum;
    }

    /** erfc(a) = exp(-a^2) / sqrt(pi) / (a + (1/2) / (a + 1 / (a + (3/2) / (a + ...)))), for a >= 3. */
    private static double erfcContinuedFraction(double a) {
        double k = a;
        for (int n = 60; n >= 1; n--) k = a + (n / 2.0) / k;
        return Math.exp(-a * a) / (SQRT_PI * k);
    }
}
