package dev.trainspec.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.tensor.FloatStore;
import dev.trainspec.engine.tensor.MappedFloats;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    /**
     * A data cache file cut short under its mapping (another program truncating it) faults the
     * copies of the rows past its new end. Here only the first piece's rows are past it, and the
     * helper takes that piece: {@code take} must throw the helper's fault, neither wait for a piece
     * never done nor return a batch the fault left. The JVM raises the fault when the faulting
     * thread next polls, which may come after the helper counted its piece done, so the run's
     * thread takes its first batch only once the helper has stopped (on a fault, not before: it
     * waits for steps to free a buffer), and only the helper ever reads past the file's end.
     */
    @Test
    void aHelpersFaultEndsTheEpochInsteadOfHangingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rows.bin");
        Files.write(file, new byte[ROWS * COLS * 4]);
        List<Thread> helper = new CopyOnWriteArrayList<>();
        Executor pool = work -> {
            Thread t = new Thread(work, "batch-feed-test-helper");
            t.setDaemon(true);
            helper.add(t);
            t.start();
        };
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedFloats rows = new MappedFloats(List.of(channel.map(FileChannel.MapMode.READ_ONLY, 0, (long) ROWS * COLS * 4)),
                    (long) ROWS * COLS, (long) ROWS * COLS);
            // split rows 0..31 (the first piece) are the last storage rows, the rest lie in order before them
            int[] rowIndex = new int[ROWS];
            for (int r = 0; r < ROWS; r++) rowIndex[r] = r < 32 ? ROWS - 1 - r : r - 32;
            Split train = new Split("train", rows, rowIndex, ROWS, COLS, new int[ROWS], null, 3);
            int[] order = new int[ROWS];
            for (int r = 0; r < ROWS; r++) order[r] = r;
            BatchFeed feed = new BatchFeed(train, BATCH, order, new Helpers(pool, 1), false);
            channel.truncate((long) (ROWS - 40) * COLS * 4);
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                feed.start();
                try {
                    assertEquals(1, helper.size(), "one helper started");
                    helper.get(0).join(); // ends only on its fault: without it, it would wait for the steps
                    assertThrows(InternalError.class, () -> feed.take(0, BATCH));
                } finally {
                    feed.stop();
                }
            });
        }
    }
}
