package dev.trainspec.engine.train;

/** Keras/Lightning-style early stopping on one recorded metric, direction from its name. */
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
        return badEpochs >= spec.patience();
    }
}
