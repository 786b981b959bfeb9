package dev.trainspec.run;

import dev.trainspec.engine.data.Dataset;
import dev.trainspec.engine.tensor.FloatStore;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** Computes {@link DataFacts} from the datasets (statistics in double, one pass per column). */
final class FactsOf {
    private FactsOf() {}

    /** Facts of preprocessed splits: the raw statistics read the training rows of {@code all} in place. */
    static DataFacts compute(String source, Dataset all, int[] trainRows, Dataset train, Dataset test) {
        int classes = train.isClassification() ? train.classes() : 0;
        int[] counts = new int[classes];
        boolean sorted = train.isClassification();
        if (train.isClassification()) {
            for (int i = 0; i < train.rows(); i++) {
                counts[train.labels()[i]]++;
                if (i > 0 && train.labels()[i] < train.labels()[i - 1]) sorted = false;
            }
        }
        return new DataFacts(source, train.rows(), test.rows(), train.cols(), classes, counts,
                statsOfRows(all, trainRows), stats(train), sorted && classes > 1, fingerprint(all));
    }

    /**
     * The same facts for data without preprocessing, through the split's row indices instead of
     * per-split copies: the raw and the processed training rows are then the same rows.
     */
    static DataFacts computeUnprocessed(String source, Dataset all, int[] trainRows, int testRows) {
        int classes = all.isClassification() ? all.classes() : 0;
        int[] counts = new int[classes];
        boolean sorted = all.isClassification();
        if (all.isClassification()) {
            for (int i = 0; i < trainRows.length; i++) {
                counts[all.labels()[trainRows[i]]]++;
                if (i > 0 && all.labels()[trainRows[i]] < all.labels()[trainRows[i - 1]]) sorted = false;
            }
        }
        List<DataFacts.FeatureStats> stats = statsOfRows(all, trainRows);
        return new DataFacts(source, trainRows.length, testRows, all.cols(), classes, counts, stats, stats,
                sorted && classes > 1, fingerprint(all));
    }

    /** {@link #stats(Dataset, int[])}, read from the data cache's folder when stored for these bits and rows ({@link StatsCache}). */
    static List<DataFacts.FeatureStats> statsOfRows(Dataset all, int[] rows) {
        Path folder = DataCache.configuredFolder();
        Print coming = PRINTS.get(all);
        CompletableFuture<String> print = coming == null ? null : coming.value;
        if (print == null || print.isDone()) {
            return StatsCache.orCompute(folder, print == null ? null : print.join(), rows, all.cols(), () -> stats(all, rows));
        }
        // the cache's writer is to hash fresh rows: computed now, beside the training, and stored under the print
        // once it is known, not after waiting for it (the first 250k x 512 process: a median of 4.48 s against 4.65 s
        // in five alternating pairs)
        List<DataFacts.FeatureStats> stats = stats(all, rows);
        print.thenAccept(known -> StatsCache.store(folder, known, rows, stats));
        return stats;
    }

    static List<DataFacts.FeatureStats> stats(Dataset d) {
        return stats(d, null);
    }

