package dev.trainspec.scenario.yaml;

import dev.trainspec.scenario.Expectation;
import dev.trainspec.scenario.Expectation.Op;
import dev.trainspec.scenario.yaml.ExpectationTokens.Kind;
import dev.trainspec.scenario.yaml.ExpectationTokens.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * The expectation language of scenarios/README.md section 4, one line at a time:
 * <pre>
 * expectation := term OP term [within N epochs] [(p &lt; ALPHA[, welch|mann_whitney])]
 *              | diagnosis includes CODE | diagnosis excludes CODE
 * term        := [AGG] [QUALIFIER.]SPLIT.METRIC [at epoch N | best] [(+|-|*) NUMBER] | [-]NUMBER
 * </pre>
 * Qualifiers are checked against the file's variants, {@code base} and the scenario's
 * baselines. The first mistake in a line is reported at its exact column and stops that line.
 */
final class ExpectationParser {
    /** The names a qualifier may take, and the scenario's last epoch (to check {@code at epoch N}). */
    record Context(List<String> variants, List<String> baselines, int epochs) {}

    /** Thrown at the first mistake of a line; never leaves this class. */
    private static final class Mistake extends RuntimeException {
        final int offset;
        final String expected;
        final String found;
        final String hint;

        Mistake(int offset, String expected, String found, String hint) {
            super(expected, null, false, false);
            this.offset = offset;
            this.expected = expected;
            this.found = found;
            this.hint = hint;
        }
    }

    private final Context context;
    private final Node.Scalar line;
    private final Locator locator;
    private final List<Token> tokens;
    private int next;

    private ExpectationParser(Context context, Node.Scalar line, Locator locator) {
        this.context = context;
        this.line = line;
        this.locator = locator;
        this.tokens = ExpectationTokens.of(line.text());
    }

    /** The parsed expectation, or null after recording the line's problem. */
    static Expectation parse(Node.Scalar line, String path, Context context, Problems problems, Locator locator) {
        try {
            return new ExpectationParser(context, line, locator).expectation(line);
        } catch (Mistake m) {
            problems.at(line, locator.at(line, m.offset), path, m.expected, m.found, m.hint);
            return null;
        }
    }

