package dev.trainspec.engine.optim;

/**
 * torch.optim.lr_scheduler.CosineAnnealingLR with torch 1.13's recursive (chainable) get_lr, so
 * the doubles match torch's rather than the closed form's. The lr falls from the initial lr to
 * eta_min over t_max epochs; past t_max it does not stay there but climbs back along the
 * cosine, reaching the initial lr at 2 * t_max, and so on with period 2 * t_max (as in torch).
 */
public final class CosineAnnealingLr extends EpochSchedule {
    private final int tMax;
    private final double etaMin;

    public CosineAnnealingLr(double initialLr, int tMax, double etaMin) {
        super(initialLr);
        if (tMax < 1) throw new IllegalArgumentException("T_max should be a positive integer, got " + tMax);
        this.tMax = tMax;
        this.etaMin = Checks.finite("eta_min", etaMin);
    }

    @Override
    double lrAfter(int lastEpoch, double lr, double monitored) {
        if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
            // leaving the trough: the recursive ratio would divide by 1 + cos(pi) = 0
            return lr + (initialLr - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
        }
        return (1 + Math.cos(Math.PI * lastEpoch / tMax)) / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax)) * (lr - etaMin) + etaMin;
    }

    @Override
    public String describe() {
        return new Description("cosine_annealing_lr").always("t_max", tMax).always("eta_min", etaMin).toString();
    }
}
