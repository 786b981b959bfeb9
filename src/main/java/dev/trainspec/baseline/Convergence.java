package dev.trainspec.baseline;

/**
 * How a solver ended: the objective's final value, the iterations it took, and the final
 * gradient's max-norm relative to the gradient at the start (the stopping test is
 * {@code relativeGradient <= tolerance}). {@code converged} is false when the iteration guard
 * stopped it or the line search could not make progress before the tolerance was met.
 */
public record Convergence(double objective, int iterations, int evaluations, double relativeGradient,
                          double tolerance, boolean converged) {
    /** For closed-form fits (least squares) and constant predictors. */
    public static Convergence exact(double objective) {
        return new Convergence(objective, 0, 1, 0.0, 0.0, true);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s after %d iterations (%d evaluations), |g|/|g0| = %.2e, objective %.10g",
                converged ? "converged" : "NOT converged", iterations, evaluations, relativeGradient, objective);
    }
}
