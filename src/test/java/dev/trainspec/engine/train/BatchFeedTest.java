package dev.trainspec.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.tensor.FloatStore;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whoever copies a piece, every batch a step takes holds exactly its rows and labels, epoch after
 * epoch, from an array or a mapping; left in place (one thread), it names exactly the rows' places
 * in the split.
 */
class BatchFeedTest {
    private static final int ROWS = 3001;
    private static final int COLS = 1400; // rows x cols above BatchFeed.AHEAD_FROM: a helper copies ahead
    private static final int BATCH = 100;

    @ParameterizedTest(name = "{0} helpers, rows in place: {1}, from a mapping: {2}")
    @CsvSource({"0, false, false", "1, false, false", "2, false, false", "0, true, false", "0, false, true", "1, false, true", "2, false, true"})
    void everyBatchHoldsItsRowsAndLabels(int helpers, boolean inPlace, boolean mapped) {
        assertTrue((long) ROWS * COLS >= BatchFeed.AHEAD_FROM);
        Random random = new Random(5);
        float[] x = new float[ROWS * COLS];
        for (int i = 0; i < x.length; i++) x[i] = random.nextFloat();
        int[] labels = new int[ROWS];
        for (int r = 0; r < ROWS; r++) labels[r] = random.nextInt(3);
        // a view of a larger matrix, as the generated data's splits are: place and row number differ
        int[] rowIndex = new int[ROWS];
        for (int r = 0; r < ROWS; r++) rowIndex[r] = ROWS - 1 - r;
        Split train = new Split("train", mapped ? RowGatherTest.mapped(x, 1000L * COLS) : FloatStore.of(x), rowIndex, ROWS, COLS, labels, null, 3);
        int[] order = new int[ROWS];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, helpers));
        assertEquals(helpers > 0, BatchFeed.copiesAhead(train, BATCH, new Helpers(pool, helpers)), "a helper copies ahead");
        try {
            BatchFeed feed = new BatchFeed(train, BATCH, order, new Helpers(pool, helpers), inPlace);
            for (int epoch = 0; epoch < 4; epoch++) {
                for (int r = 0; r < ROWS; r++) order[r] = r;
                for (int r = ROWS - 1; r > 0; r--) {
                    int j = random.nextInt(r + 1);
                    int t = order[r];
                    order[r] = order[j];
                    order[j] = t;
                }
                feed.start();
                // epoch 2 stops half way, as OutOfTime does: the next epoch must not be disturbed
                int batches = epoch == 2 ? 15 : (ROWS + BATCH - 1) / BATCH;
                for (int k = 0; k < batches; k++) {
                    int n = Math.min(BATCH, ROWS - k * BATCH);
                    int buffer = feed.take(k, n);
                    for (int i = 0; i < n; i++) {
                        int row = order[k * BATCH + i];
                        int place = rowIndex[row];
                        if (inPlace) {
                            assertEquals(place, feed.rows(buffer)[i], "place of epoch " + epoch + " batch " + k + " row " + i);
                        } else {
                            float[] got = Arrays.copyOfRange(feed.x(buffer), i * COLS, (i + 1) * COLS);
                            assertArrayEquals(Arrays.copyOfRange(x, place * COLS, (place + 1) * COLS), got, "epoch " + epoch + " batch " + k + " row " + i);
                        }
                        if (feed.labels(buffer)[i] != labels[row]) throw new AssertionError("label of epoch " + epoch + " batch " + k + " row " + i);
                    }
                    if (k % 7 == 3) Thread.onSpinWait(); // a step of another length now and then
                    feed.release(k);
                }
                feed.stop();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
