package dev.trainspec.engine.optim;

/** torch.optim.lr_scheduler.ExponentialLR: the lr is multiplied by gamma after every epoch. */
public final class ExponentialLr extends EpochSchedule {
    private final double gamma;

    public ExponentialLr(double initialLr, double gamma) {
        super(initialLr);
        this.gamma = Checks.finite("gamma", gamma);
    }

    @Override
    double lrAfter(int lastEpoch, double lr, double monitored) {
        return lr * gamma;
    }

    @Override
    public String describe() {
        return new Description("exponential_lr").always("gamma", gamma).toString();
    }
}
