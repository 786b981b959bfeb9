package dev.trainspec.engine.optim;

import java.util.Arrays;

/**
 * torch.optim.lr_scheduler.MultiStepLR: the lr is multiplied by gamma when the epoch count
 * reaches a milestone; like torch (which counts them), a milestone listed twice applies gamma twice.
 */
public final class MultiStepLr extends EpochSchedule {
    private final long[] milestones;
    private final double gamma;

    public MultiStepLr(double initialLr, long[] milestones, double gamma) {
        super(initialLr);
        this.milestones = milestones.clone();
        Arrays.sort(this.milestones);
        this.gamma = Checks.finite("gamma", gamma);
    }

    @Override
    double lrAfter(int lastEpoch, double lr, double monitored) {
        int count = 0;
        for (long m : milestones) if (m == lastEpoch) count++;
        // torch: group['lr'] * gamma ** count
        return count == 0 ? lr : lr * Math.pow(gamma, count);
    }

    @Override
    public String describe() {
        return new Description("multi_step_lr").always("milestones", Arrays.toString(milestones))
                .always("gamma", gamma).toString();
    }
}