    private Expectation expectation(Node.Scalar line) {
        String text = line.text().strip();
        if (peek().isWord("diagnosis")) {
            next++;
            Token verb = take();
            if (!verb.isWord("includes") && !verb.isWord("excludes")) {
                throw new Mistake(verb.start(), "'includes' or 'excludes' after 'diagnosis'", verb.shown(),
                        verb.kind() == Kind.WORD ? Suggest.hint(verb.text(), List.of("includes", "excludes")) : "");
            }
            Token code = take();
            if (code.kind() != Kind.WORD || !Vocabulary.DIAGNOSES.contains(code.text())) {
                throw new Mistake(code.start(), "a diagnosis code (" + String.join(", ", Vocabulary.DIAGNOSES) + ")",
                        code.shown(), code.kind() == Kind.WORD ? Suggest.hint(code.text(), Vocabulary.DIAGNOSES) : "");
            }
            end();
            return new Expectation.Diagnosis(text, verb.isWord("includes"), code.text(), line.origin());
        }
        int leftStart = peek().start();
        Expectation.Term left = term();
        Token opToken = take();
        Op op = op(opToken);
        int rightStart = peek().start();
        Expectation.Term right = term();
        if (left instanceof Expectation.Constant && right instanceof Expectation.Constant) {
            throw new Mistake(rightStart, "a metric on at least one side", "two numbers", "");
        }
        Integer within = null;
        if (peek().isWord("within")) {
            next++;
            within = positiveInt("a number of epochs after 'within'");
            Token unit = take();
            if (!unit.isWord("epochs") && !unit.isWord("epoch")) throw new Mistake(unit.start(), "'epochs'", unit.shown(), "");
        }
        Double alpha = null;
        String test = null;
        if (peek().kind() == Kind.OPEN) {
            next++;
            Token p = take();
            if (!p.isWord("p")) {
                // (mann_whitney p < 0.05) reads naturally, but the test is named after the level
                String hint = p.kind() == Kind.WORD && Vocabulary.TESTS.contains(p.text()) ? "the test goes after the level: (p < 0.05, " + p.text() + ")" : "";
                throw new Mistake(p.start(), "'p' as in (p < 0.05)", p.shown(), hint);
            }
            Token lt = take();
            if (!lt.is(Kind.OP, "<")) throw new Mistake(lt.start(), "'<' as in (p < 0.05)", lt.shown(), "");
            Token a = take();
            double value = a.kind() == Kind.NUMBER ? Double.parseDouble(a.text()) : Double.NaN;
            if (!(value > 0 && value < 1)) throw new Mistake(a.start(), "a significance level in (0, 1) such as 0.05", a.shown(), "");
            alpha = value;
            test = "welch";
            if (peek().kind() == Kind.COMMA) {
                next++;
                Token t = take();
                if (t.kind() != Kind.WORD || !Vocabulary.TESTS.contains(t.text())) {
                    throw new Mistake(t.start(), "a test (" + String.join(", ", Vocabulary.TESTS) + ")", t.shown(),
                            t.kind() == Kind.WORD ? Suggest.hint(t.text(), Vocabulary.TESTS) : "");
                }
                test = t.text();
            }
            Token close = take();
            if (close.kind() != Kind.CLOSE) throw new Mistake(close.start(), "')'", close.shown(), "");
            oneValuePerRun(left, leftStart);
            oneValuePerRun(right, rightStart);
        }
        end();
        return new Expectation.Comparison(text, left, op, right, within, alpha, test, line.origin());
    }

    /**
     * A side of a significance test must have a value per run: a NUMBER or a baseline (fitted
     * once) has one, so the test could never be judged (p = NaN). Refused here, before training;
     * whether the runs are enough (repeat) is the builder's check.
     */
    private static void oneValuePerRun(Expectation.Term side, int at) {
        if (side instanceof Expectation.Constant) {
            throw new Mistake(at, "a metric with a value per run on both sides of a significance test (p < ALPHA)", "a number",
                    "a test compares the runs of two metrics; to bound a metric by a number drop (p < ...): "
                            + "without an aggregate the bound must then hold in every run");
        }
        if (side instanceof Expectation.Metric m && isBaseline(m)) {
            throw new Mistake(at, "a metric with a value per run on both sides of a significance test (p < ALPHA)",
                    "baseline " + m.qualifier() + ", fitted once", "compare with the baseline without (p < ...)");
        }
    }

    private static boolean isBaseline(Expectation.Metric m) {
        return m.qualifier() != null && Vocabulary.BASELINES.contains(m.qualifier());
    }

    private Op op(Token t) {
        if (t.kind() == Kind.OP) {
            for (Op op : Op.values()) if (op.symbol.equals(t.text())) return op;
        }
        String hint = t.kind() == Kind.OTHER && t.text().contains("=") ? "a bound is one-sided: write >= and <= as two expectations" : "";
        throw new Mistake(t.start(), "a comparison (<, <=, >, >=)", t.shown(), hint);
    }

