package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainspec.engine.data.Dataset;
import dev.trainspec.engine.random.RandomState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The row-major column statistics give the bits of a plain column-by-column pass. */
class FactsOfStatsTest {
    @Test
    void sameBitsAsOneColumnAtATime() {
        RandomState rng = new RandomState(4);
        int rows = 9000;
        int cols = 130;
        double[] x = new double[rows * cols];
        for (int i = 0; i < x.length; i++) x[i] = rng.standardNormal() * 3 + (i % cols);
        float[] x32 = new float[x.length];
        for (int i = 0; i < x.length; i++) x32[i] = (float) x[i];
        int[] labels = new int[rows];
        int[] some = new int[rows / 2];
        for (int i = 0; i < some.length; i++) some[i] = (i * 7919) % rows;
        for (Dataset d : List.of(Dataset.classification(x, rows, cols, labels, 1), Dataset.float32Classification(x32, rows, cols, labels, 1))) {
            for (int[] subset : new int[][] {null, some}) {
                List<DataFacts.FeatureStats> fast = FactsOf.stats(d, subset);
                for (int c = 0; c < cols; c++) {
                    assertEquals(reference(d, subset, c), fast.get(c), "column " + c + (subset == null ? "" : " of a subset"));
                }
            }
        }
    }

    /** Mean, population std, min and max of one column, its rows summed in ascending storage order. */
    private static DataFacts.FeatureStats reference(Dataset d, int[] picked, int c) {
        int[] rows = picked == null ? null : java.util.Arrays.stream(picked).sorted().toArray();
        int n = rows == null ? d.rows() : rows.length;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = d.get(rows == null ? i : rows[i], c);
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / n;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double v = d.get(rows == null ? i : rows[i], c) - mean;
            sq += v * v;
        }
        return new DataFacts.FeatureStats(mean, Math.sqrt(sq / n), min, max);
    }
}
