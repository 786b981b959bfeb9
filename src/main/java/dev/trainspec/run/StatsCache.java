package dev.trainspec.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/**
 * The per-feature statistics of a cached data set's training rows, kept beside its entry: in a
 * fresh JVM they cost about 0.5 s of CPU on 200,000 x 512 rows (twice the warm figure: their loops
 * wait for the C2 compiler the training also needs), and they ended after the training, so a
 * cached run waited for them. They depend only on the data's bits and the rows, so the file is
 * named by the data's fingerprint (known without hashing only for data the cache read or wrote)
 * and a SHA-256 of the row indices and of the statistics' code ({@link CodeVersion#stats}). A file
 * is written by {@link AtomicWrite}; one that does not read back whole (its CRC32C) is computed
 * again and replaced.
 */
final class StatsCache {
    private static final byte[] MAGIC = "TSSTAT01".getBytes(StandardCharsets.US_ASCII);
    static final String SUFFIX = ".stats";

    private StatsCache() {}

    /** The statistics from {@code folder} when they were stored for these bits and rows, else computed (and stored when the print is known). */
    static List<DataFacts.FeatureStats> orCompute(Path folder, String print, int[] rows, int cols, Supplier<List<DataFacts.FeatureStats>> compute) {
        Path file = fileFor(folder, print, rows);
        if (file == null) return compute.get();
        List<DataFacts.FeatureStats> known = read(file, cols);
        if (known != null) return known;
        List<DataFacts.FeatureStats> stats = compute.get();
        write(file, stats);
        return stats;
    }

    /** Stores statistics computed before the data's print was known (a fresh entry is hashed beside the training). */
    static void store(Path folder, String print, int[] rows, List<DataFacts.FeatureStats> stats) {
        Path file = fileFor(folder, print, rows);
        if (file != null) write(file, stats);
    }

    /** The file for these bits and rows; null when nothing is kept (no cache, no print, no rows, no code version). */
    private static Path fileFor(Path folder, String print, int[] rows) {
        if (folder == null || print == null || rows == null) return null;
        try {
            return folder.resolve(print + "-" + rowsHash(rows) + SUFFIX);
        } catch (RuntimeException e) {
            return null; // no version of the statistics' code to name the file by: never a stale read
        }
    }

    /** Null when the file is missing, damaged or of another width: the statistics are then computed. */
    static List<DataFacts.FeatureStats> read(Path file, int cols) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            if (b.remaining() != MAGIC.length + 4 + cols * 32L + 8) return null;
            CRC32C crc = new CRC32C();
            crc.update(b.array(), 0, b.limit() - 8);
            byte[] magic = new byte[MAGIC.length];
            b.get(magic);
            if (!Arrays.equals(magic, MAGIC) || b.getInt() != cols || b.getLong(b.limit() - 8) != crc.getValue()) return null;
            List<DataFacts.FeatureStats> stats = new ArrayList<>(cols);
            for (int c = 0; c < cols; c++) stats.add(new DataFacts.FeatureStats(b.getDouble(), b.getDouble(), b.getDouble(), b.getDouble()));
            return stats;
        } catch (IOException e) {
            return null;
        }
    }

    private static void write(Path file, List<DataFacts.FeatureStats> stats) {
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + stats.size() * 32 + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(stats.size());
        for (DataFacts.FeatureStats s : stats) b.putDouble(s.mean()).putDouble(s.std()).putDouble(s.min()).putDouble(s.max());
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putLong(crc.getValue());
        try {
            AtomicWrite.replace(file, tmp -> Files.write(tmp, b.array()));
        } catch (IOException | RuntimeException e) {
            // the statistics are computed again next time: nothing is lost but the time
        }
    }

    /** The rows and the statistics' code version ({@link CodeVersion#stats}). */
    private static String rowsHash(int[] rows) {
        MessageDigest sha = CodeVersion.sha256();
        sha.update(CodeVersion.stats().getBytes(StandardCharsets.US_ASCII));
        ByteBuffer b = ByteBuffer.allocate(rows.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(rows);
        return HexFormat.of().formatHex(sha.digest(b.array())).substring(0, 16);
    }
}
