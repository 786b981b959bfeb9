package dev.trainspec.check;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * One-sided tests that the left sample is greater (or less) than the right: Welch's t-test
 * (unequal variances) by default, Mann-Whitney U on request. Both come from commons-math3 as
 * two-sided p-values; the one-sided p halves it in the claimed direction and is 1 - p/2 against.
 */
final class Significance {
    private Significance() {}

    /** p-value for H1: left > right (greater=true) or left < right (greater=false). */
    static double oneSided(double[] left, double[] right, boolean greater, String test) {
        double meanDiff = mean(left) - mean(right);
        boolean rightDirection = greater ? meanDiff > 0 : meanDiff < 0;
        if (left.length < 2 || right.length < 2) return Double.NaN;
        double twoSided;
        if ("mann_whitney".equals(test)) {
            twoSided = new MannWhitneyUTest().mannWhitneyUTest(left, right);
            rightDirection = greater ? medianShiftUp(left, right) : medianShiftUp(right, left);
        } else {
            if (variance(left) == 0 && variance(right) == 0) return meanDiff == 0 ? 1 : (rightDirection ? 0 : 1);
            twoSided = new TTest().tTest(left, right);
        }
        return rightDirection ? twoSided / 2 : 1 - twoSided / 2;
    }

    /** Whether left tends to exceed right: U statistic of left above half its range. */
    private static boolean medianShiftUp(double[] left, double[] right) {
        double u = 0;
        for (double a : left) for (double b : right) u += a > b ? 1 : a == b ? 0.5 : 0;
        return u > left.length * (double) right.length / 2;
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
