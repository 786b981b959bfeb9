package dev.trainspec.engine.train;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * An epoch's minibatches, copied out of the training split in the epoch's row order. On wide
 * data the copy is mostly waiting for memory (a random row of 250k x 512 is a cache miss), so a
 * helper thread copies the next batch into a second buffer while the run's thread trains on this
 * one: batch k goes to buffer k % 2, in pieces of {@link #PIECE} rows that either thread takes,
 * and the helper stays at most one batch ahead (buffer k % 2 is free once step k - 2 is done).
 * The run's thread takes every piece of its batch nobody has taken, so without a helper it copies
 * everything itself. Copies only: the bits are the rows' bits, whoever copied them.
 *
 * <p>When the first layer reads its rows where they lie ({@code inPlace}: a wide linear layer on
 * one thread, {@link #copiesAhead}), a batch is only its rows' places and labels.
 */
final class BatchFeed {
    /** Rows of a piece: four of RowGather's groups. */
    private static final int PIECE = 32;
    /** Values (rows x columns) of a training split from which a helper copies ahead: smaller data sits in the caches. */
    static final long AHEAD_FROM = 1L << 22;
    /** Spins before a waiting thread gives its core up (the run's thread waits a few microseconds for a piece). */
    private static final int SPINS = 1 << 10;
    /** A helper a batch ahead naps this long between looks: the run's thread copies what it has not, so a late wake costs little. */
    private static final long NAP_NANOS = 20_000;

    private final Split train;
    private final int batchSize;
    private final int[] order;
    private final float[][] x = new float[2][];
    private final int[][] labels = new int[2][];
    private final float[][] targets = new float[2][];
    private final int[][] storageRows = new int[2][];
    private final Helpers helpers;
    private final int piecesPerBatch;
    /** The rows stay where they lie: a batch is {@link #rows} and its labels or targets. */
    private final boolean inPlace;
    /** This epoch's shared state while a helper may copy ahead, else null. */
    private Epoch epoch;

    /**
     * @param order the epoch's row order, drawn before each {@link #start}
     * @param inPlace whether the step reads the rows where they lie (then {@link #x} is empty)
     */
    BatchFeed(Split train, int batchSize, int[] order, Helpers helpers, boolean inPlace) {
        this.train = train;
        this.batchSize = batchSize;
        this.order = order;
        boolean ahead = copiesAhead(train, batchSize, helpers);
        if (ahead && inPlace) throw new IllegalArgumentException("a helper copies batches ahead: rows are not read in place");
        this.helpers = ahead ? helpers : Helpers.NONE;
        this.inPlace = inPlace;
        for (int b = 0; b < (ahead ? 2 : 1); b++) {
            x[b] = new float[inPlace ? 0 : batchSize * train.cols()];
            labels[b] = new int[batchSize];
            targets[b] = new float[batchSize];
            storageRows[b] = new int[batchSize];
        }
        this.piecesPerBatch = (batchSize + PIECE - 1) / PIECE;
    }

    /**
     * Whether a helper copies the next batch while the run's thread trains on this one: wide data
     * beyond the caches, and a helper to spare. Then the step reads its batch from the copy, which
     * is in the caches, and not the rows where they lie; a data cache file's mapping can only be
     * copied anyway. On 250,000 x 512 rows the epoch and evaluation measured the same either way
     * (medians of 15 runs in eight fresh JVMs each, alternating: 96-159 ms, 109 at the median, from
     * the copy; 104-145 ms, 110 at the median, in place with the helper reading the rows ahead
     * into the shared cache, as before), so there is one way to feed a helper's batches.
     */
    static boolean copiesAhead(Split train, int batchSize, Helpers helpers) {
        return helpers.count() > 0 && (long) train.rows() * train.cols() >= AHEAD_FROM && train.rows() > batchSize;
    }

    /** Starts an epoch over {@code order}: a helper, if any, starts copying the first batches. */
    void start() {
        if (helpers.count() == 0) return;
        int batches = (train.rows() + batchSize - 1) / batchSize;
        Epoch e = new Epoch(batches * piecesPerBatch, batches);
        epoch = e;
        helpers.lend(e::help);
    }

    /** Batch {@code k} (its first row at {@code k * batchSize}, {@code n} rows), complete on return; its buffer's index. */
    int take(int k, int n) {
        Epoch e = epoch;
        if (e == null) {
            copy(0, k * batchSize, 0, n);
            return 0;
        }
        int end = (k + 1) * piecesPerBatch;
        for (int p = e.next.get(); p < end; p = e.next.get()) {
            if (e.next.compareAndSet(p, p + 1)) e.copyPiece(p);
        }
        for (int spins = 0; e.done.get(k) < piecesPerBatch; spins++) {
            e.rethrowFailure(); // a helper that failed (a data cache file cut short under its mapping) leaves its piece undone
            if (spins < SPINS) Thread.onSpinWait();
            else Thread.yield();
        }
        e.rethrowFailure(); // the helper's fault may also come after it counted its piece done (the JVM raises it when the thread next polls)
        return k % 2;
    }

    /** Step {@code k} is done with its buffer. */
    void release(int k) {
        Epoch e = epoch;
        if (e != null) e.finished = k + 1;
    }

    /** The epoch is over (or was cut short): a helper still waiting leaves. */
    void stop() {
        Epoch e = epoch;
        if (e != null) e.next.set(Integer.MAX_VALUE);
        epoch = null;
    }

    float[] x(int buffer) {
        return x[buffer];
    }

    int[] labels(int buffer) {
        return labels[buffer];
    }

    float[] targets(int buffer) {
        return targets[buffer];
    }

    /** Where each row of the batch in {@code buffer} lies in the split's x. */
    int[] rows(int buffer) {
        return storageRows[buffer];
    }

    /**
     * Rows [from, to) of the batch starting at epoch row {@code start} into {@code buffer}. The
     * row numbers and labels are looked up first, in a loop of independent loads the CPU overlaps;
     * copying a row while still looking up the next one's place would make each row wait for two
     * cache misses in turn, which on data far beyond the caches (2,000,000 x 512) doubled the time
     * of this copy.
     */
    private void copy(int buffer, int start, int from, int to) {
        int[] rows = storageRows[buffer];
        for (int i = from; i < to; i++) {
            int row = order[start + i];
            rows[i] = train.storageRow(row);
            if (train.isClassification()) labels[buffer][i] = train.labels()[row];
            else targets[buffer][i] = train.targets()[row];
        }
        if (!inPlace) RowGather.copy(train.x(), rows, from, to, train.cols(), x[buffer]);
    }

    /** One epoch's claims: a helper that starts after its epoch ended finds every piece taken and leaves. */
    private final class Epoch {
        final int pieces;
        final AtomicInteger next = new AtomicInteger();
        /** Pieces copied, per batch. */
        final AtomicIntegerArray done;
        /** Steps the run's thread has finished: buffer k % 2 is free for batch k once this is >= k - 1. */
        volatile int finished;
        /** What stopped the helper, which then leaves; the run's thread throws it instead of waiting for the helper's piece. */
        volatile Throwable failure;

        Epoch(int pieces, int batches) {
            this.pieces = pieces;
            this.done = new AtomicIntegerArray(batches);
        }

        void help() {
            // the JVM raises a mapping's fault when the thread next polls, maybe past the copy: caught around the whole loop
            try {
                int spins = 0;
                for (int p = next.get(); p < pieces; p = next.get()) {
                    if (p / piecesPerBatch > finished + 1) {
                        if (spins++ < SPINS) Thread.onSpinWait();
                        else LockSupport.parkNanos(this, NAP_NANOS);
                    } else if (next.compareAndSet(p, p + 1)) {
                        copyPiece(p);
                        spins = 0;
                    }
                }
            } catch (RuntimeException | Error t) {
                failure = t;
            }
        }

        /** Throws what stopped the helper, if anything did: the run's thread fails instead of waiting or going on. */
        void rethrowFailure() {
            Throwable failed = failure;
            if (failed instanceof RuntimeException re) throw re;
            if (failed instanceof Error er) throw er;
        }

        /** Piece p into its buffer. */
        void copyPiece(int p) {
            int k = p / piecesPerBatch;
            int start = k * batchSize;
            int from = (p % piecesPerBatch) * PIECE;
            int to = Math.min(Math.min(from + PIECE, batchSize), train.rows() - start);
            if (from < to) copy(k % 2, start, from, to);
            done.incrementAndGet(k);
        }
    }
}
