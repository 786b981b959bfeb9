package dev.trainspec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Figures from scipy 1.10: np.std(ddof=1) and st.t.interval(0.95, n-1, loc=mean, scale=st.sem(v)). */
class DistributionTest {
    @Test
    void tenRunsMatchScipy() {
        Distribution d = Distribution.of(new double[] {0.955, 0.965, 0.985, 0.99, 0.985, 0.97, 0.96, 0.98, 0.98, 0.985});
        assertEquals(10, d.n());
        assertEquals(0.9754999999999999, d.mean(), 1e-15);
        assertEquals(0.012122064363978797, d.std(), 1e-15);
        assertEquals(0.9668283975428261, d.ciLow(), 1e-12);
        assertEquals(0.9841716024571737, d.ciHigh(), 1e-12);
        assertEquals(0.955, d.min());
        assertEquals(0.99, d.max());
    }

    @Test
    void twoRunsGiveTheWideIntervalOfOneDegreeOfFreedom() {
        Distribution d = Distribution.of(new double[] {0.5, 0.7});
        // commons-math3 inverts the t CDF with a solver of absolute accuracy ~1e-9; t(0.975, 1) = 12.706
        assertEquals(-0.6706204736432092, d.ciLow(), 1e-9);
        assertEquals(1.8706204736432093, d.ciHigh(), 1e-9);
    }

    @Test
    void oneRunIsItsOwnInterval() {
        Distribution d = Distribution.of(new double[] {0.9});
        assertEquals(0.9, d.ciLow());
        assertEquals(0.9, d.ciHigh());
        assertEquals(0, d.std());
    }

    @Test
    void accuraciesGetAnIntervalInsideTheirRange() {
        // seed 001's five runs: one collapsed to the majority class; a t interval would reach 1.15
        double[] accuracies = {0.525, 0.98, 0.985, 0.98, 0.985};
        Distribution d = Distribution.of("test.accuracy", accuracies);
        assertTrue(d.ciLow() >= d.min() && d.ciHigh() <= 1.0, d.ciLow() + ".." + d.ciHigh());
        assertTrue(d.ciLow() < d.mean() && d.mean() < d.ciHigh(), d.ciLow() + ".." + d.ciHigh());
        assertEquals(d, Distribution.of("test.accuracy", accuracies), "a fixed seed: the same interval every time");
        Distribution loss = Distribution.of("train.loss", new double[] {0.01, 0.02, 0.9});
        assertEquals(0.0, loss.ciLow(), "a loss is never below 0");
    }
}
