/**
 * Classical yardsticks fitted on the network's own split, with scikit-learn's defaults and
 * meaning: {@link dev.trainspec.baseline.LogisticRegression} ({@code logistic_regression}),
 * {@link dev.trainspec.baseline.LinearSvm} ({@code linear_svm}) and
 * {@link dev.trainspec.baseline.MajorityClass} ({@code majority_class}), all behind
 * {@link dev.trainspec.baseline.Baseline} / {@link dev.trainspec.baseline.Fitted}.
 *
 * <p>The smooth convex primal objectives are minimised by a small deterministic L-BFGS
 * ({@code Lbfgs}, {@code WolfeLineSearch}) to a relative gradient tolerance; regression
 * targets get closed-form penalised least squares ({@code LeastSquares}, commons-math3's
 * Cholesky). Tests compare coefficients and accuracies with scikit-learn 1.2
 * (src/test/python/baseline_reference.py).
 */
package dev.trainspec.baseline;
