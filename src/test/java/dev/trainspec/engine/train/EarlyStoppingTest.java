package dev.trainspec.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * PyTorch Lightning's EarlyStopping rule (which the schema's default patience cites): an epoch
 * that does not improve adds one to the wait, one that improves resets it, and training stops at
 * an epoch without improvement once the wait reaches patience.
 */
class EarlyStoppingTest {
    /** The 1-based epoch at which training stops on these values, or 0 if it never does. */
    private static int stopsAfter(String monitor, int patience, double minDelta, double... values) {
        EarlyStopping stopper = new EarlyStopping(new TrainConfig.EarlyStop(monitor, patience, minDelta));
        for (int i = 0; i < values.length; i++) {
            if (stopper.shouldStop(values[i])) return i + 1;
        }
        return 0;
    }

    @Test
    void patienceZeroStopsAtTheFirstEpochWithoutImprovementNotBefore() {
        assertEquals(0, stopsAfter("train.loss", 0, 0, 0.9, 0.8, 0.7, 0.6));
        assertEquals(3, stopsAfter("train.loss", 0, 0, 0.9, 0.8, 0.8, 0.6));
        assertEquals(0, stopsAfter("test.accuracy", 0, 0, 0.5, 0.6, 0.7));
        assertEquals(2, stopsAfter("test.accuracy", 0, 0, 0.5, 0.4, 0.7));
    }

    @Test
    void patienceCountsEpochsWithoutImprovementInARow() {
        assertEquals(4, stopsAfter("train.loss", 2, 0, 0.9, 0.8, 0.85, 0.81, 0.5));
        // an improvement resets the wait
        assertEquals(6, stopsAfter("train.loss", 2, 0, 0.9, 0.8, 0.85, 0.7, 0.75, 0.72, 0.1));
        assertEquals(0, stopsAfter("train.loss", 2, 0, 0.9, 0.95, 0.8, 0.85, 0.7));
    }

    @Test
    void anImprovementOfAtMostMinDeltaIsNone() {
        assertEquals(2, stopsAfter("train.loss", 0, 0.1, 0.9, 0.85));
        assertEquals(0, stopsAfter("train.loss", 0, 0.1, 0.9, 0.75, 0.6));
    }

    @Test
    void theReasonCountsTheEpochsWithoutImprovementNotThePatience() {
        EarlyStopping zero = new EarlyStopping(new TrainConfig.EarlyStop("train.loss", 0, 0.0));
        zero.shouldStop(0.9);
        zero.shouldStop(0.95);
        assertEquals("early stopping after epoch 2: train.loss did not improve by 0.0 for 1 epoch", zero.reason(2));
        EarlyStopping two = new EarlyStopping(new TrainConfig.EarlyStop("test.accuracy", 2, 0.01));
        for (double v : new double[] {0.5, 0.5, 0.505}) two.shouldStop(v);
        assertEquals("early stopping after epoch 3: test.accuracy did not improve by 0.01 for 2 epochs", two.reason(3));
    }
}
