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
        // one column is a contiguous reduction, which numpy sums pairwise (it needs the column);
        // wider data numpy sums row after row, so those sums stream over the rows in their own
        // precision: no float64 copy of float32 rows and no centred copy, each as large as the
        // data (they ran a 6 GiB JVM out of memory on 2.5 GB of rows)
        double[] sum = cols == 1 ? Numpy.columnSums(rows.x(), n, 1) : streamedSums(rows, null)[0];
        double[] mean = new double[cols];
        for (int j = 0; j < cols; j++) mean[j] = (0.0 + sum[j]) / n;
        double[] scale = null;
        if (withStd) {
            double[][] centred = cols == 1 ? pairwiseCentredSums(rows.x(), mean[0]) : streamedSums(rows, mean);
            double[] correction = centred[0];
            double[] squares = centred[1];
            scale = new double[cols];
            for (int j = 0; j < cols; j++) {
                double var = (squares[j] - correction[j] * correction[j] / n) / n;
                double bound = n * EPS * var + square(n * mean[j] * EPS);
                scale[j] = var <= bound ? 1.0 : Math.sqrt(var);
            }
        }
        return ColumnTransform.subtractDivide("standard_scaler", withMean ? mean : null, scale);
    }

    /** One column: {sum(x - mean), sum((x - mean)^2)}, each numpy's pairwise sum of the materialised values. */
    private static double[][] pairwiseCentredSums(double[] x, double mean) {
        double[] centred = new double[x.length];
        for (int i = 0; i < x.length; i++) centred[i] = x[i] - mean;
        double[] correction = Numpy.columnSums(centred, x.length, 1);
        for (int i = 0; i < centred.length; i++) centred[i] = centred[i] * centred[i];
        return new double[][] {correction, Numpy.columnSums(centred, x.length, 1)};
    }

    /**
     * Row after row: without a mean {sum(x)}, else {sum(x - mean), sum((x - mean)^2)} per
     * column: the sums {@link Numpy#columnSums} forms over the materialised (centred, squared)
     * rows, in the same order, with the same roundings.
     */
    private static double[][] streamedSums(Dataset rows, double[] mean) {
        int n = rows.rows();
        int cols = rows.cols();
        float[] x32 = rows.isFloat32() ? rows.xFloat32() : null;
        double[] x64 = x32 == null ? rows.x() : null;
        double[] sums = new double[cols];
        double[] squares = new double[cols];
        for (int i = 0; i < n; i++) {
            int at = i * cols;
            for (int j = 0; j < cols; j++) {
                double v = x32 != null ? x32[at + j] : x64[at + j];
                if (mean == null) {
                    sums[j] += v;
                } else {
                    double c = v - mean[j];
                    sums[j] += c;
                    squares[j] += c * c;
                }
            }
        }
        return new double[][] {sums, squares};
    }

    private static double square(double v) {
        return v * v;
    }

    @Override
    public String describe() {
        return "standard_scaler(with_mean=" + withMean + ", with_std=" + withStd + ")";
    }
}
