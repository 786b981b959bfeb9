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
    public int touchLines(int[] rows, int from, int to, int cols) {
        int s = 0;
        for (int c = 0; c < cols; c += LINE) {
            for (int k = from; k < to; k++) s ^= Float.floatToRawIntBits(values[rows[k] * cols + c]);
        }
        for (int k = from; k < to; k++) s ^= Float.floatToRawIntBits(values[rows[k] * cols + cols - 1]); // a row need not start on a line: its last one
        return s;
    }

    @Override
    public float[] toArray() {
        return values;
    }

    @Override
    public void checkUnchanged() {
        // an array never changes under its reader
    }
}
