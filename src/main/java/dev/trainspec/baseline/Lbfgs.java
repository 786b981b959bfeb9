package dev.trainspec.baseline;

/**
 * Limited-memory BFGS (Nocedal and Wright, algorithm 7.5) for the smooth convex objectives of
 * the baselines. Deterministic: plain loops in a fixed order, no threads, no randomness.
 *
 * <p>Stopping test: {@code max|g| <= tolerance * max|g0|}, where g0 is the gradient at the start
 * (a relative test, so the scale of the objective does not matter). Near the optimum the change
 * in f falls below double precision long before the gradient does, so the line search also
 * accepts Hager and Zhang's "approximate Wolfe" steps, which are judged on the directional
 * derivative; see {@link WolfeLineSearch}.
 */
final class Lbfgs {
    private final int memory;
    private final double tolerance;
    private final int maxIterations;

    Lbfgs(int memory, double tolerance, int maxIterations) {
        this.memory = memory;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /** Minimises f from {@code w} (overwritten with the minimiser). */
    Convergence minimize(Objective f, double[] w) {
        int n = f.dimension();
        if (w.length != n) throw new IllegalStateException("start has " + w.length + " values, objective " + n);
        double[] g = new double[n];
        double[] wNext = new double[n];
        double[] gNext = new double[n];
        double[] direction = new double[n];
        double[][] s = new double[memory][n];
        double[][] y = new double[memory][n];
        double[] rho = new double[memory];
        double[] alpha = new double[memory];
        WolfeLineSearch search = new WolfeLineSearch(f, wNext, gNext);

        double fw = f.valueAndGradient(w, g);
        int evaluations = 1;
        double g0 = maxAbs(g);
        if (!Double.isFinite(fw) || !Double.isFinite(g0)) throw new IllegalStateException("objective is not finite at the start: " + fw);
        if (g0 == 0) return new Convergence(fw, 0, evaluations, 0.0, tolerance, true);

        int stored = 0;
        int newest = -1;
        int iteration = 0;
        double ratio = 1.0;
        boolean converged = false;
        while (true) {
            ratio = maxAbs(g) / g0;
            if (ratio <= tolerance) {
                converged = true;
                break;
            }
            if (iteration >= maxIterations) break;
            iteration++;

            twoLoop(g, s, y, rho, alpha, stored, newest, direction);
            double slope = dot(direction, g);
            if (!(slope < 0)) {
                // Curvature pairs gone stale (rounding): restart from steepest descent.
                stored = 0;
                for (int j = 0; j < n; j++) direction[j] = -g[j];
                slope = -dot(g, g);
            }
            double firstStep = stored == 0 ? Math.min(1.0, 1.0 / Math.sqrt(-slope)) : 1.0;
            double step = search.search(w, fw, direction, slope, firstStep);
            evaluations += search.evaluations();
            if (step <= 0) break;

            double fNext = search.value();
            int slot = (newest + 1) % memory;
            double sy = 0;
            for (int j = 0; j < n; j++) {
                s[slot][j] = wNext[j] - w[j];
                y[slot][j] = gNext[j] - g[j];
                sy += s[slot][j] * y[slot][j];
            }
            if (sy > 0) {
                rho[slot] = 1.0 / sy;
                newest = slot;
                stored = Math.min(stored + 1, memory);
            } else if (stored == memory) {
                stored--; // the rejected pair overwrote the oldest one
            }
            System.arraycopy(wNext, 0, w, 0, n);
            System.arraycopy(gNext, 0, g, 0, n);
            fw = fNext;
        }
        return new Convergence(fw, iteration, evaluations, ratio, tolerance, converged);
    }

    /** direction = -H g by the two-loop recursion, H0 = (s'y / y'y) I from the newest pair. */
    private static void twoLoop(double[] g, double[][] s, double[][] y, double[] rho, double[] alpha,
                                int stored, int newest, double[] direction) {
        int n = g.length;
        int memory = rho.length;
        for (int j = 0; j < n; j++) direction[j] = -g[j];
        if (stored == 0) return;
        for (int k = 0, i = newest; k < stored; k++, i = (i - 1 + memory) % memory) {
            alpha[i] = rho[i] * dot(s[i], direction);
            axpy(-alpha[i], y[i], direction);
        }
        double gamma = 1.0 / (rho[newest] * dot(y[newest], y[newest]));
        for (int j = 0; j < n; j++) direction[j] *= gamma;
        int oldest = (newest - stored + 1 + memory) % memory;
        for (int k = 0, i = oldest; k < stored; k++, i = (i + 1) % memory) {
            double beta = rho[i] * dot(y[i], direction);
            axpy(alpha[i] - beta, s[i], direction);
        }
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) sum += a[j] * b[j];
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int j = 0; j < x.length; j++) y[j] += a * x[j];
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }
}
