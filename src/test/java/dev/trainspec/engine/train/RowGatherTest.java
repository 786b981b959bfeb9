package dev.trainspec.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gather that overlaps the rows' cache misses copies exactly the rows a plain copy would. */
class RowGatherTest {
    @ParameterizedTest(name = "{0} rows of {1} columns")
    @CsvSource({"13, 2", "8, 8", "21, 9", "5, 64", "19, 130", "256, 512"})
    void copiesThePickedRowsInTheirOrder(int n, int cols) {
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
        RowGather.copy(x, rows, n, cols, got);
        assertArrayEquals(expected, java.util.Arrays.copyOf(got, n * cols));
        for (int i = n * cols; i < got.length; i++) assertTrue(Float.isNaN(got[i]), "the row after the n copied ones is left alone");
    }
}
