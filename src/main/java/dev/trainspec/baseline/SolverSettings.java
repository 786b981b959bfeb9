package dev.trainspec.baseline;

/**
 * The settings the two linear baselines share: inverse regularisation strength C, the L-BFGS
 * tolerance (relative max-norm of the gradient) and an iteration guard, validated with
 * scikit-learn's parameter messages for the estimator they stand in for.
 */
record SolverSettings(double c, double tolerance, int maxIterations) {
    /** C = 1.0, tolerance 1e-8, at most 10000 iterations. */
    static final SolverSettings DEFAULT = new SolverSettings(1.0, 1e-8, 10_000);

    /** L-BFGS with 10 corrections, stopping at this tolerance or iteration guard. */
    Lbfgs solver() {
        return new Lbfgs(10, tolerance, maxIterations);
    }

    /** @param cRange how scikit-learn states C's range for this estimator, e.g. "(0, inf]" */
    static SolverSettings validated(String estimator, String cRange, double c, double tolerance, int maxIterations) {
        if (!(c > 0) || Double.isNaN(c)) {
            throw new IllegalArgumentException("The 'C' parameter of " + estimator + " must be a float in the range " + cRange + ". Got " + c + " instead.");
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("The 'tol' parameter of " + estimator + " must be a float in the range (0, inf). Got " + tolerance + " instead.");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("The 'max_iter' parameter of " + estimator + " must be an int in the range [1, inf). Got " + maxIterations + " instead.");
        }
        return new SolverSettings(c, tolerance, maxIterations);
    }
}
