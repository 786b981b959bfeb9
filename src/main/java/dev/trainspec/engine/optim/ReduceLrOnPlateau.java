package dev.trainspec.engine.optim;

/**
 * torch.optim.lr_scheduler.ReduceLROnPlateau (1.13), stepped with the monitored metric after
 * each epoch. After more than {@code patience} epochs without a significant improvement the lr
 * becomes {@code max(lr * factor, min_lr)}, but only if that lowers it by more than eps; then
 * {@code cooldown} epochs pass in which bad epochs are not counted. A NaN metric is never an
 * improvement (as in torch, whose comparisons with NaN are false).
 */
public final class ReduceLrOnPlateau extends EpochSchedule {
    public enum Mode { MIN, MAX }

    public enum ThresholdMode { REL, ABS }

    private final Mode mode;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final ThresholdMode thresholdMode;
    private final int cooldown;
    private final double minLr;
    private final double eps;

    private double best;
    private int badEpochs;
    private int cooldownCounter;

    public ReduceLrOnPlateau(double initialLr, Mode mode, double factor, int patience, double threshold,
                             ThresholdMode thresholdMode, int cooldown, double minLr, double eps) {
        super(initialLr);
        if (!(factor < 1.0)) throw new IllegalArgumentException("Factor should be < 1.0.");
        if (!(factor >= 0.0)) throw new IllegalArgumentException("Factor should be >= 0.0, got " + factor);
        if (patience < 0) throw new IllegalArgumentException("patience should be >= 0, got " + patience);
        if (cooldown < 0) throw new IllegalArgumentException("cooldown should be >= 0, got " + cooldown);
        Checks.atLeastZero("min_lr value", minLr);
        Checks.finite("threshold", threshold);
        Checks.finite("eps", eps);
        this.mode = mode;
        this.factor = factor;
        this.patience = patience;
        this.threshold = threshold;
        this.thresholdMode = thresholdMode;
        this.cooldown = cooldown;
        this.minLr = minLr;
        this.eps = eps;
        this.best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    @Override
    double lrAfter(int lastEpoch, double lr, double current) {
        if (isBetter(current, best)) {
            best = current;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            badEpochs = 0;
        }
        if (badEpochs > patience) {
            double reduced = Math.max(lr * factor, minLr);
            if (lr - reduced > eps) lr = reduced;
            cooldownCounter = cooldown;
            badEpochs = 0;
        }
        return lr;
    }

    private boolean isBetter(double a, double best) {
        return switch (mode) {
            case MIN -> thresholdMode == ThresholdMode.REL ? a < best * (1. - threshold) : a < best - threshold;
            case MAX -> thresholdMode == ThresholdMode.REL ? a > best * (threshold + 1.) : a > best + threshold;
        };
    }

    @Override
    public String describe() {
        return new Description("reduce_lr_on_plateau").always("mode", mode.name().toLowerCase())
                .always("factor", factor).always("patience", (double) patience)
                .always("threshold", threshold)
                .always("threshold_mode", thresholdMode.name().toLowerCase())
                .always("cooldown", (double) cooldown).always("min_lr", minLr)
                .always("eps", eps).toString();
    }
}
