package dev.trainspec.check;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/** The AGG of the expectation grammar, over the repeat runs' values. */
final class Aggregate {
    private Aggregate() {}

    static double of(String name, double[] values) {
        DescriptiveStatistics s = new DescriptiveStatistics(values);
        return switch (name) {
            case "mean" -> s.getMean();
            case "median" -> s.getPercentile(50);
            case "min" -> s.getMin();
            case "max" -> s.getMax();
            // sample standard deviation (ddof=1) like pandas and R: undefined (NaN) for a single run,
            // so a bound such as "std test.accuracy < 0.1" fails instead of holding vacuously
            case "std" -> values.length < 2 ? Double.NaN : s.getStandardDeviation();
            default -> throw new IllegalStateException("unknown aggregate " + name);
        };
    }
}
