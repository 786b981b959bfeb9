package dev.trainspec.engine.data;

import java.util.Arrays;

/**
 * A fitted per-column affine map {@code (x - offset[j]) / divisor[j]} or {@code x * scale[j] +
 * add[j]}, the two forms scikit-learn's scalers use (numpy's in-place {@code X -= mean_; X /=
 * scale_} and {@code X *= scale_; X += min_}); the form is kept so results are bit-identical.
 * float32 storage is computed in float64 per value and rounded once.
 */
final class ColumnTransform implements Preprocessor.Fitted {
    private final String name;
    private final double[] first;
    private final double[] second;
    private final boolean subtractThenDivide;

    private ColumnTransform(String name, double[] first, double[] second, boolean subtractThenDivide) {
        this.name = name;
        this.first = first;
        this.second = second;
        this.subtractThenDivide = subtractThenDivide;
    }

    /** {@code (x - offset) / divisor}; either may be null (skipped). */
    static ColumnTransform subtractDivide(String name, double[] offset, double[] divisor) {
        return new ColumnTransform(name, offset, divisor, true);
    }

    /** {@code x * scale + add}. */
    static ColumnTransform multiplyAdd(String name, double[] scale, double[] add) {
        return new ColumnTransform(name, scale, add, false);
    }

    private double apply(double v, int j) {
        if (subtractThenDivide) {
            if (first != null) v -= first[j];
            if (second != null) v /= second[j];
            return v;
        }
        v *= first[j];
        return v + second[j];
    }

    @Override
    public Dataset transform(Dataset rows) {
        int cols = rows.cols();
        int width = first != null ? first.length : second != null ? second.length : cols;
        if (width != cols) {
            throw new IllegalArgumentException("X has " + cols + " features, but " + name + " is expecting " + width + " features as input.");
        }
        if (rows.isFloat32()) {
            float[] in = rows.xFloat32();
            float[] out = new float[in.length];
            for (int i = 0; i < in.length; i++) out[i] = (float) apply(in[i], i % cols);
            return rows.withXFloat32(out);
        }
        double[] in = rows.x();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) out[i] = apply(in[i], i % cols);
        return rows.withX(out);
    }

    double[] first() {
        return first == null ? null : first.clone();
    }

    double[] second() {
        return second == null ? null : second.clone();
    }

    @Override
    public String describe() {
        return subtractThenDivide
                ? name + "(mean=" + Arrays.toString(first) + ", scale=" + Arrays.toString(second) + ")"
                : name + "(scale=" + Arrays.toString(first) + ", min=" + Arrays.toString(second) + ")";
    }
}