    /**
     * Per-column mean, population std, min and max of the given rows (all when null), visited in
     * ascending storage order whatever order {@code rows} lists them in: a split's rows are
     * shuffled, and reading them in that order waited for a cache miss per row (on the 200,000
     * training rows of 250,000 x 512, 0.47-0.66 s of CPU time against 0.19-0.26 s in storage
     * order). Rows in the outer loop, so wide data is read in memory order; each column still
     * sums its rows in that one order, the same double sums as a column-by-column pass. The
     * storage array is read directly (float32 or float64): per-value {@code get} calls made this
     * pass a third of preparing cached 250,000 x 512 rows. (Blocks of columns in parallel were
     * measured too: the strided reads cost 1.6-3.6x the CPU time, more than two cores win back.)
     */
    static List<DataFacts.FeatureStats> stats(Dataset d, int[] picked) {
        int[] rows = picked == null ? null : picked.clone();
        if (rows != null) java.util.Arrays.sort(rows);
        int cols = d.cols();
        int n = rows == null ? d.rows() : rows.length;
        FloatStore store = d.isFloat32() ? d.float32Store() : null;
        float[] x32 = store == null ? null : store.array();
        // a data cache file's mapping: each row copied out into one small array, not the whole matrix
        float[] row = store != null && x32 == null ? new float[cols] : null;
        float[] f = row != null ? row : x32; // the float32 values read: the storage array, or the copied row at offset 0
        double[] x64 = d.isFloat32() ? null : d.x();
        double[] sum = new double[cols];
        double[] min = new double[cols];
        double[] max = new double[cols];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            int o = rowStart(store, row, rows, i, cols);
            for (int c = 0; c < cols; c++) {
                double v = f != null ? f[o + c] : x64[o + c];
                sum[c] += v;
                min[c] = Math.min(min[c], v);
                max[c] = Math.max(max[c], v);
            }
        }
        double[] mean = new double[cols];
        for (int c = 0; c < cols; c++) mean[c] = sum[c] / n;
        double[] sq = new double[cols];
        for (int i = 0; i < n; i++) {
            int o = rowStart(store, row, rows, i, cols);
            for (int c = 0; c < cols; c++) {
                double v = (f != null ? f[o + c] : x64[o + c]) - mean[c];
                sq[c] += v * v;
            }
        }
        List<DataFacts.FeatureStats> out = new ArrayList<>(cols);
        for (int c = 0; c < cols; c++) out.add(new DataFacts.FeatureStats(mean[c], Math.sqrt(sq[c] / n), min[c], max[c]));
        return out;
    }

    /**
     * Where the i-th row read ({@code rows[i]}, or row i) starts in the values read: its offset in
     * the storage, or 0 once a mapping's row has been copied into {@code row} (null for arrays).
     */
    private static int rowStart(FloatStore store, float[] row, int[] rows, int i, int cols) {
        int o = (rows == null ? i : rows[i]) * cols;
        if (row == null) return o;
        store.copy(o, row, 0, cols);
        return 0;
    }

    /**
     * Prints known, coming or being computed, by data set object: hashing 250,000 x 512 values
     * takes most of a second, the data cache reads the print with the rows instead
     * ({@link #remember}), and a print the cache's writer computes is waited for, not computed
     * twice (the statistics do not wait for it: {@link #statsOfRows}). Data sets are never
     * modified once generated, so a print stays true for its object.
     */
    private static final Map<Dataset, Print> PRINTS = Collections.synchronizedMap(new WeakHashMap<>());

    /** A data set's print: computed once, by the first thread that claims it; the others wait for it. */
    private static final class Print {
        final CompletableFuture<String> value = new CompletableFuture<>();
        final AtomicBoolean claimed = new AtomicBoolean();
    }

    /** SHA-256 over the exact bits of every value and label, first 16 hex digits: same data, same print. */
    static String fingerprint(Dataset d) {
        Print print = PRINTS.computeIfAbsent(d, k -> new Print());
        if (!print.claimed.compareAndSet(false, true)) return print.value.join();
        try {
            String hex = hash(d);
            print.value.complete(hex);
            return hex;
        } catch (RuntimeException | Error e) {
            PRINTS.remove(d, print);
            print.value.completeExceptionally(e);
            throw e;
        }
    }

    /** Says that {@code d}'s print is coming (the cache's writer will compute it): statistics computed meanwhile are kept under it. */
    static void printComing(Dataset d) {
        PRINTS.computeIfAbsent(d, k -> new Print());
    }

    /** A print computed earlier by {@link #fingerprint} for the same bits (a data cache entry carries it). */
    static void remember(Dataset d, String hex) {
        Print print = new Print();
        print.claimed.set(true);
        print.value.complete(hex);
        PRINTS.put(d, print);
    }

    private static String hash(Dataset d) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(8 * 1024);
            // row by row through get(): float32 storage (make_embeddings) is never widened into a copy
            for (int r = 0; r < d.rows(); r++) {
                for (int c = 0; c < d.cols(); c++) {
                    if (buf.remaining() < 8) flush(md, buf);
                    buf.putDouble(d.get(r, c));
                }
            }
            if (d.labels() != null) for (int l : d.labels()) {
                if (buf.remaining() < 8) flush(md, buf);
                buf.putInt(l);
            }
            if (d.targets() != null) for (double t : d.targets()) {
                if (buf.remaining() < 8) flush(md, buf);
                buf.putDouble(t);
            }
            flush(md, buf);
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void flush(MessageDigest md, ByteBuffer buf) {
        md.update(buf.array(), 0, buf.position());
        buf.clear();
    }
}
