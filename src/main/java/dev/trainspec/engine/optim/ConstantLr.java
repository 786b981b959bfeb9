package dev.trainspec.engine.optim;

/** No schedule: the learning rate stays what the optimizer started with. */
public final class ConstantLr extends EpochSchedule {
    public ConstantLr(double lr) {
        super(lr);
    }

    @Override
    double lrAfter(int lastEpoch, double lr, double monitored) {
        return lr;
    }

    @Override
    public String describe() {
        return new Description("constant_lr").always("lr", initialLr).toString();
    }
}
