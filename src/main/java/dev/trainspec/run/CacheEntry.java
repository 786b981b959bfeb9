package dev.trainspec.run;

import dev.trainspec.engine.data.Dataset;
import dev.trainspec.engine.tensor.FloatStore;
import dev.trainspec.engine.tensor.MappedFile;
import dev.trainspec.engine.tensor.MappedFloats;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * One cached data set on disk: a fixed header, then the features (float32 or float64, row-major),
 * then the labels (int32) or targets (float64), all little-endian. The header holds the shape,
 * the key's digest (so a file under the wrong name is not taken for another data set), the
 * data's fingerprint, whether every value is finite (checked once when written, so a read does
 * not scan 128 million values again: the CRC says they are the same), and a CRC32C of all the rest (so a torn or damaged file is never read as
 * data). float32 features (make_embeddings) are read as the file's mapping, checksummed once and
 * trained from where the page cache holds them; float64 features and the labels or targets are
 * copied into arrays window by window ({@link MappedWindows}), checksummed on the way, each window
 * unmapped before the next is mapped, so the peak memory is the arrays plus one window.
 */
final class CacheEntry {
    private static final byte[] MAGIC = "TSDATA03".getBytes(StandardCharsets.US_ASCII);
    /** The data's fingerprint (16 hex digits, {@link FactsOf#fingerprint}), kept so reading does not hash the rows again. */
    private static final int PRINT = 16;
    static final int HEADER = 8 + 7 * 4 + 8 + 8 + 32 + PRINT;
    /** Where the checksum sits; it covers the payload, then the header with these 8 bytes zero. */
    private static final int CRC_AT = 8 + 7 * 4 + 8;
    /** Bytes of float32 features mapped in one buffer at most: a whole number of rows below Java's 2 GB a buffer. */
    private static final long SEGMENT = 1L << 30;

    private CacheEntry() {}

    /** A data set this format can hold: float64 features, or float32 features with labels. */
    static boolean storable(Dataset d) {
        return !d.isFloat32() || d.isClassification();
    }

    /** The file's size for {@code d}. */
    static long size(Dataset d) {
        long tail = d.isClassification() ? d.rows() * 4L : (long) d.rows() * d.targetCols() * 8;
        return HEADER + (long) d.rows() * d.cols() * (d.isFloat32() ? 4 : 8) + tail;
    }

