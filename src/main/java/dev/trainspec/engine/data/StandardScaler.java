package dev.trainspec.engine.data;

/**
 * scikit-learn's {@code StandardScaler(with_mean, with_std)} on dense data: {@code (x - mean_) /
 * scale_} with the population standard deviation. Statistics follow
 * {@code _incremental_mean_and_var} on a first fit: {@code mean = sum(x) / n}, then the
 * corrected two-pass variance {@code (sum((x - mean)^2) - sum(x - mean)^2 / n) / n}, sums in
 * numpy's order ({@link Numpy#columnSums}). Near-constant columns ({@code _is_constant_feature}:
 * {@code var <= n*eps*var + (n*mean*eps)^2}) get scale 1, as {@code _handle_zeros_in_scale} does.
 * Bit-identical to scikit-learn when numpy sums the columns in the same order (verified on the
 * fixtures); NaN values are not supported (sklearn would skip them).
 */
public final class StandardScaler implements Preprocessor {
    private static final double EPS = Math.ulp(1.0);
    private final boolean withMean;
    private final boolean withStd;

    public StandardScaler(boolean withMean, boolean withStd) {
        this.withMean = withMean;
        this.withStd = withStd;
    }

    @Override
    public Fitted fit(Dataset rows) {
        int n = rows.rows();
        int cols = rows.cols();
        if (n == 0) throw new IllegalArgumentException("Found array with 0 sample(s) (shape=(0, " + cols + ")) while a minimum of 1 is required by StandardScaler.");
        if (!withMean && !withStd) return ColumnTransform.subtractDivide("standard_scaler", null, null);
        double[] x = rows.x();
        double[] sum = Numpy.columnSums(x, n, cols);
        double[] mean = new double[cols];
        for (int j = 0; j < cols; j++) mean[j] = (0.0 + sum[j]) / n;
        double[] scale = null;
        if (withStd) {
            double[] centred = new double[x.length];
            for (int i = 0; i < x.length; i++) centred[i] = x[i] - mean[i % cols];
            double[] correction = Numpy.columnSums(centred, n, cols);
            for (int i = 0; i < centred.length; i++) centred[i] = centred[i] * centred[i];
            double[] squares = Numpy.columnSums(centred, n, cols);
            scale = new double[cols];
            for (int j = 0; j < cols; j++) {
                double var = (squares[j] - correction[j] * correction[j] / n) / n;
                double bound = n * EPS * var + square(n * mean[j] * EPS);
                scale[j] = var <= bound ? 1.0 : Math.sqrt(var);
            }
        }
        return ColumnTransform.subtractDivide("standard_scaler", withMean ? mean : null, scale);
    }

    private static double square(double v) {
        return v * v;
    }

    @Override
    public String describe() {
        return "standard_scaler(with_mean=" + withMean + ", with_std=" + withStd + ")";
    }
}
