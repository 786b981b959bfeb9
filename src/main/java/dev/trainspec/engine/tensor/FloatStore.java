package dev.trainspec.engine.tensor;

/**
 * float32 values, flat and row-major as the engine trains on them, held in a heap array or in a
 * read-only mapping of a data cache file. A mapping is read where the page cache holds it: a
 * cached 250,000 x 512 entry trains without allocating and faulting in 512 MB of fresh heap, which
 * cost 380-485 ms of a 1.1 s process on this machine's VM (docs/benchmarks.md "Fifth session").
 * Kernels that read rows where they lie take the array ({@link #array}); rows of a mapping are
 * copied out first. Read-only either way, so any number of threads read at once.
 */
public sealed interface FloatStore permits HeapFloats, MappedFloats {
    /** Floats in a 64-byte cache line. */
    int LINE = 16;

    /** The array itself as the storage (not copied). */
    static FloatStore of(float[] values) {
        return new HeapFloats(values);
    }

    /** How many values it holds. */
    long size();

    /** The heap array that is the storage, or null for a mapping. */
    float[] array();

    /** Value {@code i}. */
    float get(long i);

    /** {@code dst[off, off + n) = values [from, from + n)}. */
    void copy(long from, float[] dst, int off, int n);

    /**
     * Reads a value of every 64-byte line of the rows {@code rows[from..to)} (each {@code cols}
     * wide), line by line across the rows so that their cache misses wait together, and returns
     * the values' bits combined: for the caller to keep, else the JIT drops the reads.
     */
    int touchLines(int[] rows, int from, int to, int cols);

    /** The storage's array, or for a mapping a new array of all its values (fine for small sets only). */
    float[] toArray();

    /**
     * Throws {@link StorageChanged} when a mapping's file has been cut short since it was mapped, so
     * values read from it may be what the fault left; nothing for an array. Callers check after
     * reading, before they use what they read for a result.
     */
    void checkUnchanged();
}
