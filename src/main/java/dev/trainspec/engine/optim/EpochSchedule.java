package dev.trainspec.engine.optim;

/**
 * What the schedules share: like torch's schedulers they are chainable, each epoch's lr computed
 * from the previous one (torch's {@code group['lr']}), so they keep the current lr themselves and
 * must be stepped once per epoch, in order. torch's {@code last_epoch} after the call for epoch
 * {@code e} (0-based) is {@code e + 1}.
 */
abstract class EpochSchedule implements Schedule {
    final double initialLr;
    private double lr;
    private int expectedEpoch;

    EpochSchedule(double initialLr) {
        Checks.atLeastZero("learning rate", initialLr);
        this.initialLr = initialLr;
        this.lr = initialLr;
    }

    @Override
    public final double next(int epoch, double monitored) {
        if (epoch != expectedEpoch)
            throw new IllegalStateException("schedule stepped for epoch " + epoch + ", expected epoch " + expectedEpoch);
        expectedEpoch++;
        lr = lrAfter(epoch + 1, lr, monitored);
        return lr;
    }

    /** The lr for torch's {@code last_epoch} (>= 1), from the lr of the epoch before. */
    abstract double lrAfter(int lastEpoch, double lr, double monitored);

    @Override
    public String toString() {
        return describe();
    }
}
