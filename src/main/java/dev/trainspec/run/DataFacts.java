package dev.trainspec.run;

import java.util.List;

/**
 * What the data looked like, computed once per variant: sizes, class counts, per-feature
 * statistics of the training rows before and after preprocessing, and whether labels arrive
 * sorted. The diagnosis reads these (unnormalised inputs, imbalance, sorted labels).
 */
public record DataFacts(String source, int trainRows, int testRows, int features, int classes, int[] trainClassCounts,
                        List<FeatureStats> raw, List<FeatureStats> preprocessed, boolean labelsSorted, String fingerprint) {

    public record FeatureStats(double mean, double std, double min, double max) {}

    /** The largest |mean| over features, as a measure of how far inputs sit from zero. */
    public static double maxAbsMean(List<FeatureStats> stats) {
        return stats.stream().mapToDouble(s -> Math.abs(s.mean())).max().orElse(0);
    }

    public static double maxStd(List<FeatureStats> stats) {
        return stats.stream().mapToDouble(FeatureStats::std).max().orElse(0);
    }
}
