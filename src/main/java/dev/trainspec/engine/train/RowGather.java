package dev.trainspec.engine.train;

import dev.trainspec.engine.tensor.FloatStore;

/**
 * Copies rows picked by storage row number out of a [rows, cols] matrix into consecutive rows of
 * a buffer: the training batches and the evaluation chunks of a split that is a view. Wide rows
 * scattered over gigabytes miss the caches every time, and copied one after another each waits
 * for its own miss; so a few values of each of {@link #GROUP} rows are read first, their misses
 * wait together, and the copies then find the rows arriving. On 250,000 x 512 rows this took an
 * epoch's training gathers from about 96 to 67 ms of CPU time. Loads only: the copied bits are
 * the rows' bits.
 */
final class RowGather {
    /** Rows whose first reads are issued together before they are copied. */
    private static final int GROUP = 8;
    /** Floats between touched values: 256 bytes, every fourth cache line (the prefetcher fetches the lines between). */
    private static final int TOUCH_STRIDE = 64;
    /** Written so the JIT keeps the touching loads. */
    @SuppressWarnings("unused")
    private static float sink;

    private RowGather() {}

    /** {@code dst[k, :] = x[rows[k], :]} for {@code k < n}. */
    static void copy(FloatStore x, int[] rows, int n, int cols, float[] dst) {
        copy(x, rows, 0, n, cols, dst);
    }

    /** {@code dst[k, :] = x[rows[k], :]} for {@code first <= k < n}, from an array or a mapping. */
    static void copy(FloatStore x, int[] rows, int first, int n, int cols, float[] dst) {
        float[] a = x.array();
        if (a != null) {
            copy(a, rows, first, n, cols, dst);
            return;
        }
        // a mapping's rows: every line of a group's rows read first (on a mapping this beat the array's
        // sparse touches below), then the copies find them arriving
        for (int i = first; i < n; i += GROUP) {
            int end = Math.min(n, i + GROUP);
            sink = x.touchLines(rows, i, end, cols);
            for (int k = i; k < end; k++) x.copy((long) rows[k] * cols, dst, k * cols, cols);
        }
    }

    /** {@code dst[k, :] = x[rows[k], :]} for {@code first <= k < n}: a piece of a batch. */
    private static void copy(float[] x, int[] rows, int first, int n, int cols, float[] dst) {
        if (cols <= 8) {
            // a call to arraycopy costs more than copying a handful of values (2-D toy data)
            for (int k = first; k < n; k++) {
                int from = rows[k] * cols;
                for (int c = 0; c < cols; c++) dst[k * cols + c] = x[from + c];
            }
            return;
        }
        for (int i = first; i < n; i += GROUP) {
            int end = Math.min(n, i + GROUP);
            float s = 0f;
            for (int k = i; k < end; k++) {
                int row = rows[k] * cols;
                for (int c = 0; c < cols; c += TOUCH_STRIDE) s += x[row + c];
            }
            sink = s;
            for (int k = i; k < end; k++) System.arraycopy(x, rows[k] * cols, dst, k * cols, cols);
        }
    }

    /**
     * Reads a value of every cache line of rows {@code x[rows[k], :]} for {@code first <= k < n},
     * so that another core reading them next finds them in the shared cache instead of memory,
     * eight rows at a time line by line ({@link FloatStore#touchLines}: eight misses in flight instead
     * of one stream at a time; 200,000 random rows of 512 floats, one thread: 40-51 ms against
     * 93-103 ms). Returns what it read, for the caller to store: the JIT drops loads whose values nobody keeps.
     */
    static int touch(FloatStore x, int[] rows, int first, int n, int cols) {
        int s = 0;
        for (int i = first; i < n; i += GROUP) s ^= x.touchLines(rows, i, Math.min(n, i + GROUP), cols);
        return s;
    }
}
