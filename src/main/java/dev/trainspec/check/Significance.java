package dev.trainspec.check;

import org.apache.commons.math3.stat.inference.TTest;

/**
 * One-sided tests that the left sample is greater (or less) than the right: Welch's t-test
 * (unequal variances, commons-math3's two-sided p halved in the claimed direction, 1 - p/2
 * against) by default, and Mann-Whitney U on request ({@link MannWhitney}, as scipy computes it).
 */
public final class Significance {
    private Significance() {}

    /**
     * p-value for H1: {@code left > right} (greater=true) or {@code left < right} (greater=false);
     * NaN when {@link #undefinedBecause} says why.
     */
    static double oneSided(double[] left, double[] right, boolean greater, String test) {
        if (left.length < 2 || right.length < 2) return Double.NaN;
        if ("mann_whitney".equals(test)) return greater ? MannWhitney.greater(left, right) : MannWhitney.greater(right, left);
        if (constant(left) && constant(right)) {
            // scipy: t = +-inf between distinct constants (p = 0 in the claimed direction, 1 against), nan between equal ones
            if (left[0] == right[0]) return Double.NaN;
            return greater == left[0] > right[0] ? 0 : 1;
        }
        double twoSided = new TTest().tTest(left, right);
        double meanDiff = mean(left) - mean(right);
        boolean rightDirection = greater ? meanDiff > 0 : meanDiff < 0;
        return rightDirection ? twoSided / 2 : 1 - twoSided / 2;
    }

    /** Why {@link #oneSided} has no p-value for these samples, or null when it has one. */
    static String undefinedBecause(double[] left, double[] right, String test) {
        if (left.length < 2 || right.length < 2) return "needs repeat >= 2 on both sides";
        if (!"mann_whitney".equals(test) && constant(left) && constant(right) && left[0] == right[0]) return "both sides are the same constant";
        return null;
    }

    /**
     * Two-sided Welch t-test p that the means differ (a pull request's change, base vs head, has no
     * claimed direction); NaN with fewer than two values on a side, 1 or 0 when neither varies.
     */
    public static double twoSided(double[] left, double[] right) {
        if (left.length < 2 || right.length < 2) return Double.NaN;
        if (constant(left) && constant(right)) return left[0] == right[0] ? 1 : 0;
        return new TTest().tTest(left, right);
    }

    /**
     * Every value the same, compared as values: a variance computed through the float mean is not
     * always 0 then (five times 44/45), and commons-math3's, which is, gives a NaN p when both are.
     */
    private static boolean constant(double[] v) {
        for (double x : v) if (x != v[0]) return false;
        return true;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
