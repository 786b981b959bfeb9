package dev.trainspec.report.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * One variant of one scenario, base against head: the key metric's change, the findings that
 * appeared or disappeared, the expectations that started or stopped failing, and the snapshot
 * values the pull request rewrote. {@code base} is null when the base commit has no result for it
 * (a new scenario or variant, or one the change cannot affect and CI did not run at the base);
 * {@code head} is null when the pull request removed it.
 */
public record VariantChange(String id, String file, String name, ResultDoc.Variant base, ResultDoc.Variant head, MetricChange key,
                            List<String> appeared, List<String> disappeared, List<ResultDoc.Check> broke, List<ResultDoc.Check> fixed,
                            List<SnapshotChange> snapshots) {

    /** Where a row of the triage goes: failures first, then what changed, then the rest folded away. */
    public enum Kind { FAILED, CHANGED, UNCHANGED }

    public static VariantChange of(String id, String file, ResultDoc.Variant base, ResultDoc.Variant head, List<SnapshotChange> snapshots) {
        ResultDoc.Variant either = head != null ? head : base;
        String metric = either.keyMetric();
        MetricChange key = metric == null ? null
                : MetricChange.of(metric, base == null ? new double[0] : base.finals(metric), head == null ? new double[0] : head.finals(metric));
        List<String> before = codes(base);
        List<String> after = codes(head);
        return new VariantChange(id, file, either.name(), base, head, key, minus(after, before), minus(before, after),
                failedOnlyIn(head, base), failedOnlyIn(base, head), List.copyOf(snapshots));
    }

    public Kind kind() {
        if (head == null) return Kind.CHANGED;   // removed by the pull request: news, not a failure
        if (head.failed()) return Kind.FAILED;
        boolean same = base != null && base.status().equals(head.status()) && appeared.isEmpty() && disappeared.isEmpty() && broke.isEmpty()
                && fixed.isEmpty() && snapshots.isEmpty() && (key == null || key.unchanged());
        // no base result: nothing to compare, and a passing head is not news
        return same || (base == null && snapshots.isEmpty()) ? Kind.UNCHANGED : Kind.CHANGED;
    }

    /**
     * The line of {@link #file} a reviewer should open: the first expectation of that file that
     * fails at the head (an inherited one's line is in another file), else the file's first line.
     */
    public int line() {
        if (head != null) {
            for (ResultDoc.Check c : head.expectations()) if (!c.passed() && c.line() > 0 && c.file() == null) return c.line();
        }
        return 1;
    }

    /** The head's mean curve of the key metric, or the base's when the head has none. */
    public double[] headCurve() {
        return curve(head);
    }

    public double[] baseCurve() {
        return curve(base);
    }

    private double[] curve(ResultDoc.Variant v) {
        if (v == null || key == null) return new double[0];
        List<double[]> series = v.series(key.metric());
        int epochs = series.stream().mapToInt(s -> s.length).max().orElse(0);
        double[] mean = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            double sum = 0;
            int n = 0;
            for (double[] s : series) {
                if (e < s.length && Double.isFinite(s[e])) {
                    sum += s[e];
                    n++;
                }
            }
            mean[e] = n == 0 ? Double.NaN : sum / n;
        }
        return mean;
    }

    private static List<String> codes(ResultDoc.Variant v) {
        return v == null ? List.of() : v.diagnosis().stream().map(ResultDoc.Found::code).distinct().toList();
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.removeAll(b);
        return List.copyOf(out);
    }

    /** Expectations (by text) that fail in {@code v} but not in {@code other}; all of v's failures when other is null. */
    private static List<ResultDoc.Check> failedOnlyIn(ResultDoc.Variant v, ResultDoc.Variant other) {
        if (v == null) return List.of();
        List<String> failedInOther = other == null ? List.of()
                : other.expectations().stream().filter(c -> !c.passed()).map(ResultDoc.Check::text).toList();
        return v.expectations().stream().filter(c -> !c.passed() && !failedInOther.contains(c.text())).toList();
    }
}
