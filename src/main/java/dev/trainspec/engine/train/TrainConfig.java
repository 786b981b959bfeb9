package dev.trainspec.engine.train;

/**
 * How to train: epochs, batch size (0 = the whole training split, PyTorch's full-batch gradient
 * descent), per-epoch shuffling, optional gradient-norm clipping (NaN = off), optional early
 * stopping on a recorded metric, the metric a plateau schedule watches, and a deadline (a
 * scenario's budget) past which training stops with {@link OutOfTime}.
 */
public record TrainConfig(int epochs, int batchSize, boolean shuffle, double clipGradNorm,
                          EarlyStop earlyStop, String scheduleMonitor, long deadlineNanos) {
    public static final int FULL_BATCH = 0;
    /** deadlineNanos for "no deadline"; otherwise a {@link System#nanoTime()} value. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    public TrainConfig {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1");
        if (batchSize < 0) throw new IllegalArgumentException("batchSize must be >= 0");
    }

    /** Stop after {@code patience} epochs without an improvement of at least {@code minDelta} in {@code monitor}. */
    public record EarlyStop(String monitor, int patience, double minDelta) {}
}
