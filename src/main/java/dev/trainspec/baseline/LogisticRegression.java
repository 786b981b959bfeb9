package dev.trainspec.baseline;

import dev.trainspec.engine.data.Dataset;

/**
 * scikit-learn's {@code LogisticRegression()} (lbfgs): L2 penalty on the weights with strength
 * 1/C, intercept fitted and not penalised. Two classes: one weight vector for the larger label
 * (log loss on +-1 margins); more classes: multinomial softmax, every class's weights penalised.
 * Solved with L-BFGS to a relative gradient tolerance (default 1e-8, far tighter than
 * scikit-learn's tol 1e-4, so the answer is the optimum rather than wherever 100 iterations end).
 *
 * <p>Training labels of a single class give a constant prediction (scikit-learn refuses them).
 * On regression data (targets) this baseline is scikit-learn's {@code Ridge(alpha=1.0)}, the
 * L2-penalised linear model of the squared error: intercept free, solved in closed form.
 */
public final class LogisticRegression implements Baseline {
    public static final String NAME = "logistic_regression";
    /** Ridge's default penalty, used on regression data. */
    public static final double RIDGE_ALPHA = 1.0;

    private final SolverSettings settings;

    /** {@link SolverSettings#DEFAULT}: C = 1.0, tolerance 1e-8, at most 10000 iterations. */
    public LogisticRegression() {
        this(SolverSettings.DEFAULT.c(), SolverSettings.DEFAULT.tolerance(), SolverSettings.DEFAULT.maxIterations());
    }

    public LogisticRegression(double c, double tolerance, int maxIterations) {
        this.settings = SolverSettings.validated("LogisticRegression", "(0, inf]", c, tolerance, maxIterations);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Fitted fit(Dataset train) {
        if (!train.isClassification()) return LeastSquares.fit(train, RIDGE_ALPHA, false);
        TrainLabels labels = TrainLabels.of(train);
        int k = labels.classes().length;
        if (k == 1) return new ConstantFit(labels.classes()[0]);
        int d = train.cols();
        Lbfgs solver = settings.solver();
        if (k == 2) {
            double[] w = new double[d + 1];
            MarginObjective objective = new MarginObjective(train.x(), train.rows(), d, labels.signsFor(1), settings.c(), MarginObjective.Loss.LOGISTIC, false);
            Convergence convergence = solver.minimize(objective, w);
            return new LinearFit(new double[][] {java.util.Arrays.copyOf(w, d)}, new double[] {w[d]}, labels.classes(), true, convergence);
        }
        double[] w = new double[k * (d + 1)];
        Convergence convergence = solver.minimize(new SoftmaxObjective(train.x(), train.rows(), d, labels.index(), k, settings.c()), w);
        double[][] coef = new double[k][d];
        double[] intercept = new double[k];
        for (int cls = 0; cls < k; cls++) {
            System.arraycopy(w, cls * (d + 1), coef[cls], 0, d);
            intercept[cls] = w[cls * (d + 1) + d];
        }
        return new LinearFit(coef, intercept, labels.classes(), true, convergence);
    }

    @Override
    public String toString() {
        return "LogisticRegression(C=" + settings.c() + ", tol=" + settings.tolerance() + ", max_iter=" + settings.maxIterations() + "; on targets Ridge(alpha=" + RIDGE_ALPHA + "))";
    }
}
