package dev.trainspec.engine.data;

import dev.trainspec.engine.tensor.FloatStore;

/**
 * Rows of a data set, features row-major [rows, cols], with either class labels 0..classes-1
 * (classification) or real targets (regression: labels null, classes 0; {@code targetCols}
 * values a row for make_regression's {@code n_targets}).
 *
 * <p>Features are stored in one of two precisions. Generators that reproduce scikit-learn work
 * in float64 like numpy ({@link #x()} is then the storage itself). Very large generated sets
 * ({@code make_embeddings} at 2,000,000 x 512) are written straight into float32 storage,
 * which is what the engine trains on anyway: {@link #xFloat32()} then returns the storage
 * without a copy, while {@link #x()} has to widen it into a new array (fine for reports on small
 * sets, to be avoided on large ones; {@link #get} reads single values either way). float32
 * storage read back from the data cache is the file's mapping ({@link #float32Store()}); the
 * engine trains from it, and {@link #xFloat32()} copies it into a new array each call.
 */
public final class Dataset {
    private final double[] x64;
    private final FloatStore x32;
    private final int rows;
    private final int cols;
    private final int[] labels;
    private final double[] targets;
    private final int targetCols;
    private final int classes;

    private Dataset(double[] x64, FloatStore x32, int rows, int cols, int[] labels, double[] targets, int targetCols, int classes) {
        long size = x64 != null ? x64.length : x32.size();
        if (size != (long) rows * cols) throw new IllegalArgumentException("x has " + size + " values, not " + rows + "x" + cols);
        if ((labels == null) == (targets == null)) throw new IllegalArgumentException("exactly one of labels or targets");
        if (labels != null && labels.length != rows) throw new IllegalArgumentException("labels length");
        if (targets != null && (targetCols < 1 || targets.length != (long) rows * targetCols)) throw new IllegalArgumentException("targets length");
        this.x64 = x64;
        this.x32 = x32;
        this.rows = rows;
        this.cols = cols;
        this.labels = labels;
        this.targets = targets;
        this.targetCols = labels != null ? 0 : targetCols;
        this.classes = labels != null ? classes : 0;
    }

    /** float64 features with labels (targets null) or one target a row (labels null). */
    public Dataset(double[] x, int rows, int cols, int[] labels, double[] targets, int classes) {
        this(x, null, rows, cols, labels, targets, 1, classes);
    }

    /** float64 features with labels. */
    public static Dataset classification(double[] x, int rows, int cols, int[] labels, int classes) {
        return new Dataset(x, null, rows, cols, labels, null, 0, classes);
    }

    /** float64 features with {@code targetCols} real targets a row, row-major. */
    public static Dataset regression(double[] x, int rows, int cols, double[] targets, int targetCols) {
        return new Dataset(x, null, rows, cols, null, targets, targetCols, 0);
    }

    /** float32 features with labels; the array becomes the storage (not copied). */
    public static Dataset float32Classification(float[] x, int rows, int cols, int[] labels, int classes) {
        return float32Classification(FloatStore.of(x), rows, cols, labels, classes);
    }

    /** float32 features with labels; the store (an array or a mapping) becomes the storage. */
    public static Dataset float32Classification(FloatStore x, int rows, int cols, int[] labels, int classes) {
        return new Dataset(null, x, rows, cols, labels, null, 0, classes);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int[] labels() {
        return labels;
    }

    /** Row-major [rows, targetCols]; null for classification. */
    public double[] targets() {
        return targets;
    }

    public int targetCols() {
        return targetCols;
    }

    public int classes() {
        return classes;
    }

    public boolean isClassification() {
        return labels != null;
    }

    public boolean isFloat32() {
        return x32 != null;
    }

    /** float64 features: the storage itself, or a widened copy of float32 storage. */
    public double[] x() {
        if (x64 != null) return x64;
        double[] out = new double[Math.toIntExact(x32.size())];
        for (int i = 0; i < out.length; i++) out[i] = x32.get(i);
        return out;
    }

    /** float32 features: the storage array itself, or a copy of a mapping, or a rounded copy of float64 storage. */
    public float[] xFloat32() {
        if (x32 != null) return x32.toArray();
        float[] out = new float[x64.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) x64[i];
        return out;
    }

    /** float32 features as the engine trains on them: the storage itself (an array or a mapping), or a rounded copy of float64 storage. */
    public FloatStore float32Store() {
        return x32 != null ? x32 : FloatStore.of(xFloat32());
    }

    public double get(int row, int col) {
        int i = row * cols + col;
        return x64 != null ? x64[i] : x32.get(i);
    }

    /** Same labels or targets, new float64 features of the same shape. */
    public Dataset withX(double[] x) {
        return new Dataset(x, null, rows, cols, labels, targets, targetCols, classes);
    }

    /** Same labels or targets, new float32 features of the same shape. */
    public Dataset withXFloat32(float[] x) {
        return new Dataset(null, FloatStore.of(x), rows, cols, labels, targets, targetCols, classes);
    }

    /** The given rows, in the given order (a split's train or test part), in the same precision. */
    public Dataset select(int[] rowIndices) {
        int n = rowIndices.length;
        double[] nx64 = null;
        float[] nx32 = null;
        if (x64 != null) {
            nx64 = new double[n * cols];
            for (int i = 0; i < n; i++) System.arraycopy(x64, rowIndices[i] * cols, nx64, i * cols, cols);
        } else {
            nx32 = new float[Math.multiplyExact(n, cols)];
            for (int i = 0; i < n; i++) x32.copy((long) rowIndices[i] * cols, nx32, i * cols, cols);
        }
        int[] nl = null;
        double[] nt = null;
        if (labels != null) {
            nl = new int[n];
            for (int i = 0; i < n; i++) nl[i] = labels[rowIndices[i]];
        } else {
            nt = new double[n * targetCols];
            for (int i = 0; i < n; i++) System.arraycopy(targets, rowIndices[i] * targetCols, nt, i * targetCols, targetCols);
        }
        return new Dataset(nx64, nx32 == null ? null : FloatStore.of(nx32), n, cols, nl, nt, targetCols, classes);
    }

    @Override
    public String toString() {
        return "Dataset[" + rows + "x" + cols + (isFloat32() ? " float32" : " float64")
                + (isClassification() ? ", " + classes + " classes]" : ", " + targetCols + " target(s)]");
    }
}
