package dev.trainspec.engine.data;

/**
 * Rows of a data set as numpy holds them: features in float64, row-major [rows, cols], and either
 * class labels 0..classes-1 (classification) or real targets (regression; labels null, classes 0).
 */
public record Dataset(double[] x, int rows, int cols, int[] labels, double[] targets, int classes) {
    public Dataset {
        if (x.length != (long) rows * cols) throw new IllegalArgumentException("x has " + x.length + " values, not " + rows + "x" + cols);
        if ((labels == null) == (targets == null)) throw new IllegalArgumentException("exactly one of labels or targets");
        if (labels != null && labels.length != rows) throw new IllegalArgumentException("labels length");
        if (targets != null && targets.length != rows) throw new IllegalArgumentException("targets length");
    }

    public boolean isClassification() {
        return labels != null;
    }

    public double get(int row, int col) {
        return x[row * cols + col];
    }

    /** The given rows, in the given order (a split's train or test part). */
    public Dataset select(int[] rowIndices) {
        double[] nx = new double[rowIndices.length * cols];
        for (int i = 0; i < rowIndices.length; i++) System.arraycopy(x, rowIndices[i] * cols, nx, i * cols, cols);
        if (labels != null) {
            int[] nl = new int[rowIndices.length];
            for (int i = 0; i < rowIndices.length; i++) nl[i] = labels[rowIndices[i]];
            return new Dataset(nx, rowIndices.length, cols, nl, null, classes);
        }
        double[] nt = new double[rowIndices.length];
        for (int i = 0; i < rowIndices.length; i++) nt[i] = targets[rowIndices[i]];
        return new Dataset(nx, rowIndices.length, cols, null, nt, 0);
    }
}
