package dev.trainspec.check;

import org.apache.commons.math3.stat.inference.TTest;

/**
 * One-sided tests that the left sample is greater (or less) than the right: Welch's t-test
 * (unequal variances, commons-math3's two-sided p halved in the claimed direction, 1 - p/2
 * against) by default, and Mann-Whitney U on request ({@link MannWhitney}, as scipy computes it).
 */
public final class Significance {
    private Significance() {}

    /** p-value for H1: {@code left > right} (greater=true) or {@code left < right} (greater=false). */
    static double oneSided(double[] left, double[] right, boolean greater, String test) {
        double meanDiff = mean(left) - mean(right);
        boolean rightDirection = greater ? meanDiff > 0 : meanDiff < 0;
        if (left.length < 2 || right.length < 2) return Double.NaN;
        if ("mann_whitney".equals(test)) return greater ? MannWhitney.greater(left, right) : MannWhitney.greater(right, left);
        if (variance(left) == 0 && variance(right) == 0) return meanDiff == 0 ? 1 : (rightDirection ? 0 : 1);
        double twoSided = new TTest().tTest(left, right);
        return rightDirection ? twoSided / 2 : 1 - twoSided / 2;
    }

    /**
     * Two-sided Welch t-test p that the means differ (a pull request's change, base vs head, has no
     * claimed direction); NaN with fewer than two values on a side, 1 or 0 when neither varies.
     */
    public static double twoSided(double[] left, double[] right) {
        if (left.length < 2 || right.length < 2) return Double.NaN;
        if (variance(left) == 0 && variance(right) == 0) return mean(left) == mean(right) ? 1 : 0;
        return new TTest().tTest(left, right);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private static double variance(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return s;
    }
}
