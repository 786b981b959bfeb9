package dev.trainspec.engine.train;

import dev.trainspec.engine.tensor.FloatStore;

/**
 * One split's rows as the engine trains on them: float32 features row-major in {@code x} (an
 * array, or a data cache file's mapping whose rows are copied out as they are needed), and
 * class labels (classification) or float targets (regression; labels null), one per split row.
 *
 * <p>{@code rowIndex}, when not null, says which row of {@code x} each split row is: a split can
 * then be a view of the whole generated matrix, which a train/test split of 2,000,000 x 512 rows
 * needs to stay within one copy of the data (the trainer gathers rows by index anyway). When it
 * is null, split row r is row r of {@code x}.
 */
public record Split(String name, FloatStore x, int[] rowIndex, int rows, int cols, int[] labels, float[] targets, int classes) {
    public Split {
        if (rowIndex == null && x.size() != (long) rows * cols) {
            throw new IllegalArgumentException(name + ": x has " + x.size() + " values, not " + rows + "x" + cols);
        }
        if (rowIndex != null && (rowIndex.length != rows || x.size() % cols != 0)) {
            throw new IllegalArgumentException(name + ": " + rowIndex.length + " row indices for " + rows + " rows of " + cols + " columns");
        }
        if ((labels == null) == (targets == null)) throw new IllegalArgumentException(name + ": exactly one of labels or targets");
    }

    /** Rows 0..rows-1 of x, in order. */
    public Split(String name, float[] x, int rows, int cols, int[] labels, float[] targets, int classes) {
        this(name, FloatStore.of(x), null, rows, cols, labels, targets, classes);
    }

    /** Rows {@code rowIndex} of the array x. */
    public Split(String name, float[] x, int[] rowIndex, int rows, int cols, int[] labels, float[] targets, int classes) {
        this(name, FloatStore.of(x), rowIndex, rows, cols, labels, targets, classes);
    }

    public boolean isClassification() {
        return labels != null;
    }

    /** The row of {@code x} that holds split row {@code r}. */
    public int storageRow(int r) {
        return rowIndex == null ? r : rowIndex[r];
    }
}
