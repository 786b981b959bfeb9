package dev.trainspec.engine.data;

/**
 * {@code sklearn.preprocessing.scale(X)} on a dense float64 [rows, cols] block, in place, in
 * numpy's order of operations: mean by {@code np.nanmean} and the population standard deviation
 * by {@code np.nanstd} (both column sums walked row by row, {@link Numpy#columnSums}), centre,
 * re-centre when the centred mean is not {@code np.allclose} to 0, divide (near-constant columns
 * by 1), and re-centre again on the same test. Used by load_diabetes, whose published values are
 * this function's output; {@link StandardScaler} is the fitted transformer of scenarios.
 */
final class SklearnScale {
    private static final double EPS = Math.ulp(1.0);
    /** np.allclose(a, 0)'s default atol; rtol multiplies 0. */
    private static final double ATOL = 1e-8;

    private SklearnScale() {}

    static void scale(double[] x, int rows, int cols) {
        double[] mean = columnMeans(x, rows, cols);
        double[] centred = new double[x.length];
        for (int i = 0; i < x.length; i++) centred[i] = x[i] - mean[i % cols];
        for (int i = 0; i < x.length; i++) centred[i] *= centred[i];
        double[] std = columnMeans(centred, rows, cols);
        for (int j = 0; j < cols; j++) {
            std[j] = Math.sqrt(std[j]);
            if (std[j] < 10 * EPS) std[j] = 1.0;
        }
        subtract(x, mean, cols);
        recentre(x, rows, cols);
        for (int i = 0; i < x.length; i++) x[i] /= std[i % cols];
        recentre(x, rows, cols);
    }

    /** scale's guard against a lack of precision: subtract the mean again unless it is all within 1e-8 of 0. */
    private static void recentre(double[] x, int rows, int cols) {
        double[] residual = columnMeans(x, rows, cols);
        for (double m : residual) {
            if (!(Math.abs(m) <= ATOL)) {
                subtract(x, residual, cols);
                return;
            }
        }
    }

    private static double[] columnMeans(double[] x, int rows, int cols) {
        double[] s = Numpy.columnSums(x, rows, cols);
        for (int j = 0; j < cols; j++) s[j] /= rows;
        return s;
    }

    private static void subtract(double[] x, double[] by, int cols) {
        for (int i = 0; i < x.length; i++) x[i] -= by[i % cols];
    }
}
