package dev.trainspec.baseline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** L-BFGS on functions whose minimiser is known exactly. */
class LbfgsTest {
    /** f(w) = 1/2 sum_j a_j (w_j - j)^2 with curvatures spread over four decades. */
    private static final class Quadratic implements Objective {
        @Override
        public int dimension() {
            return 20;
        }

        @Override
        public double valueAndGradient(double[] w, double[] g) {
            double f = 0;
            for (int j = 0; j < w.length; j++) {
                double a = Math.pow(10, 4.0 * j / (w.length - 1));
                f += 0.5 * a * (w[j] - j) * (w[j] - j);
                g[j] = a * (w[j] - j);
            }
            return f;
        }
    }

    /**
     * Condition number 1e4, so a relative gradient of 1e-12 (of |g0| = 1.9e5) bounds the error by
     * 1.9e-7. scipy's L-BFGS-B (maxcor 10, same gtol, ftol 0) needs 551 iterations here; allow 600.
     */
    @Test
    void findsTheMinimumOfAnIllConditionedQuadratic() {
        double[] w = new double[20];
        Convergence c = new Lbfgs(10, 1e-12, 1000).minimize(new Quadratic(), w);
        double miss = 0;
        for (int j = 0; j < w.length; j++) miss = Math.max(miss, Math.abs(w[j] - j));
        double m = miss;
        assertTrue(c.converged(), c::toString);
        assertTrue(miss <= 1.9e-7, () -> "minimiser off by " + m + "; " + c);
        assertTrue(c.iterations() <= 600, () -> "slower than scipy's L-BFGS-B: " + c);
    }

    @Test
    void stopsAtTheIterationGuardAndSaysSo() {
        double[] w = new double[20];
        Convergence c = new Lbfgs(10, 1e-14, 3).minimize(new Quadratic(), w);
        assertTrue(!c.converged() && c.iterations() == 3, c::toString);
    }

    @Test
    void startAtTheMinimumIsConverged() {
        double[] w = new double[20];
        for (int j = 0; j < w.length; j++) w[j] = j;
        Convergence c = new Lbfgs(10, 1e-8, 100).minimize(new Quadratic(), w);
        assertTrue(c.converged() && c.iterations() == 0, c::toString);
    }
}
