package dev.trainspec.engine.tensor;

/** {@link FloatStore} over a heap array. */
record HeapFloats(float[] values) implements FloatStore {
    @Override
    public long size() {
        return values.length;
    }

    @Override
    public float[] array() {
        return values;
    }

    @Override
    public float get(long i) {
        return values[(int) i];
    }

    @Override
    public void copy(long from, float[] dst, int off, int n) {
        System.arraycopy(values, Math.toIntExact(from), dst, off, n);
    }

    @Override
    public int touch(long from, int n, int stride) {
        int at = Math.toIntExact(from);
        int bits = Float.floatToRawIntBits(values[at + n - 1]);
        for (int i = 0; i < n; i += stride) bits ^= Float.floatToRawIntBits(values[at + i]);
        return bits;
    }

    @Override
    public float[] toArray() {
        return values;
    }
}
