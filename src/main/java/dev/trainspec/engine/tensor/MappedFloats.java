package dev.trainspec.engine.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * {@link FloatStore} over little-endian float32 bytes in buffers (a file's mappings), in order:
 * every segment but the last holds {@code segmentValues} values, so value {@code i} is in segment
 * {@code i / segmentValues}. One buffer holds at most 2 GB, so 2,000,000 x 512 rows take a few.
 * Reads are absolute: the buffers' positions never move, so threads share them.
 */
public final class MappedFloats implements FloatStore {
    private final FloatBuffer[] segments;
    /** The only segment, else null: up to 1 GB of rows (250,000 x 512 is 512 MB) a copy needs no division by the segment size. */
    private final FloatBuffer first;
    /** The only segment's bytes, else null. */
    private final ByteBuffer firstBytes;
    private final long segmentValues;
    private final long size;
    /** The mapped file, for {@link #checkUnchanged}, or null. */
    private final MappedFile source;

    /** Buffers no file stands behind for {@link #checkUnchanged} (tests). */
    public MappedFloats(List<ByteBuffer> bytes, long segmentValues, long size) {
        this(bytes, segmentValues, size, null);
    }

    /**
     * @param bytes the segments, each {@code segmentValues * 4} bytes but the last; read-only from now on
     * @param source the file they map, or null
     */
    public MappedFloats(List<ByteBuffer> bytes, long segmentValues, long size, MappedFile source) {
        this.segments = new FloatBuffer[bytes.size()];
        long held = 0;
        for (int s = 0; s < segments.length; s++) {
            ByteBuffer b = bytes.get(s);
            segments[s] = b.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            long expected = Math.min(segmentValues, size - held);
            if (segments[s].capacity() != expected) throw new IllegalArgumentException("segment " + s + " holds " + segments[s].capacity() + " values, not " + expected);
            held += expected;
        }
        if (held != size) throw new IllegalArgumentException(segments.length + " segments hold " + held + " values, not " + size);
        this.segmentValues = segmentValues;
        this.size = size;
        this.first = segments.length == 1 ? segments[0] : null;
        this.firstBytes = segments.length == 1 ? bytes.get(0).duplicate().order(ByteOrder.LITTLE_ENDIAN) : null;
        this.source = source;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public float[] array() {
        return null;
    }

    @Override
    public float get(long i) {
        if (first != null) return first.get((int) i);
        return segments[(int) (i / segmentValues)].get((int) (i % segmentValues));
    }

    @Override
    public void copy(long from, float[] dst, int off, int n) {
        if (first != null) {
            first.get((int) from, dst, off, n);
            return;
        }
        while (n > 0) {
            int s = (int) (from / segmentValues);
            int at = (int) (from % segmentValues);
            int take = (int) Math.min(n, segmentValues - at);
            segments[s].get(at, dst, off, take);
            from += take;
            off += take;
            n -= take;
        }
    }

    /**
     * As an array's, through the bytes' {@code getInt}: on 200,000 random rows of 512 from a 512 MB
     * mapping (a harness, one thread) touching then copying took 60-84 ms against 102-118 ms for
     * the copies alone and 87-116 ms touching every fourth line through the float view.
     */
    @Override
    public int touchLines(int[] rows, int from, int to, int cols) {
        int s = 0;
        if (firstBytes != null) {
            for (int c = 0; c < cols; c += LINE) {
                for (int k = from; k < to; k++) s ^= firstBytes.getInt((rows[k] * cols + c) << 2);
            }
            for (int k = from; k < to; k++) s ^= firstBytes.getInt((rows[k] * cols + cols - 1) << 2);
            return s;
        }
        // several segments (over 1 GB): row after row, one division a row
        for (int k = from; k < to; k++) {
            long at = (long) rows[k] * cols;
            FloatBuffer segment = segments[(int) (at / segmentValues)];
            int o = (int) (at % segmentValues);
            for (int c = 0; c < cols; c += LINE) s ^= Float.floatToRawIntBits(segment.get(o + c));
        }
        return s;
    }

    @Override
    public float[] toArray() {
        float[] out = new float[Math.toIntExact(size)];
        copy(0, out, 0, out.length);
        return out;
    }

    /** One {@code stat}: a few microseconds, so once an epoch or an evaluation, not once a batch. */
    @Override
    public void checkUnchanged() {
        String cut = source == null ? null : source.cutShort();
        if (cut != null) throw new StorageChanged(cut);
    }
}
