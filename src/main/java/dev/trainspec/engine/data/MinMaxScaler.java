package dev.trainspec.engine.data;

/**
 * scikit-learn's {@code MinMaxScaler(feature_range=(lo, hi))}: {@code scale_ = (hi - lo) /
 * (max - min)} (a range below 10 eps counts as 1), {@code min_ = lo - min * scale_}, and
 * {@code x * scale_ + min_}, in that order, so values match scikit-learn bit for bit.
 * Transformed rows outside the fitted ones may leave the range (sklearn's {@code clip=False}).
 */
public final class MinMaxScaler implements Preprocessor {
    private static final double TINY = 10 * Math.ulp(1.0);
    private final double low;
    private final double high;

    public MinMaxScaler(double low, double high) {
        if (!(low < high)) {
            throw new IllegalArgumentException("Minimum of desired feature range must be smaller than maximum. Got ["
                    + PyFormat.str(low) + ", " + PyFormat.str(high) + "].");
        }
        this.low = low;
        this.high = high;
    }

    @Override
    public Fitted fit(Dataset rows) {
        int n = rows.rows();
        int cols = rows.cols();
        if (n == 0) throw new IllegalArgumentException("Found array with 0 sample(s) (shape=(0, " + cols + ")) while a minimum of 1 is required by MinMaxScaler.");
        double[] min = new double[cols];
        double[] max = new double[cols];
        for (int j = 0; j < cols; j++) {
            min[j] = Double.POSITIVE_INFINITY;
            max[j] = Double.NEGATIVE_INFINITY;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < cols; j++) {
                double v = rows.get(i, j);
                min[j] = Math.min(min[j], v);
                max[j] = Math.max(max[j], v);
            }
        }
        double[] scale = new double[cols];
        double[] add = new double[cols];
        for (int j = 0; j < cols; j++) {
            double range = max[j] - min[j];
            if (range < TINY) range = 1.0;
            scale[j] = (high - low) / range;
            add[j] = low - min[j] * scale[j];
        }
        return ColumnTransform.multiplyAdd("min_max_scaler", scale, add);
    }

    @Override
    public String describe() {
        return "min_max_scaler(feature_range=[" + low + ", " + high + "])";
    }
}
