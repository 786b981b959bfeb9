package dev.trainspec.engine.train;

/**
 * Lightning-style early stopping on one recorded metric, direction from its name: an epoch that
 * improves on the best by more than min_delta resets the count of epochs without improvement; an
 * epoch that does not adds one, and stops training when the count reaches patience.
 */
final class EarlyStopping {
    private final TrainConfig.EarlyStop spec;
    private final boolean higherIsBetter;
    private double best = Double.NaN;
    private int badEpochs;

    EarlyStopping(TrainConfig.EarlyStop spec) {
        this.spec = spec;
        this.higherIsBetter = Metric.higherIsBetter(spec.monitor());
    }

    boolean shouldStop(double value) {
        boolean improved = Double.isNaN(best)
                || (higherIsBetter ? value > best + spec.minDelta() : value < best - spec.minDelta());
        if (improved) {
            best = value;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        // Lightning's rule: only an epoch that did not improve can stop, once patience of them ran in a row;
        // patience 0 stops at the first such epoch, never at one that improved
        return !improved && badEpochs >= spec.patience();
    }

    /** Why training stopped after {@code epoch} (1-based): the epochs without improvement it counted, not patience, which may be 0. */
    String reason(int epoch) {
        return "early stopping after epoch " + epoch + ": " + spec.monitor() + " did not improve by " + spec.minDelta() + " for "
                + badEpochs + (badEpochs == 1 ? " epoch" : " epochs");
    }
}
