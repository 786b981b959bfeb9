package dev.trainspec.report.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.trainspec.engine.train.History;
import dev.trainspec.engine.train.TrainingRun;
import dev.trainspec.run.RunResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BandTest {
    private static RunResult run(long seed, double... loss) {
        return new RunResult(seed, new TrainingRun(History.of(Map.of("train.loss", loss)), null, "completed", 1), 0);
    }

    @Test
    void meanMinAndMaxPerEpochOverTheRunsThatReachedIt() {
        // the third run stopped early after 2 epochs; the second has a NaN at epoch 3
        Band b = Band.of("train.loss", List.of(run(0, 1.0, 0.5, 0.25, 0.2), run(1, 3.0, 1.5, Double.NaN, 0.4), run(2, 2.0, 1.0)));
        assertEquals(3, b.runs());
        assertEquals(4, b.epochs());
        assertArrayEquals(new double[] {2.0, 1.0, 0.25, 0.3}, b.mean(), 1e-15);
        assertArrayEquals(new double[] {1.0, 0.5, 0.25, 0.2}, b.min(), 0);
        assertArrayEquals(new double[] {3.0, 1.5, 0.25, 0.4}, b.max(), 0);
    }

    @Test
    void anEpochWhereNoRunIsFiniteIsAGap() {
        Band b = Band.of("train.loss", List.of(run(0, 1.0, Double.POSITIVE_INFINITY, Double.NaN)));
        assertEquals(1.0, b.mean()[0]);
        assertEquals(Double.NaN, b.mean()[1]);
        assertEquals(Double.NaN, b.min()[2]);
    }

    @Test
    void aMetricNoRunRecordedHasNoBand() {
        assertNull(Band.of("test.r2", List.of(run(0, 1.0))));
    }

    @Test
    void aLongBandIsThinnedToBucketsThatKeepTheirExtremesAndGaps() {
        double[] loss = new double[1000];
        for (int e = 0; e < loss.length; e++) loss[e] = 1.0 / (e + 1);
        loss[500] = 7;                                   // a spike in the middle
        for (int e = 990; e < 1000; e++) loss[e] = Double.NaN;   // diverged at the end
        Band t = Band.of("train.loss", List.of(run(0, loss))).thinned(360);
        assertEquals(334, t.epochs(), "buckets of 3 epochs");
        assertEquals(3, t.stride());
        assertEquals(1000, t.lastEpoch());
        assertEquals(3, t.epoch(0));
        assertEquals(1000, t.epoch(333));
        assertEquals(7.0, t.max()[166], "the spike at epoch 501 survives in bucket 167");
        assertEquals((1.0 + 0.5 + 1.0 / 3) / 3, t.mean()[0], 1e-15);
        assertEquals(Double.NaN, t.mean()[333]);
        Band shortBand = Band.of("train.loss", List.of(run(0, 1.0, 0.5)));
        assertSame(shortBand, shortBand.thinned(360));
    }
}
