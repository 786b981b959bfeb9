package dev.trainspec.check;

import dev.trainspec.engine.train.Metric;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * A metric over repeat runs: count, mean, sample standard deviation (ddof=1), range, and the 95%
 * confidence interval of the mean. For a metric bounded on both sides (accuracies, shares) it is
 * the percentile bootstrap of the mean, which cannot leave the values' range: a t interval of
 * five accuracies, one of them a collapse, reaches past 1 (0.64..1.15). Otherwise it is Student's
 * t (the interval scipy's {@code t.interval(0.95, n-1, mean, sem)} gives), clipped to the metric's
 * range. With one run the interval is the value itself and the deviation 0: a single seed says
 * nothing about spread, and the report shows n.
 */
public record Distribution(int n, double mean, double std, double min, double max, double ciLow, double ciHigh) {
    /** Resamples of the bootstrap; drawn from a fixed seed, so the interval is the same bits on every run. */
    static final int RESAMPLES = 10_000;

    /** The interval for {@code metric}'s values, within the values the metric can take. */
    public static Distribution of(String metric, double[] values) {
        return of(values, Metric.lowest(metric), Metric.highest(metric));
    }

    /** Student's t interval, for values without known bounds. */
    public static Distribution of(double[] values) {
        return of(values, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    static Distribution of(double[] values, double lowest, double highest) {
        if (values.length == 0) throw new IllegalArgumentException("no values");
        DescriptiveStatistics s = new DescriptiveStatistics(values);
        double mean = s.getMean();
        if (values.length == 1) return new Distribution(1, mean, 0, mean, mean, mean, mean);
        double std = s.getStandardDeviation();
        double[] ci = Double.isFinite(lowest) && Double.isFinite(highest) ? bootstrap(values) : t(values.length, mean, std);
        return new Distribution(values.length, mean, std, s.getMin(), s.getMax(), clip(ci[0], lowest, highest), clip(ci[1], lowest, highest));
    }

    private static double[] t(int n, double mean, double std) {
        double halfWidth = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * std / Math.sqrt(n);
        return new double[] {mean - halfWidth, mean + halfWidth};
    }

    /** The 2.5th and 97.5th percentiles of the means of resamples with replacement (NaN values give NaN). */
    private static double[] bootstrap(double[] values) {
        SplittableRandom rng = new SplittableRandom(0);
        double[] means = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double sum = 0;
            for (int i = 0; i < values.length; i++) sum += values[rng.nextInt(values.length)];
            means[b] = sum / values.length;
        }
        Arrays.sort(means);
        return new double[] {means[(int) (0.025 * (RESAMPLES - 1))], means[(int) Math.ceil(0.975 * (RESAMPLES - 1))]};
    }

    private static double clip(double v, double lowest, double highest) {
        return Double.isNaN(v) ? v : Math.max(lowest, Math.min(highest, v));
    }
}
