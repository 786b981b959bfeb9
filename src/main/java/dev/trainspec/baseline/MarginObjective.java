package dev.trainspec.baseline;

/**
 * The primal objective of a binary linear classifier with labels s in {-1, +1}, margin
 * m = s (w.x + b), in scikit-learn's (liblinear's) scaling:
 * {@code C * sum_i loss(m_i) + 1/2 |w|^2 [+ 1/2 b^2]}.
 * <ul>
 *   <li>logistic loss log(1 + exp(-m)), intercept not penalised (LogisticRegression, lbfgs);</li>
 *   <li>squared hinge max(0, 1 - m)^2, intercept penalised as a constant feature of value 1
 *       (LinearSVC: liblinear appends intercept_scaling = 1 to every row). Differentiable, with a
 *       Lipschitz gradient, so L-BFGS converges on it.</li>
 * </ul>
 * Parameters: w[0..cols-1] the weights, w[cols] the intercept.
 */
final class MarginObjective implements Objective {
    enum Loss { LOGISTIC, SQUARED_HINGE }

    private final double[] x;
    private final int rows;
    private final int cols;
    private final double[] sign;
    private final double c;
    private final Loss loss;
    private final boolean penalizeIntercept;

    MarginObjective(double[] x, int rows, int cols, double[] sign, double c, Loss loss, boolean penalizeIntercept) {
        this.x = x;
        this.rows = rows;
        this.cols = cols;
        this.sign = sign;
        this.c = c;
        this.loss = loss;
        this.penalizeIntercept = penalizeIntercept;
    }

    @Override
    public int dimension() {
        return cols + 1;
    }

    /** One pass over the rows: each row's loss slope is applied while the row is still in cache. */
    @Override
    public double valueAndGradient(double[] w, double[] g) {
        double b = w[cols];
        double penalty = 0;
        for (int j = 0; j < cols; j++) {
            g[j] = w[j];
            penalty += w[j] * w[j];
        }
        g[cols] = penalizeIntercept ? b : 0;
        if (penalizeIntercept) penalty += b * b;
        double total = 0;
        for (int i = 0; i < rows; i++) {
            double m = sign[i] * (Rows.dot(x, i * cols, w, 0, cols) + b);
            double lossValue;
            double lossSlope;
            if (loss == Loss.LOGISTIC) {
                lossValue = softplus(-m);
                lossSlope = -sigmoid(-m);
            } else {
                double t = 1 - m;
                lossValue = t > 0 ? t * t : 0;
                lossSlope = t > 0 ? -2 * t : 0;
            }
            total += lossValue;
            double a = c * sign[i] * lossSlope;
            if (a == 0) continue;
            Rows.addScaled(a, x, i * cols, g, 0, cols);
            g[cols] += a;
        }
        return c * total + 0.5 * penalty;
    }

    /** log(1 + exp(t)) without overflow or loss of precision for large |t|. */
    static double softplus(double t) {
        return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
    }

    static double sigmoid(double t) {
        if (t >= 0) return 1 / (1 + Math.exp(-t));
        double e = Math.exp(t);
        return e / (1 + e);
    }
}
