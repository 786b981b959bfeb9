package dev.trainspec.engine.optim;

/**
 * A learning-rate schedule stepped once per epoch, like torch.optim.lr_scheduler with
 * {@code scheduler.step()} (or {@code step(metric)} for ReduceLROnPlateau) after each epoch.
 */
public interface Schedule {
    /**
     * Called after epoch {@code epoch} (0-based) with the monitored metric's value for that epoch
     * (ignored by schedules that do not monitor). Returns the learning rate for the next epoch.
     */
    double next(int epoch, double monitored);

    String describe();
}
