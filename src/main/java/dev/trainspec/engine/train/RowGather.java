package dev.trainspec.engine.train;

import dev.trainspec.engine.tensor.FloatStore;

/**
 * Copies rows picked by storage row number out of a [rows, cols] matrix (an array or a data
 * cache file's mapping) into consecutive rows of a buffer: the training batches and the
 * evaluation chunks of a split that is a view. Wide rows scattered over gigabytes miss the caches
 * every time, and copied one after another each waits for its own miss; so every cache line of
 * {@link #GROUP} rows is read first, line by line across the rows ({@link FloatStore#touchLines}),
 * their misses wait together, and the copies then find the rows arriving. On 200,000 random rows
 * of a 250,000 x 512 mapping (a harness, one thread) the copies took 60-84 ms this way, 87-116 ms with
 * every fourth line touched row by row (this class's earlier way, which took an epoch's gathers
 * from an array from about 96 to 67 ms of CPU time) and 102-118 ms without touching. Loads only:
 * the copied bits are the rows' bits.
 */
final class RowGather {
    /** Rows whose lines are read together before they are copied. */
    private static final int GROUP = 8;
    /** Written so the JIT keeps the touching loads. */
    @SuppressWarnings("unused")
    private static int sink;

    private RowGather() {}

    /** {@code dst[k, :] = x[rows[k], :]} for {@code k < n}. */
    static void copy(FloatStore x, int[] rows, int n, int cols, float[] dst) {
        copy(x, rows, 0, n, cols, dst);
    }

    /** {@code dst[k, :] = x[rows[k], :]} for {@code first <= k < n}: a piece of a batch. */
    static void copy(FloatStore x, int[] rows, int first, int n, int cols, float[] dst) {
        float[] a = x.array();
        if (a != null && cols <= 8) {
            // a call to arraycopy costs more than copying a handful of values (2-D toy data)
            for (int k = first; k < n; k++) {
                int from = rows[k] * cols;
                for (int c = 0; c < cols; c++) dst[k * cols + c] = a[from + c];
            }
            return;
        }
        for (int i = first; i < n; i += GROUP) {
            int end = Math.min(n, i + GROUP);
            sink = x.touchLines(rows, i, end, cols);
            for (int k = i; k < end; k++) x.copy((long) rows[k] * cols, dst, k * cols, cols);
        }
    }
}
