package dev.trainspec.scenario.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * A dotted metric reference of an expectation, {@code [QUALIFIER.]SPLIT.METRIC} or
 * {@code [QUALIFIER.]GLOBAL_METRIC}, checked against scenarios/README.md section 3. A baseline
 * qualifier takes only {@code train|test . accuracy|r2|mae} and must be listed under
 * {@code baselines:}. On a mistake, error/found/hint describe it at errorOffset.
 */
record MetricName(String qualifier, String metric, String error, int errorOffset, String found, String hint) {
    private static MetricName ok(String qualifier, String metric) {
        return new MetricName(qualifier, metric, null, 0, null, null);
    }

    private static MetricName bad(int offset, String expected, String found, String hint) {
        return new MetricName(null, null, expected, offset, found.equals("nothing") ? found : "'" + found + "'", hint);
    }

    static MetricName resolve(String word, int start, ExpectationParser.Context context) {
        String[] parts = word.split("\\.", -1);
        String first = parts[0];
        if (Vocabulary.SPLITS.contains(first) || Vocabulary.GLOBAL_METRICS.contains(first)) {
            return metric(null, parts, 0, start, false);
        }
        boolean baseline = Vocabulary.BASELINES.contains(first);
        if (!first.equals(Vocabulary.BASE) && !context.variants().contains(first) && !baseline) {
            List<String> words = new ArrayList<>(Vocabulary.SPLITS);
            words.addAll(Vocabulary.GLOBAL_METRICS);
            words.add(Vocabulary.BASE);
            words.addAll(context.variants());
            words.addAll(context.baselines());
            List<String> qualifiers = new ArrayList<>(List.of(Vocabulary.BASE));
            qualifiers.addAll(context.variants());
            qualifiers.addAll(context.baselines());
            String expected = parts.length == 1 ? "a metric such as test.accuracy or grad_norm"
                    : "a split (train, test), a metric or a qualifier (" + String.join(", ", qualifiers) + ")";
            return bad(start, expected, first, Suggest.hint(first, words));
        }
        if (baseline && !context.baselines().contains(first)) {
            return bad(start, "a baseline listed under baselines: (" + (context.baselines().isEmpty() ? "none listed"
                    : String.join(", ", context.baselines())) + ")", first, "add " + first + " to baselines:");
        }
        if (parts.length == 1) return bad(start, "a metric after '" + first + ".'", word, "");
        return metric(first, parts, 1, start + first.length() + 1, baseline);
    }

    /** parts[from..] after the qualifier: SPLIT.METRIC or one global metric; offset is where parts[from] starts. */
    private static MetricName metric(String qualifier, String[] parts, int from, int offset, boolean baseline) {
        String head = parts[from];
        if (!baseline && Vocabulary.GLOBAL_METRICS.contains(head)) {
            if (parts.length > from + 1) return bad(offset + head.length(), "the end of the metric " + head, "." + parts[from + 1], "");
            return ok(qualifier, head);
        }
        if (!Vocabulary.SPLITS.contains(head)) {
            List<String> words = new ArrayList<>(Vocabulary.SPLITS);
            if (!baseline) words.addAll(Vocabulary.GLOBAL_METRICS);
            String expected = baseline ? "a split (train, test)" : "a split (train, test) or a metric (" + String.join(", ", Vocabulary.GLOBAL_METRICS) + ")";
            return bad(offset, expected, head, Suggest.hint(head, words));
        }
        List<String> known = baseline ? Vocabulary.BASELINE_METRICS : Vocabulary.metricsOf(head);
        int metricOffset = offset + head.length() + 1;
        String what = (baseline ? "a baseline metric of " : "a metric of ") + head + " (" + String.join(", ", known) + ")";
        if (parts.length == from + 1) return bad(offset + head.length(), what + " after '" + head + "'", "nothing", "");
        String name = parts[from + 1];
        if (!known.contains(name)) {
            String hint = Suggest.hint(name, known);
            if (hint.isEmpty() && Vocabulary.TRAIN_METRICS.contains(name) && !baseline) hint = name + " is recorded for train only";
            return bad(metricOffset, what, name, hint);
        }
        if (parts.length > from + 2) {
            int extra = metricOffset + name.length();
            return bad(extra, "the end of the metric " + head + "." + name, "." + parts[from + 2], "");
        }
        return ok(qualifier, head + "." + name);
    }
}
