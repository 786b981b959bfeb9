package dev.trainspec.report.compare;

import dev.trainspec.report.summary.SummaryTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One result file (SCENARIOS.md section 7) as typed records, read from the plain maps that
 * {@link dev.trainspec.report.summary.ResultFiles} parses: what a comparison needs and nothing
 * more. A value that JSON holds as null (NaN or infinity) reads as NaN.
 */
public record ResultDoc(String id, String file, String status, List<Variant> variants, String error) {
    /** The name under which a file's comparisons between variants appear (as in the summary table). */
    public static final String COMPARISONS = "(comparisons)";

    /** A file that ran: no file-level error. */
    public ResultDoc(String id, String file, String status, List<Variant> variants) {
        this(id, file, status, variants, null);
    }

    /** The problems of a file that did not load ({@code file:line:column: ...} lines of its error), else none. */
    public List<Problem> problems() {
        return error == null || !variants.isEmpty() ? List.of() : Problem.in(error);
    }

    /** A file that did not load: reported as invalid, with its problems, rather than counted as a scenario that ran. */
    public boolean invalid() {
        return !problems().isEmpty();
    }

    /** A variant's runs, verdicts and findings; {@code error} is null unless the variant could not run. */
    public record Variant(String name, String status, String error, List<Run> runs, List<Check> expectations, List<Found> diagnosis) {
        /** The metric a reviewer reads first (test accuracy, r2 or a loss), or null when no run recorded one. */
        public String keyMetric() {
            if (runs.isEmpty()) return null;
            for (String m : SummaryTable.KEY_METRICS) if (runs.get(0).finals().containsKey(m)) return m;
            return null;
        }

        /** The final values of {@code metric}, one per run that recorded it. */
        public double[] finals(String metric) {
            return runs.stream().filter(r -> r.finals().containsKey(metric)).mapToDouble(r -> r.finals().get(metric)).toArray();
        }

        /** The per-epoch series of {@code metric}, one per run that recorded it. */
        public List<double[]> series(String metric) {
            return runs.stream().filter(r -> r.history().containsKey(metric)).map(r -> r.history().get(metric)).toList();
        }

        public boolean failed() {
            return !"passed".equals(status);
        }
    }

    public record Run(long seed, Map<String, Double> finals, Map<String, double[]> history) {}

    /**
     * An expectation's verdict: its text, its line, and what was observed. The line is in the
     * result's file unless {@code file} names another (an expectation inherited through extends).
     */
    public record Check(String text, String file, int line, boolean passed, String detail) {
        /** A verdict whose line is in the result's file. */
        public Check(String text, int line, boolean passed, String detail) {
            this(text, null, line, passed, detail);
        }

        /** The file the line is in, for a result of {@code resultFile}. */
        public String fileIn(String resultFile) {
            return file == null ? resultFile : file;
        }

        public String sentence() {
            return detail.isEmpty() ? text : text + " (" + detail + ")";
        }
    }

    public record Found(String code, String severity, String evidence) {}

    public static ResultDoc of(Map<String, Object> json) {
        List<Variant> variants = new ArrayList<>();
        for (Map<String, Object> v : maps(json.get("variants"))) {
            List<Run> runs = new ArrayList<>();
            for (Map<String, Object> r : maps(v.get("runs"))) runs.add(new Run((long) number(r.get("seed")), finals(r.get("final")), history(r.get("history"))));
            List<Check> checks = new ArrayList<>();
            for (Map<String, Object> x : maps(v.get("expectations"))) checks.add(check(x));
            List<Found> found = new ArrayList<>();
            for (Map<String, Object> d : maps(v.get("diagnosis"))) found.add(new Found(string(d.get("code")), string(d.get("severity")), string(d.get("evidence"))));
            variants.add(new Variant(string(v.get("name")), string(v.get("status")), v.get("error") instanceof String e ? e : null,
                    List.copyOf(runs), List.copyOf(checks), List.copyOf(found)));
        }
        // the cross-variant expectations read as one more "variant" without runs: they fail, break and get fixed like any other
        List<Check> comparisons = new ArrayList<>();
        for (Map<String, Object> x : maps(json.get("comparisons"))) comparisons.add(check(x));
        if (!comparisons.isEmpty()) {
            String status = comparisons.stream().allMatch(Check::passed) ? "passed" : "failed";
            variants.add(new Variant(COMPARISONS, status, null, List.of(), List.copyOf(comparisons), List.of()));
        }
        return new ResultDoc(string(json.get("id")), string(json.get("file")), string(json.get("status")), List.copyOf(variants),
                json.get("error") instanceof String e ? e : null);
    }

    private static Check check(Map<String, Object> x) {
        return new Check(string(x.get("text")), x.get("file") instanceof String f ? f : null, (int) number(x.get("line")),
                Boolean.TRUE.equals(x.get("passed")), string(x.get("detail")));
    }

    public Variant variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
    }

    private static Map<String, Double> finals(Object o) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) m.forEach((k, v) -> out.put(k.toString(), number(v)));
        return out;
    }

    private static Map<String, double[]> history(Object o) {
        Map<String, double[]> out = new LinkedHashMap<>();
        if (!(o instanceof Map<?, ?> m)) return out;
        m.forEach((k, v) -> {
            if (v instanceof List<?> list) out.put(k.toString(), list.stream().mapToDouble(ResultDoc::number).toArray());
        });
        return out;
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String string(Object o) {
        return o == null ? "" : o.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object o) {
        if (!(o instanceof List<?> list)) return List.of();
        return list.stream().filter(x -> x instanceof Map<?, ?>).map(x -> (Map<String, Object>) x).toList();
    }
}
