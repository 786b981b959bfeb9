package dev.trainspec.scenario;

/** One line of {@code expect:}, parsed (scenarios/README.md section 4). */
public sealed interface Expectation {
    /** The line as written, for reports. */
    String text();

    Origin origin();

    /** {@code term OP term [within N epochs] [(p < ALPHA[, test])]}; within and alpha are null when absent. */
    record Comparison(String text, Term left, Op op, Term right, Integer withinEpochs, Double alpha,
                      String test, Origin origin) implements Expectation {}

    /** diagnosis includes CODE / diagnosis excludes CODE. */
    record Diagnosis(String text, boolean includes, String code, Origin origin) implements Expectation {}

    enum Op {
        LT("<"), LE("<="), GT(">"), GE(">=");

        public final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public boolean holds(double left, double right) {
            return switch (this) {
                case LT -> left < right;
                case LE -> left <= right;
                case GT -> left > right;
                case GE -> left >= right;
            };
        }
    }

    sealed interface Term {}

    record Constant(double value) implements Term {}

    /**
     * [AGG] [QUALIFIER.]SPLIT.METRIC [at epoch N | best] [(+|-|*) NUMBER]. aggregate and qualifier
     * are null when absent; metric is the full metric name after the qualifier, e.g.
     * "test.accuracy", "train.running_loss", "grad_norm". atEpoch is 1-based, null for the last
     * epoch; best picks the best epoch (max for accuracy/r2, min otherwise). arithmetic is one of
     * '+', '-', '*' or 0 when absent. origin is where the metric name is written (after the
     * qualifier), for refusals that need the prepared data (a metric the run never records).
     */
    record Metric(String aggregate, String qualifier, String metric, Integer atEpoch, boolean best,
                  char arithmetic, double operand, Origin origin) implements Term {
        /** A term made by hand (tests, tools), written nowhere. */
        public Metric(String aggregate, String qualifier, String metric, Integer atEpoch, boolean best, char arithmetic, double operand) {
            this(aggregate, qualifier, metric, atEpoch, best, arithmetic, operand, Origin.UNKNOWN);
        }
    }
}
