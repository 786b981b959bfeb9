package dev.trainspec.baseline;

import dev.trainspec.engine.data.Dataset;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * A fitted linear model: scores s = coef x + intercept, one row of coef per output.
 * <ul>
 *   <li>regression: one output, the prediction itself;</li>
 *   <li>binary classification: one output, class {@code classes[1]} where s > 0 else
 *       {@code classes[0]} (scikit-learn's rule); probabilities, if any, are sigmoid(s);</li>
 *   <li>more classes: one output per class, the first largest score wins; probabilities, if any,
 *       are softmax(s).</li>
 * </ul>
 * {@code classes} maps outputs to the labels seen in training (scikit-learn's {@code classes_}).
 */
public final class LinearFit implements Fitted {
    /** Probability assigned to a label the model never saw, as log_loss's clipping would. */
    private static final double UNSEEN_PROBABILITY = 1e-15;

    private final double[][] coef;
    private final double[] intercept;
    private final int[] classes;
    private final boolean probabilistic;
    private final Convergence convergence;

    LinearFit(double[][] coef, double[] intercept, int[] classes, boolean probabilistic, Convergence convergence) {
        this.coef = coef;
        this.intercept = intercept;
        this.classes = classes;
        this.probabilistic = probabilistic;
        this.convergence = convergence;
    }

    /** scikit-learn's {@code coef_}: [outputs, features] (a copy). */
    public double[][] coef() {
        double[][] copy = new double[coef.length][];
        for (int k = 0; k < coef.length; k++) copy[k] = coef[k].clone();
        return copy;
    }

    /** scikit-learn's {@code intercept_} (a copy). */
    public double[] intercept() {
        return intercept.clone();
    }

    /** The training labels, in output order; empty for regression. */
    public int[] classes() {
        return classes == null ? new int[0] : classes.clone();
    }

    @Override
    public Convergence convergence() {
        return convergence;
    }

    /** The raw scores s of one row of row-major {@code x} into {@code out}. */
    private void scores(double[] x, int cols, int row, double[] out) {
        for (int k = 0; k < coef.length; k++) out[k] = Rows.dot(x, row * cols, coef[k], 0, cols) + intercept[k];
    }

    @Override
    public double[] predict(Dataset data) {
        checkColumns(data);
        double[] x = data.x(); // once: float32 storage is widened into a new array on every call
        double[] s = new double[coef.length];
        double[] out = new double[data.rows()];
        for (int i = 0; i < data.rows(); i++) {
            scores(x, data.cols(), i, s);
            if (classes == null) out[i] = s[0];
            else if (coef.length == 1) out[i] = s[0] > 0 ? classes[1] : classes[0];
            else out[i] = classes[argmax(s)];
        }
        return out;
    }

    /** Mean -log p(true label), computed from log-probabilities so that it is exact for confident rows. */
    @Override
    public OptionalDouble logLoss(Dataset data) {
        if (!probabilistic || !data.isClassification()) return OptionalDouble.empty();
        checkColumns(data);
        double[] x = data.x();
        double[] s = new double[coef.length];
        double total = 0;
        for (int i = 0; i < data.rows(); i++) {
            scores(x, data.cols(), i, s);
            int k = Arrays.binarySearch(classes, data.labels()[i]);
            if (k < 0) total += -Math.log(UNSEEN_PROBABILITY);
            else if (coef.length == 1) total += MarginObjective.softplus(k == 1 ? -s[0] : s[0]);
            else total += logSumExp(s) - s[k];
        }
        return OptionalDouble.of(total / data.rows());
    }

    private void checkColumns(Dataset data) {
        if (data.cols() != coef[0].length) {
            throw new IllegalArgumentException("X has " + data.cols() + " features, but the model was fitted with " + coef[0].length + " features");
        }
    }

    private static int argmax(double[] s) {
        int best = 0;
        for (int k = 1; k < s.length; k++) if (s[k] > s[best]) best = k;
        return best;
    }

    private static double logSumExp(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) max = Math.max(max, v);
        double sum = 0;
        for (double v : s) sum += Math.exp(v - max);
        return max + Math.log(sum);
    }

    @Override
    public String toString() {
        return "LinearFit(outputs=" + coef.length + ", features=" + coef[0].length + ", " + convergence + ")";
    }
}
