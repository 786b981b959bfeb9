package dev.trainspec.scenario;

/**
 * {@code train:}. batchSize 0 means {@code full}. clipGradNorm is null when absent.
 * earlyStopping is null when absent.
 */
public record TrainSpec(int epochs, int batchSize, boolean shuffle, Double clipGradNorm,
                        EarlyStopping earlyStopping, Origin origin) {
    public static final int FULL_BATCH = 0;

    /** Stop when {@code monitor} (a metric such as test.loss) has not improved by minDelta for patience epochs. */
    public record EarlyStopping(String monitor, int patience, double minDelta, Origin origin) {}
}
