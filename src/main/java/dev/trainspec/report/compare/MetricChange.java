package dev.trainspec.report.compare;

import dev.trainspec.check.Distribution;
import dev.trainspec.check.Numbers;
import dev.trainspec.check.Significance;

/**
 * A final metric over the repeat runs at the base commit and at the head: {@code base -> head
 * (Δ, ± std, p when repeats)}. The std is the head's (the spread a reviewer should weigh Δ
 * against); p is Welch's two-sided t-test, present only when both sides have at least two runs.
 * Either side is null when that side did not record the metric (a new scenario, a crash) or a
 * run's value was not finite ({@code baseNaN}, {@code headNaN}: JSON holds NaN and infinity as
 * null, read back as NaN). NaN on both sides is unchanged: the change did not touch it.
 */
public record MetricChange(String metric, Distribution base, Distribution head, double p, boolean baseNaN, boolean headNaN) {

    public static MetricChange of(String metric, double[] base, double[] head) {
        Distribution b = finite(base) ? Distribution.of(base) : null;
        Distribution h = finite(head) ? Distribution.of(head) : null;
        return new MetricChange(metric, b, h, b != null && h != null ? Significance.twoSided(base, head) : Double.NaN,
                b == null && base.length > 0, h == null && head.length > 0);
    }

    /** head mean - base mean; NaN when a side is missing. */
    public double delta() {
        return base == null || head == null ? Double.NaN : head.mean() - base.mean();
    }

    /** Same bits on both sides: a deterministic engine gives exactly this when the change did not touch the scenario. */
    public boolean unchanged() {
        return baseNaN && headNaN || delta() == 0 && base.std() == head.std();
    }

    /**
     * "0.985 -> 0.951 (−0.034 ± 0.012, p = 0.003)", or "0.951, unchanged", "NaN, unchanged", "new: 0.951",
     * "0.985 -> none", "0.985 -> NaN"; the caller writes the metric's name before it.
     */
    public String text() {
        if (baseNaN && headNaN) return "NaN, unchanged";
        if (base == null && head == null) return baseNaN || headNaN ? side(base, baseNaN) + " \u2192 " + side(head, headNaN) : "not recorded";
        if (base == null) return baseNaN ? "NaN \u2192 " + mean(head) : "new: " + mean(head);
        if (head == null) return mean(base) + " \u2192 " + side(head, headNaN);
        if (unchanged()) return mean(head) + ", unchanged";
        StringBuilder sb = new StringBuilder(mean(base)).append(" \u2192 ").append(mean(head)).append(" (").append(signed(delta()));
        if (head.n() > 1) sb.append(" \u00b1 ").append(Numbers.format(head.std()));
        if (!Double.isNaN(p)) sb.append(", p = ").append(Numbers.format(p));
        return sb.append(')').toString();
    }

    /** The head's mean as shown alone: "0.951", "NaN", or "" when the head did not record the metric. */
    public String headValue() {
        return head == null && !headNaN ? "" : side(head, headNaN);
    }

    /** "+0.01", "−0.034" (a true minus sign), "±0". */
    public static String signed(double d) {
        if (Double.isNaN(d)) return "NaN";
        return (d > 0 ? "+" : d < 0 ? "\u2212" : "\u00b1") + Numbers.format(Math.abs(d));
    }

    /** The side's mean, "NaN" when a run's value was not finite, "none" when it did not record the metric. */
    private static String side(Distribution d, boolean nan) {
        return d != null ? mean(d) : nan ? "NaN" : "none";
    }

    private static String mean(Distribution d) {
        return Numbers.format(d.mean());
    }

    private static boolean finite(double[] v) {
        if (v.length == 0) return false;
        for (double x : v) if (!Double.isFinite(x)) return false;
        return true;
    }
}
