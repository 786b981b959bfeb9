package dev.trainspec.engine.optim;

/** torch.optim.lr_scheduler.StepLR: the lr is multiplied by gamma every step_size epochs. */
public final class StepLr extends EpochSchedule {
    private final int stepSize;
    private final double gamma;

    public StepLr(double initialLr, int stepSize, double gamma) {
        super(initialLr);
        if (stepSize < 1) throw new IllegalArgumentException("step_size should be a positive integer, got " + stepSize);
        this.stepSize = stepSize;
        this.gamma = Checks.finite("gamma", gamma);
    }

    @Override
    double lrAfter(int lastEpoch, double lr, double monitored) {
        return lastEpoch % stepSize == 0 ? lr * gamma : lr;
    }

    @Override
    public String describe() {
        return new Description("step_lr").always("step_size", stepSize).always("gamma", gamma).toString();
    }
}
