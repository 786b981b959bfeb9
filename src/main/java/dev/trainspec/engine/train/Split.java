package dev.trainspec.engine.train;

/**
 * One split's rows as the engine trains on them: float32 features [rows, cols] row-major, and
 * class labels (classification) or float targets (regression; labels null).
 */
public record Split(String name, float[] x, int rows, int cols, int[] labels, float[] targets, int classes) {
    public Split {
        if (x.length != (long) rows * cols) throw new IllegalArgumentException(name + ": x has " + x.length + " values, not " + rows + "x" + cols);
        if ((labels == null) == (targets == null)) throw new IllegalArgumentException(name + ": exactly one of labels or targets");
    }

    public boolean isClassification() {
        return labels != null;
    }
}
