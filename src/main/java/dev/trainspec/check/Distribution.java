package dev.trainspec.check;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * A metric over repeat runs: count, mean, sample standard deviation (ddof=1), range, and the 95%
 * confidence interval of the mean from Student's t (the interval scipy's
 * {@code t.interval(0.95, n-1, mean, sem)} gives). With one run the interval is the value itself
 * and the deviation 0: a single seed says nothing about spread, and the report shows n.
 */
public record Distribution(int n, double mean, double std, double min, double max, double ciLow, double ciHigh) {
    public static Distribution of(double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("no values");
        DescriptiveStatistics s = new DescriptiveStatistics(values);
        double mean = s.getMean();
        if (values.length == 1) return new Distribution(1, mean, 0, mean, mean, mean, mean);
        double std = s.getStandardDeviation();
        double halfWidth = new TDistribution(values.length - 1).inverseCumulativeProbability(0.975) * std / Math.sqrt(values.length);
        return new Distribution(values.length, mean, std, s.getMin(), s.getMax(), mean - halfWidth, mean + halfWidth);
    }
}
