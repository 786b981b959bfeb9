package dev.trainspec.baseline;

import dev.trainspec.engine.data.Dataset;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Penalised least squares in closed form: minimise {@code |y - X w - b|^2 + alpha |w|^2}
 * by a Cholesky solve of the normal equations.
 * <ul>
 *   <li>intercept free (scikit-learn's {@code Ridge}): X and y are centred on their training means
 *       first, so b = mean(y) - mean(X) w is never penalised;</li>
 *   <li>intercept penalised (liblinear's {@code LinearSVR}, which appends a constant feature 1):
 *       alpha |(w, b)|^2.</li>
 * </ul>
 */
final class LeastSquares {
    private LeastSquares() {}

    static LinearFit fit(Dataset train, double alpha, boolean penalizeIntercept) {
        if (train.isClassification()) throw new IllegalStateException("least squares needs targets");
        if (train.rows() == 0) throw new IllegalArgumentException("cannot fit a baseline on 0 training rows");
        int n = train.rows();
        int d = train.cols();
        double[] x = train.x();
        double[] y = train.targets();
        double[] xMean = new double[d];
        double yMean = 0;
        if (!penalizeIntercept) {
            for (int i = 0; i < n; i++) {
                Rows.addScaled(1.0, x, i * d, xMean, 0, d);
                yMean += y[i];
            }
            for (int j = 0; j < d; j++) xMean[j] /= n;
            yMean /= n;
        }
        int p = penalizeIntercept ? d + 1 : d;
        double[][] gram = new double[p][p];
        double[] rhs = new double[p];
        double[] v = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) v[j] = x[i * d + j] - xMean[j];
            if (penalizeIntercept) v[d] = 1.0;
            double t = y[i] - yMean;
            for (int j = 0; j < p; j++) {
                double a = v[j];
                if (a == 0) continue;
                Rows.addScaled(a, v, j, gram[j], j, p - j);
                rhs[j] += a * t;
            }
        }
        for (int j = 0; j < p; j++) {
            gram[j][j] += alpha;
            for (int k = 0; k < j; k++) gram[j][k] = gram[k][j];
        }
        RealVector solution = new CholeskyDecomposition(new Array2DRowRealMatrix(gram, false))
                .getSolver().solve(new ArrayRealVector(rhs, false));
        double[] w = new double[d];
        for (int j = 0; j < d; j++) w[j] = solution.getEntry(j);
        double b = penalizeIntercept ? solution.getEntry(d) : yMean - Rows.dot(xMean, 0, w, 0, d);

        double objective = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - Rows.dot(x, i * d, w, 0, d) - b;
            objective += r * r;
        }
        for (int j = 0; j < d; j++) objective += alpha * w[j] * w[j];
        if (penalizeIntercept) objective += alpha * b * b;
        return new LinearFit(new double[][] {w}, new double[] {b}, null, false, Convergence.exact(objective));
    }
}
