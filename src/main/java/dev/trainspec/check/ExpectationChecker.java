package dev.trainspec.check;

import static dev.trainspec.check.Numbers.format;

import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.Expectation;
import dev.trainspec.scenario.Expectation.Comparison;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks expectations against a variant's results (scenarios/README.md section 4). Without an
 * aggregate a metric must satisfy the bound in every run; the observed value reported is the
 * worst run's. Significance clauses test the per-run samples of both sides.
 */
public final class ExpectationChecker {
    private final VariantResult self;
    private final TermValues values;
    private final Set<String> diagnosed;

    /**
     * @param variants every variant of the file by name ("base" included), for qualified terms
     * @param diagnosed the codes found by the diagnosis of this variant (any run)
     */
    public ExpectationChecker(VariantResult self, Map<String, VariantResult> variants, Set<String> diagnosed) {
        this.self = self;
        this.values = new TermValues(self, variants);
        this.diagnosed = Set.copyOf(diagnosed);
    }

    public List<Verdict> checkAll(List<Expectation> expectations) {
        return expectations.stream().map(this::check).toList();
    }

    public Verdict check(Expectation e) {
        if (e instanceof Expectation.Diagnosis d) return checkDiagnosis(d);
        Comparison c = (Comparison) e;
        try {
            if (c.alpha() != null) return significance(c);
            if (c.withinEpochs() != null) return within(c);
            return plain(c);
        } catch (TermValues.Missing m) {
            return new Verdict(c.text(), c.origin(), false, Double.NaN, Double.NaN, Double.NaN, m.getMessage());
        }
    }

    private Verdict checkDiagnosis(Expectation.Diagnosis d) {
        boolean found = diagnosed.contains(d.code());
        boolean passed = d.includes() == found;
        String detail = found ? "diagnosis found " + d.code() : "diagnosis did not find " + d.code()
                + (diagnosed.isEmpty() ? "; it found nothing" : "; it found " + String.join(", ", new java.util.TreeSet<>(diagnosed)));
        return new Verdict(d.text(), d.origin(), passed, Double.NaN, Double.NaN, Double.NaN, detail);
    }

    private Verdict plain(Comparison c) {
        Bound b = bound(c);
        return new Verdict(c.text(), c.origin(), b.allHold, b.observed, b.bound, Double.NaN, b.detail);
    }

    /**
     * The bound checked lane by lane (every run, without AGG), judged on the worst lane.
     * observed is the measured side: the left one, or the right one when the left is a NUMBER
     * ({@code 0.7 < test.accuracy}); with metrics on both sides, the left one.
     */
    private record Bound(boolean allHold, double observed, double bound, String detail) {}

    private Bound bound(Comparison c) {
        double[] left = values.lanes(c.left());
        double[] right = values.lanes(c.right());
        int lanes = Math.max(left.length, right.length);
        int worst = -1;
        double worstMargin = Double.POSITIVE_INFINITY;
        boolean allHold = true;
        for (int i = 0; i < lanes; i++) {
            double l = left[Math.min(i, left.length - 1)];
            double r = right[Math.min(i, right.length - 1)];
            boolean holds = c.op().holds(l, r);
            double margin = Double.isNaN(l) || Double.isNaN(r) ? Double.NEGATIVE_INFINITY : marginOf(c.op(), l, r);
            if (!holds) allHold = false;
            if (worst < 0 || margin < worstMargin) {
                worst = i;
                worstMargin = margin;
            }
        }
        double l = left[Math.min(worst, left.length - 1)];
        double r = right[Math.min(worst, right.length - 1)];
        boolean numberLeft = c.left() instanceof Expectation.Constant;
        double observed = numberLeft ? r : l;
        double bound = numberLeft ? l : r;
        boolean numberSide = numberLeft || c.right() instanceof Expectation.Constant;
        String detail = "observed " + format(observed) + (numberSide ? "" : " vs " + format(r));
        if (lanes > 1) detail += ", worst of " + lanes + " runs (seed " + seedOf(worst) + ")";
        String undefined = undefinedStd(c);
        if (undefined != null) detail += " (" + undefined + ")";
        return new Bound(allHold, observed, bound, detail);
    }

    /** Why a side is NaN when it is std over fewer than 2 runs (the loader refuses this when it knows the runs). */
    private String undefinedStd(Comparison c) {
        for (Expectation.Term t : List.of(c.left(), c.right())) {
            if (t instanceof Expectation.Metric m && "std".equals(m.aggregate()) && values.samples(m).length < 2) {
                return "std needs at least 2 runs, " + m.metric() + " has " + values.samples(m).length;
            }
        }
        return null;
    }

    /** How far a comparison is from failing: positive when it holds. */
    private static double marginOf(Expectation.Op op, double l, double r) {
        return switch (op) {
            case GT, GE -> l - r;
            case LT, LE -> r - l;
        };
    }

    private Verdict within(Comparison c) {
        double[][] left = values.series(c.left());
        double[][] right = values.series(c.right());
        int lanes = Math.max(left.length, right.length);
        int latest = 0;
        int latestLane = 0;
        int latestSpan = 0;
        for (int i = 0; i < lanes; i++) {
            double[] l = left[Math.min(i, left.length - 1)];
            double[] r = right[Math.min(i, right.length - 1)];
            int span = Math.min(l.length, r.length);
            int first = Integer.MAX_VALUE;
            for (int e = 0; e < span; e++) {
                if (c.op().holds(l[e], r[e])) {
                    first = e + 1;
                    break;
                }
            }
            if (first > latest) {
                latest = first;
                latestLane = i;
                latestSpan = span;
            }
        }
        boolean passed = latest <= c.withinEpochs();
        String reached = latest == Integer.MAX_VALUE ? "never held in " + latestSpan + " epochs" : "first held at epoch " + latest;
        String detail = lanes > 1 ? reached + " in the slowest of " + lanes + " runs (seed " + seedOf(latestLane) + ")" : reached;
        if (!passed) {
            for (Expectation.Term t : List.of(c.left(), c.right())) {
                String shortened = values.shortenedAggregate(t);
                if (shortened != null) detail += " (" + shortened + ")";
            }
        }
        return new Verdict(c.text(), c.origin(), passed, latest == Integer.MAX_VALUE ? Double.POSITIVE_INFINITY : latest,
                c.withinEpochs(), Double.NaN, detail);
    }

    /**
     * Significant, and the bound itself as without the clause: without AGG it must hold in every
     * run (section 4), so a p-value never waives a run that fails; observed and detail are the
     * plain bound's (the worst run) plus the p-value.
     */
    private Verdict significance(Comparison c) {
        double[] left = values.samples(c.left());
        double[] right = values.samples(c.right());
        boolean greater = c.op() == Expectation.Op.GT || c.op() == Expectation.Op.GE;
        double p = Significance.oneSided(left, right, greater, c.test());
        Bound b = bound(c);
        boolean passed = b.allHold && p < c.alpha();
        String test = "mann_whitney".equals(c.test()) ? "Mann-Whitney U" : "Welch t-test";
        String detail = b.detail + ", one-sided " + test + " p = " + format(p)
                + " over " + left.length + " vs " + right.length + " runs";
        String undefined = Significance.undefinedBecause(left, right, c.test());
        if (undefined != null) detail += " (" + undefined + ")";
        return new Verdict(c.text(), c.origin(), passed, b.observed, b.bound, p, detail);
    }

    private long seedOf(int lane) {
        return lane < self.runs().size() ? self.runs().get(lane).seed() : self.scenario().seed();
    }
}
