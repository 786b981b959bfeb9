package dev.trainspec.engine.train;

/**
 * Training passed its deadline (a scenario's {@code budget}). Thrown from inside the loop so that
 * a runaway run stops within a few steps instead of holding a CI runner; it says how far it got.
 */
public final class OutOfTime extends RuntimeException {
    private final int epoch;
    private final long steps;

    public OutOfTime(int epoch, long steps) {
        super("out of time in epoch " + epoch + " after " + steps + " steps", null, false, false);
        this.epoch = epoch;
        this.steps = steps;
    }

    /** The 1-based epoch that was running. */
    public int epoch() {
        return epoch;
    }

    public long steps() {
        return steps;
    }
}
