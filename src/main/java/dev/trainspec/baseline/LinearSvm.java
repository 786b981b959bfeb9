package dev.trainspec.baseline;

import dev.trainspec.engine.data.Dataset;
import java.util.Arrays;

/**
 * scikit-learn's {@code LinearSVC()} (liblinear): squared hinge loss, L2 penalty, C = 1.0, and the
 * intercept learnt as the weight of a constant feature 1 (intercept_scaling = 1), so it is
 * penalised like the other weights, as liblinear does. Two classes: one hyperplane for the larger
 * label; more: one-vs-rest, the largest score wins. liblinear solves the dual by randomised
 * coordinate descent to tol 1e-4; this solves the same primal, which is differentiable, with
 * L-BFGS to a relative gradient tolerance of 1e-8, deterministically.
 *
 * <p>Training labels of a single class give a constant prediction. On regression data (targets)
 * this baseline is {@code LinearSVR(loss='squared_epsilon_insensitive', epsilon=0, C=1)}: ridge
 * with a penalised intercept, {@code C |y - Xw - b|^2 + 1/2 |(w, b)|^2}, solved in closed form
 * (scikit-learn's default LinearSVR loss, the absolute error, is not differentiable).
 */
public final class LinearSvm implements Baseline {
    public static final String NAME = "linear_svm";

    private final SolverSettings settings;

    /** {@link SolverSettings#DEFAULT}: C = 1.0, tolerance 1e-8, at most 10000 iterations. */
    public LinearSvm() {
        this(SolverSettings.DEFAULT.c(), SolverSettings.DEFAULT.tolerance(), SolverSettings.DEFAULT.maxIterations());
    }

    public LinearSvm(double c, double tolerance, int maxIterations) {
        this.settings = SolverSettings.validated("LinearSVC", "(0, inf)", c, tolerance, maxIterations);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Fitted fit(Dataset train) {
        if (!train.isClassification()) return LeastSquares.fit(train, 1.0 / (2 * settings.c()), true);
        TrainLabels labels = TrainLabels.of(train);
        int k = labels.classes().length;
        if (k == 1) return new ConstantFit(labels.classes()[0]);
        int d = train.cols();
        int outputs = k == 2 ? 1 : k;
        double[][] coef = new double[outputs][];
        double[] intercept = new double[outputs];
        Convergence worst = null;
        Lbfgs solver = settings.solver();
        for (int out = 0; out < outputs; out++) {
            double[] signs = labels.signsFor(k == 2 ? 1 : out);
            double[] w = new double[d + 1];
            MarginObjective objective = new MarginObjective(train.x(), train.rows(), d, signs, settings.c(), MarginObjective.Loss.SQUARED_HINGE, true);
            Convergence convergence = solver.minimize(objective, w);
            coef[out] = Arrays.copyOf(w, d);
            intercept[out] = w[d];
            worst = worse(worst, convergence);
        }
        return new LinearFit(coef, intercept, labels.classes(), false, worst);
    }

    /** One-vs-rest reports the sum of its hyperplanes' objectives and iterations, and the worst gradient. */
    private static Convergence worse(Convergence a, Convergence b) {
        if (a == null) return b;
        return new Convergence(a.objective() + b.objective(), a.iterations() + b.iterations(), a.evaluations() + b.evaluations(),
                Math.max(a.relativeGradient(), b.relativeGradient()), b.tolerance(), a.converged() && b.converged());
    }

    @Override
    public String toString() {
        return "LinearSvm(C=" + settings.c() + ", loss=squared_hinge, intercept_scaling=1, tol=" + settings.tolerance() + ", max_iter=" + settings.maxIterations()
                + "; on targets LinearSVR(loss=squared_epsilon_insensitive, epsilon=0))";
    }
}