    /** Writes over {@code file}, which the caller has created and nobody else writes. */
    static void write(Path file, Dataset d, String print, boolean finite, byte[] keyDigest) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.position(HEADER);
            CRC32C crc = new CRC32C();
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            Pieces pieces = (length, width, copy) -> {
                for (int i = 0; i < length; ) {
                    int n = Math.min(length - i, buf.capacity() / width);
                    buf.clear();
                    copy.piece(buf, i, n);
                    buf.limit(n * width);
                    crc.update(buf.duplicate());
                    while (buf.hasRemaining()) out.write(buf);
                    i += n;
                }
            };
            float[] x32 = d.isFloat32() ? d.xFloat32() : null;
            double[] x64 = d.isFloat32() ? null : d.x();
            if (x32 != null) pieces.each(x32.length, 4, (b, i, n) -> b.asFloatBuffer().put(x32, i, n));
            else pieces.each(x64.length, 8, (b, i, n) -> b.asDoubleBuffer().put(x64, i, n));
            int[] y = d.labels();
            double[] t = d.targets();
            if (y != null) pieces.each(y.length, 4, (b, i, n) -> b.asIntBuffer().put(y, i, n));
            else pieces.each(t.length, 8, (b, i, n) -> b.asDoubleBuffer().put(t, i, n));
            ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            header.put(MAGIC).putInt(d.isFloat32() ? 4 : 8).putInt(d.isClassification() ? 0 : 1).putInt(d.rows()).putInt(d.cols())
                    .putInt(d.classes()).putInt(d.targetCols()).putInt(finite ? 1 : 0).putLong(out.position() - HEADER).putLong(0).put(keyDigest)
                    .put(print.getBytes(StandardCharsets.US_ASCII));
            crc.update(header.array(), 0, HEADER);
            header.putLong(CRC_AT, crc.getValue());
            header.flip();
            while (header.hasRemaining()) out.write(header, header.position());
            out.force(false);
        }
    }

    /** A data set read back, with its fingerprint and whether its writer found every value finite. */
    record Read(Dataset data, String print, boolean finite) {}

    /** The data set in {@code file}; throws {@link Corrupt} when it is not a whole, matching entry. */
    static Read read(Path file, byte[] keyDigest) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            if (in.size() < HEADER) throw new Corrupt("shorter than its header");
            ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            while (h.hasRemaining() && in.read(h, h.position()) > 0) { /* read the whole header */ }
            h.flip();
            byte[] magic = new byte[MAGIC.length];
            h.get(magic);
            if (!Arrays.equals(magic, MAGIC)) throw new Corrupt("not a trainspec data cache entry of this format");
            int precision = h.getInt();
            boolean classification = h.getInt() == 0;
            int rows = h.getInt();
            int cols = h.getInt();
            int classes = h.getInt();
            int targetCols = h.getInt();
            boolean finite = h.getInt() == 1;
            long payload = h.getLong();
            long expectedCrc = h.getLong();
            byte[] digest = new byte[32];
            h.get(digest);
            if (!Arrays.equals(digest, keyDigest)) throw new Corrupt("written for another key");
            byte[] print = new byte[PRINT];
            h.get(print);
            long values = (long) rows * cols;
            long tail = classification ? rows * 4L : (long) rows * targetCols * 8L;
            if ((precision != 4 && precision != 8) || rows < 0 || cols < 0 || values > Integer.MAX_VALUE - 8
                    || payload != values * precision + tail || in.size() != HEADER + payload) {
                throw new Corrupt("size does not match its header");
            }
            CRC32C crc = new CRC32C();
            Dataset d;
            try (Reader r = new Reader(in, crc, HEADER + (precision == 4 ? values * 4 : 0))) {
                if (precision == 4) {
                    // the features stay in the file's mapping, which the engine trains from: no heap copy
                    FloatStore x = mapFloats(in, MappedFile.of(file, HEADER + values * 4), values, cols, crc);
                    d = Dataset.float32Classification(x, rows, cols, r.ints(new int[rows]), classes);
                } else {
                    double[] x = new double[(int) values];
                    r.doubles(x);
                    d = classification ? Dataset.classification(x, rows, cols, r.ints(new int[rows]), classes)
                            : Dataset.regression(x, rows, cols, r.doubles(new double[rows * targetCols]), targetCols);
                }
            } catch (InternalError e) {
                // a mapped page the file no longer holds (something truncated it in place while it was read)
                throw new Corrupt("changed while it was read (" + e.getMessage() + ")");
            }
            byte[] header = h.array().clone();
            Arrays.fill(header, CRC_AT, CRC_AT + 8, (byte) 0);
            crc.update(header);
            if (crc.getValue() != expectedCrc) throw new Corrupt("checksum does not match its contents");
            return new Read(d, new String(print, StandardCharsets.US_ASCII), finite);
        }
    }

    /**
     * The {@code values} float32 features after the header, mapped read-only in segments of whole
     * rows (a buffer holds at most 2 GB) and checksummed: the mapping outlives the channel and is
     * released with the data set. Nothing else writes an entry in place (a new one is renamed over
     * it, an evicted one is deleted), so the pages stay the ones checksummed here unless another
     * program cuts the file short, which {@link FloatStore#checkUnchanged} tells by {@code file}.
     */
    private static FloatStore mapFloats(FileChannel in, MappedFile file, long values, int cols, CRC32C crc) throws IOException {
        long segmentValues = Math.max(1, SEGMENT / 4 / Math.max(1, cols)) * Math.max(1, cols);
        List<ByteBuffer> segments = new ArrayList<>();
        for (long from = 0; from < values; from += segmentValues) {
            long n = Math.min(segmentValues, values - from);
            ByteBuffer segment = in.map(FileChannel.MapMode.READ_ONLY, HEADER + from * 4, n * 4);
            crc.update(segment.duplicate());
            segments.add(segment);
        }
        return new MappedFloats(segments, segmentValues, values, file);
    }

    /** One piece of an array, elements [i, i + n), copied between it and the buffer. */
    private interface Piece {
        void piece(ByteBuffer buf, int i, int n);
    }

    /** An array of {@code length} elements of {@code width} bytes, moved through the buffer piece by piece. */
    private interface Pieces {
        void each(int length, int width, Piece copy) throws IOException;
    }

    /** Sequential reads after the header through mapped windows, each piece checksummed as it is copied. */
    private static final class Reader implements AutoCloseable {
        /** Bytes checksummed and copied together: well inside L2. */
        private static final int SLICE = 256 * 1024;
        private final MappedWindows windows;
        private final CRC32C crc;

        /** Reads from {@code position} on. */
        Reader(FileChannel in, CRC32C crc, long position) throws IOException {
            this.windows = new MappedWindows(in, position);
            this.crc = crc;
        }

        /**
         * Hands the next {@code length} values of {@code width} bytes to {@code copy} a slice of
         * {@link #SLICE} bytes at a time, each checksummed just before it is copied: the copy then
         * reads the slice from L2, where checksumming a whole 64 MB window first read every byte
         * from memory twice.
         */
        void each(int length, int width, Piece copy) throws IOException {
            int perSlice = SLICE / width;
            for (int i = 0; i < length; ) {
                int n = Math.min(length - i, MappedWindows.WINDOW / width);
                ByteBuffer window = windows.next(n * width);
                if (window == null) throw new Corrupt("ends early");
                for (int j = 0; j < n; j += perSlice) {
                    int m = Math.min(n - j, perSlice);
                    ByteBuffer slice = window.slice(j * width, m * width).order(ByteOrder.LITTLE_ENDIAN);
                    crc.update(slice.duplicate());
                    copy.piece(slice, i + j, m);
                }
                i += n;
            }
        }

        double[] doubles(double[] a) throws IOException {
            each(a.length, 8, (b, i, n) -> b.asDoubleBuffer().get(a, i, n));
            return a;
        }

        int[] ints(int[] a) throws IOException {
            each(a.length, 4, (b, i, n) -> b.asIntBuffer().get(a, i, n));
            return a;
        }

        @Override
        public void close() {
            windows.close();
        }
    }

    /** The file is not a whole entry for this key: it is replaced by a fresh generation. */
    static final class Corrupt extends IOException {
        private static final long serialVersionUID = 1L;

        Corrupt(String why) {
            super(why);
        }
    }
}