    private Expectation.Term term() {
        Token t = take();
        if (t.kind() == Kind.ARITH && !t.text().equals("*") && peek().kind() == Kind.NUMBER) {
            double v = finite(take());
            return new Expectation.Constant(t.text().equals("-") ? -v : v);
        }
        if (t.kind() == Kind.NUMBER) return new Expectation.Constant(finite(t));
        if (t.kind() == Kind.WORD && NOT_A_NUMBER.contains(t.text().toLowerCase(java.util.Locale.ROOT))) {
            throw new Mistake(t.start(), "a finite number", t.shown(), "");
        }
        if (t.kind() != Kind.WORD) {
            throw new Mistake(t.start(), "a metric such as test.accuracy or a number", t.shown(), "");
        }
        String aggregate = null;
        if (Vocabulary.AGGREGATES.contains(t.text())) {
            aggregate = t.text();
            t = take();
            if (t.kind() != Kind.WORD) {
                throw new Mistake(t.start(), "a metric after '" + aggregate + "'", t.shown(), "");
            }
        } else if (peek().kind() == Kind.WORD && !t.text().contains(".") && !Vocabulary.GLOBAL_METRICS.contains(t.text())) {
            throw new Mistake(t.start(), "an aggregate (" + String.join(", ", Vocabulary.AGGREGATES) + ") or a metric",
                    t.shown(), Suggest.hint(t.text(), Vocabulary.AGGREGATES));
        }
        MetricName name = MetricName.resolve(t.text(), t.start(), context);
        if (name.error() != null) throw new Mistake(name.errorOffset(), name.error(), name.found(), name.hint());
        if ("std".equals(aggregate) && name.qualifier() != null && Vocabulary.BASELINES.contains(name.qualifier())) {
            // a baseline has one value, and the sample standard deviation of one value is undefined
            throw new Mistake(t.start(), "a metric with a value per run after 'std'", "baseline " + name.qualifier() + ", fitted once", "");
        }
        int metricAt = t.start() + (name.qualifier() == null ? 0 : name.qualifier().length() + 1);
        Integer atEpoch = null;
        boolean best = false;
        if (peek().isWord("at")) {
            next++;
            expectWord("epoch", "'epoch' as in 'at epoch 10'");
            int at = peek().start();
            atEpoch = positiveInt("an epoch number");
            if (context.epochs() > 0 && atEpoch > context.epochs()) {
                throw new Mistake(at, "an epoch in [1, " + context.epochs() + "] (train.epochs)", "'" + atEpoch + "'", "");
            }
        } else if (peek().isWord("best")) {
            next++;
            best = true;
        }
        char arithmetic = 0;
        double operand = 0;
        if (peek().kind() == Kind.ARITH) {
            arithmetic = take().text().charAt(0);
            Token number = take();
            if (number.kind() != Kind.NUMBER) throw new Mistake(number.start(), "a number after '" + arithmetic + "'", number.shown(), "");
            operand = finite(number);
        }
        return new Expectation.Metric(aggregate, name.qualifier(), name.metric(), atEpoch, best, arithmetic, operand,
                locator.at(line, metricAt));
    }

    /** Words a YAML or Python user may write for a number that is not one. */
    private static final List<String> NOT_A_NUMBER = List.of("nan", "inf", "infinity", ".nan", ".inf");

    /** A NUMBER token's value; 1e400 is infinite in a double and no bound a check can use. */
    private static double finite(Token t) {
        double v = Double.parseDouble(t.text());
        if (!Double.isFinite(v)) throw new Mistake(t.start(), "a finite number", t.shown(), "");
        return v;
    }

    private int positiveInt(String what) {
        Token t = take();
        if (t.kind() == Kind.NUMBER && t.text().matches("[0-9]{1,9}") && Integer.parseInt(t.text()) >= 1) return Integer.parseInt(t.text());
        throw new Mistake(t.start(), what + " (a positive integer)", t.shown(), "");
    }

    private void expectWord(String word, String expected) {
        Token t = take();
        if (!t.isWord(word)) throw new Mistake(t.start(), expected, t.shown(), "");
    }

    private void end() {
        Token t = peek();
        if (t.kind() == Kind.END) return;
        List<String> allowed = new ArrayList<>(List.of("within N epochs", "(p < ALPHA)"));
        throw new Mistake(t.start(), "the end of the expectation (or " + String.join(", ", allowed) + ")", t.shown(),
                t.kind() == Kind.WORD ? Suggest.hint(t.text(), List.of("within", "at", "best")) : "");
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token t = tokens.get(next);
        if (t.kind() != Kind.END) next++;
        return t;
    }
}
