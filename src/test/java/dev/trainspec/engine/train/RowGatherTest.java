package dev.trainspec.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.tensor.FloatStore;
import dev.trainspec.engine.tensor.MappedFloats;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gather that overlaps the rows' cache misses copies exactly the rows a plain copy would, from
 * an array or from a mapping (here a direct buffer cut into segments of {@code segmentRows} rows,
 * as a data cache file of more than 1 GB is, or in one segment).
 */
class RowGatherTest {
    @ParameterizedTest(name = "{0} rows of {1} columns, mapped in segments of {2} rows (0: an array)")
    @CsvSource({"13, 2, 0", "8, 8, 0", "21, 9, 0", "5, 64, 0", "19, 130, 0", "256, 512, 0",
                "13, 2, 5", "21, 9, 1", "19, 130, 7", "256, 512, 100", "19, 130, 1000"})
    void copiesThePickedRowsInTheirOrder(int n, int cols, int segmentRows) {
        int stored = 3 * n + 1;
        float[] x = new float[stored * cols];
        for (int i = 0; i < x.length; i++) x[i] = i * 0.5f - 7f;
        int[] rows = new int[n];
        // scattered, repeated and descending picks, as a shuffled batch has them
        for (int k = 0; k < n; k++) rows[k] = (k * 7 + 3) % stored;
        if (n > 2) rows[n - 1] = rows[0];
        float[] expected = new float[n * cols];
        for (int k = 0; k < n; k++) System.arraycopy(x, rows[k] * cols, expected, k * cols, cols);
        float[] got = new float[(n + 1) * cols];
        java.util.Arrays.fill(got, Float.NaN);
        RowGather.copy(segmentRows == 0 ? FloatStore.of(x) : mapped(x, (long) segmentRows * cols), rows, n, cols, got);
        assertArrayEquals(expected, java.util.Arrays.copyOf(got, n * cols));
        for (int i = n * cols; i < got.length; i++) assertTrue(Float.isNaN(got[i]), "the row after the n copied ones is left alone");
    }

    /** {@code x} as little-endian bytes in segments of {@code segmentValues} values, the last one shorter. */
    static MappedFloats mapped(float[] x, long segmentValues) {
        List<ByteBuffer> segments = new ArrayList<>();
        for (long from = 0; from < x.length; from += segmentValues) {
            int n = (int) Math.min(segmentValues, x.length - from);
            ByteBuffer b = ByteBuffer.allocateDirect(n * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(x, (int) from, n);
            segments.add(b);
        }
        return new MappedFloats(segments, segmentValues, x.length);
    }
}
