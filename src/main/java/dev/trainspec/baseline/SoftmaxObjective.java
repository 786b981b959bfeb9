package dev.trainspec.baseline;

/**
 * Multinomial logistic regression as scikit-learn's lbfgs solver states it:
 * {@code C * sum_i -log softmax(W x_i + b)[y_i] + 1/2 |W|^2}, every class's weights penalised,
 * intercepts not. Parameters: row k of a [K, cols + 1] matrix holds class k's weights, then its
 * intercept. Starting from zero, every gradient's intercept part sums to zero over the classes,
 * so the intercepts keep summing to zero, as scikit-learn's do.
 */
final class SoftmaxObjective implements Objective {
    private final double[] x;
    private final int rows;
    private final int cols;
    private final int[] target;
    private final int classes;
    private final double c;
    private final double[] scores;

    SoftmaxObjective(double[] x, int rows, int cols, int[] target, int classes, double c) {
        this.x = x;
        this.rows = rows;
        this.cols = cols;
        this.target = target;
        this.classes = classes;
        this.c = c;
        this.scores = new double[classes];
    }

    @Override
    public int dimension() {
        return classes * (cols + 1);
    }

    @Override
    public double valueAndGradient(double[] w, double[] g) {
        int stride = cols + 1;
        double penalty = 0;
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < cols; j++) {
                double v = w[k * stride + j];
                g[k * stride + j] = v;
                penalty += v * v;
            }
            g[k * stride + cols] = 0;
        }
        double total = 0;
        for (int i = 0; i < rows; i++) {
            double logNormalizer = logSoftmaxScores(w, i);
            total += logNormalizer - scores[target[i]];
            for (int k = 0; k < classes; k++) {
                double a = c * (Math.exp(scores[k] - logNormalizer) - (k == target[i] ? 1 : 0));
                Rows.addScaled(a, x, i * cols, g, k * stride, cols);
                g[k * stride + cols] += a;
            }
        }
        return c * total + 0.5 * penalty;
    }

    /** Fills {@code scores} with row i's class scores and returns their log-sum-exp. */
    private double logSoftmaxScores(double[] w, int i) {
        int stride = cols + 1;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            scores[k] = Rows.dot(x, i * cols, w, k * stride, cols) + w[k * stride + cols];
            max = Math.max(max, scores[k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) sum += Math.exp(scores[k] - max);
        return max + Math.log(sum);
    }
}
