package dev.trainspec.check;

import dev.trainspec.engine.train.History;
import dev.trainspec.engine.train.Metric;
import dev.trainspec.run.RunResult;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.Expectation;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Evaluates a term of the expectation grammar against results: per run ("lanes"), or one lane
 * when the term aggregates over runs or is a constant. Also yields per-epoch series for
 * {@code within N epochs}. Metrics qualified by a baseline have no epochs.
 */
final class TermValues {
    private final VariantResult self;
    private final Map<String, VariantResult> variants;

    TermValues(VariantResult self, Map<String, VariantResult> variants) {
        this.self = self;
        this.variants = variants;
    }

    /** Thrown when a term names something the results do not have; the verdict fails with its message. */
    static final class Missing extends RuntimeException {
        Missing(String message) {
            super(message, null, false, false);
        }
    }

    /** Per-run values before aggregation (the samples of a significance test). */
    double[] samples(Expectation.Term term) {
        if (term instanceof Expectation.Constant c) return new double[] {c.value()};
        Expectation.Metric m = (Expectation.Metric) term;
        if (isBaseline(m)) return new double[] {apply(m, baselineValue(m))};
        VariantResult v = source(m);
        double[] out = new double[v.runs().size()];
        for (int i = 0; i < out.length; i++) out[i] = apply(m, pick(m, history(v.runs().get(i), m)));
        return out;
    }

    /** The lanes to compare: per-run values, or a single aggregated value. */
    double[] lanes(Expectation.Term term) {
        double[] s = samples(term);
        if (term instanceof Expectation.Metric m && m.aggregate() != null) return new double[] {Aggregate.of(m.aggregate(), s)};
        return s;
    }

    /**
     * Per lane, the value after each epoch (1-based epoch e at index e-1). A run's lane ends where
     * the run ended (early stopping); constants last as long as the longest run of any variant.
     * An aggregate is defined only at the epochs every run reached, as {@code AGG ... at epoch N}
     * is: a run has no value after its last epoch, and carrying it forward would invent one.
     */
    double[][] series(Expectation.Term term) {
        int epochs = longestRun();
        if (term instanceof Expectation.Constant c) return new double[][] {filled(epochs, c.value())};
        Expectation.Metric m = (Expectation.Metric) term;
        if (isBaseline(m)) return new double[][] {filled(epochs, apply(m, baselineValue(m)))};
        if (m.atEpoch() != null || m.best()) return columnsOf(samples(m), epochs, m);
        VariantResult v = source(m);
        double[][] lanes = new double[v.runs().size()][];
        for (int i = 0; i < lanes.length; i++) {
            double[] s = history(v.runs().get(i), m).series(m.metric());
            for (int e = 0; e < s.length; e++) s[e] = apply(m, s[e]);
            lanes[i] = s;
        }
        if (m.aggregate() == null) return lanes;
        int n = Arrays.stream(lanes).mapToInt(l -> l.length).min().orElse(0);
        double[] agg = new double[n];
        double[] column = new double[lanes.length];
        for (int e = 0; e < n; e++) {
            for (int i = 0; i < lanes.length; i++) column[i] = lanes[i][e];
            agg[e] = Aggregate.of(m.aggregate(), column);
        }
        return new double[][] {agg};
    }

    /**
     * Why the series of an aggregate ends before some of its runs did (they ran different numbers
     * of epochs), or null when it does not.
     */
    String shortenedAggregate(Expectation.Term term) {
        if (!(term instanceof Expectation.Metric m) || m.aggregate() == null || m.atEpoch() != null || m.best() || isBaseline(m)) return null;
        int[] ran = source(m).runs().stream().mapToInt(r -> r.training().history().epochs()).toArray();
        int shortest = Arrays.stream(ran).min().orElse(0);
        if (shortest == Arrays.stream(ran).max().orElse(0)) return null;
        return m.aggregate() + " over " + ran.length + " runs ends at epoch " + shortest + ", the last that every run reached; the runs ran "
                + Arrays.stream(ran).mapToObj(String::valueOf).collect(Collectors.joining(", ")) + " epochs";
    }

    private int longestRun() {
        return Stream.concat(Stream.of(self), variants.values().stream())
                .flatMap(v -> v.runs().stream())
                .mapToInt(r -> r.training().history().epochs())
                .max().orElse(0);
    }

    private double[][] columnsOf(double[] perRun, int epochs, Expectation.Metric m) {
        if (m.aggregate() != null) return new double[][] {filled(epochs, Aggregate.of(m.aggregate(), perRun))};
        double[][] out = new double[perRun.length][];
        for (int i = 0; i < perRun.length; i++) out[i] = filled(epochs, perRun[i]);
        return out;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    private boolean isBaseline(Expectation.Metric m) {
        return m.qualifier() != null && !variants.containsKey(m.qualifier()) && !"base".equals(m.qualifier());
    }

    private double baselineValue(Expectation.Metric m) {
        Map<String, Double> b = self.baselines().get(m.qualifier());
        if (b == null) throw new Missing("baseline " + m.qualifier() + " was not fitted (list it under baselines:)");
        Double v = b.get(m.metric());
        if (v == null) throw new Missing("baseline " + m.qualifier() + " has no " + m.metric() + " (it has " + b.keySet() + ")");
        return v;
    }

    private VariantResult source(Expectation.Metric m) {
        if (m.qualifier() == null) return self;
        VariantResult v = variants.get(m.qualifier());
        if (v == null) throw new Missing("no results for variant " + m.qualifier());
        if (v.runs().isEmpty()) throw new Missing("variant " + m.qualifier() + " did not run: " + v.error());
        return v;
    }

    private static History history(RunResult run, Expectation.Metric m) {
        History h = run.training().history();
        if (!h.has(m.metric())) throw new Missing(m.metric() + " is not recorded for this run (recorded: " + h.names() + ")");
        return h;
    }

    private static double pick(Expectation.Metric m, History h) {
        if (m.atEpoch() != null) {
            if (m.atEpoch() > h.epochs()) throw new Missing("epoch " + m.atEpoch() + " was not reached (the run has " + h.epochs() + " epochs)");
            return h.at(m.metric(), m.atEpoch());
        }
        if (m.best()) {
            double best = Metric.higherIsBetter(m.metric()) ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            for (double v : h.series(m.metric())) best = Metric.higherIsBetter(m.metric()) ? Math.max(best, v) : Math.min(best, v);
            return best;
        }
        return h.last(m.metric());
    }

    private static double apply(Expectation.Metric m, double v) {
        return switch (m.arithmetic()) {
            case '+' -> v + m.operand();
            case '-' -> v - m.operand();
            case '*' -> v * m.operand();
            default -> v;
        };
    }
}
