package dev.trainspec.report.summary;

import dev.trainspec.check.Numbers;
import dev.trainspec.scenario.Printable;
import dev.trainspec.scenario.Workspace;
import dev.trainspec.scenario.yaml.SnapshotYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The markdown table a pull request shows (sticky comment and job summary): one row per variant
 * with its status, key metric (mean final test accuracy, or r2, or loss, over the repeat runs),
 * the change against the committed regression snapshot, and what failed or was diagnosed; one row
 * per file for the comparisons between variants.
 */
public final class SummaryTable {
    static final int NOTE_LENGTH = 140;
    /** The metrics a reviewer reads first, in order of preference (the comparison reads the same). */
    public static final List<String> KEY_METRICS = List.of("test.accuracy", "test.r2", "test.loss", "train.loss");

    private SummaryTable() {}

    /** {@code baselines} (reports/baselines) and {@code reportUrl} may be null. */
    public static String markdown(List<Map<String, Object>> results, Path baselines, String reportUrl) {
        List<String> rows = new ArrayList<>();
        int passed = 0;
        int failed = 0;
        int errors = 0;
        for (Map<String, Object> file : results) {
            String id = (String) file.get("id");
            if (file.get("error") instanceof String e) { // the file did not load, or its run crashed: nothing trained
                errors++;
                rows.add(row(status("error"), id, "", "", "", e.lines().findFirst().orElse("")));
                continue;
            }
            Snapshot snapshot = Snapshot.of(baselines, id);
            for (Map<String, Object> v : maps(file.get("variants"))) {
                String status = string(v.get("status"));
                switch (status) {
                    case "passed" -> passed++;
                    case "error" -> errors++;
                    default -> failed++;
                }
                String name = string(v.get("name"));
                String metric = keyMetric(v);
                double value = metric == null ? Double.NaN : meanFinal(v, metric);
                rows.add(row(status(status), id, name, metric == null ? "" : metricCell(v, metric, value),
                        metric == null ? "" : snapshot.delta(name, metric, value), note(v)));
            }
            List<Map<String, Object>> comparisons = maps(file.get("comparisons"));
            if (!comparisons.isEmpty()) {
                long held = comparisons.stream().filter(c -> Boolean.TRUE.equals(c.get("passed"))).count();
                boolean ok = held == comparisons.size();
                if (ok) passed++;
                else failed++;
                rows.add(row(status(ok ? "passed" : "failed"), id, "(comparisons)", held + " of " + comparisons.size() + " hold", "",
                        ok ? "" : firstFailure(comparisons)));
            }
        }
        StringBuilder sb = new StringBuilder("### trainspec: ");
        sb.append(passed).append(" passed, ").append(failed).append(" failed, ").append(errors).append(errors == 1 ? " error" : " errors").append("\n\n");
        if (rows.isEmpty()) {
            sb.append("_No scenario results found._\n");
        } else {
            sb.append("| Status | Scenario | Variant | Key metric | \u0394 vs snapshot | Notes |\n");
            sb.append("|---|---|---|---|---|---|\n");
            for (String r : rows) sb.append(r).append('\n');
        }
        if (reportUrl != null && !reportUrl.isBlank()) sb.append("\n[Open the Allure report](").append(reportUrl).append(")\n");
        return sb.toString();
    }

    private static String status(String s) {
        return switch (s) {
            case "passed" -> "\u2705 passed";
            case "error" -> "\uD83D\uDCA5 error";
            default -> "\u274C " + s;
        };
    }

    /** The first of test.accuracy, test.r2, test.loss, train.loss that the runs recorded. */
    static String keyMetric(Map<String, Object> variant) {
        List<Map<String, Object>> runs = maps(variant.get("runs"));
        if (runs.isEmpty()) return null;
        Map<String, Object> finals = map(runs.get(0).get("final"));
        for (String m : KEY_METRICS) if (finals.containsKey(m)) return m;
        return null;
    }

    /** Mean final value over the runs; a run whose value is null in JSON (NaN or infinity) makes it NaN. */
    static double meanFinal(Map<String, Object> variant, String metric) {
        List<Map<String, Object>> runs = maps(variant.get("runs"));
        double sum = 0;
        for (Map<String, Object> run : runs) {
            Object v = map(run.get("final")).get(metric);
            if (!(v instanceof Number n)) return Double.NaN;
            sum += n.doubleValue();
        }
        return sum / runs.size();
    }

    private static String metricCell(Map<String, Object> variant, String metric, double value) {
        int runs = maps(variant.get("runs")).size();
        return (runs > 1 ? "mean " : "") + metric + " " + Numbers.format(value) + (runs > 1 ? " (" + runs + " runs)" : "");
    }

    private static String note(Map<String, Object> variant) {
        List<String> parts = new ArrayList<>();
        if (variant.get("error") instanceof String e) parts.add(e.lines().findFirst().orElse(""));
        String failure = firstFailure(maps(variant.get("expectations")));
        if (!failure.isEmpty() && !(variant.get("error") instanceof String)) parts.add(failure);
        List<String> codes = maps(variant.get("diagnosis")).stream().map(d -> string(d.get("code"))).toList();
        if (!codes.isEmpty()) parts.add("diagnosis: " + String.join(", ", codes));
        return String.join("; ", parts);
    }

    private static String firstFailure(List<Map<String, Object>> verdicts) {
        List<Map<String, Object>> failed = verdicts.stream().filter(x -> Boolean.FALSE.equals(x.get("passed"))).toList();
        if (failed.isEmpty()) return "";
        Map<String, Object> f = failed.get(0);
        String text = string(f.get("text")) + " (" + string(f.get("detail")) + ")";
        return failed.size() > 1 ? text + " and " + (failed.size() - 1) + " more" : text;
    }

    private static String row(String status, String id, String... cells) {
        StringBuilder sb = new StringBuilder("| ").append(cell(status)).append(" | ").append(code(id)).append(" |");
        for (String c : cells) sb.append(' ').append(cell(c)).append(" |");
        return sb.toString();
    }

    /**
     * One line, long notes cut, and nothing in it read as Markdown or HTML: a cell holds text from
     * a pull request (names, messages), and the table is posted as a comment. Pipes would break
     * the table; {@code <} and {@code &} would start HTML; {@code [ ] ` * ~ \\} links, code
     * spans and emphasis. Other characters (the {@code _} of variant names, {@code >=}) are kept
     * as they are, harmless inside a table cell.
     */
    public static String cell(String s) {
        String one = Printable.line(s.replace('\n', ' ').replace('\r', ' '));
        if (one.length() > NOTE_LENGTH) one = one.substring(0, NOTE_LENGTH - 1) + "\u2026";
        StringBuilder out = new StringBuilder(one.length() + 8);
        for (int i = 0; i < one.length(); i++) {
            char c = one.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '&' -> out.append("&amp;");
                case '|', '[', ']', '`', '*', '~', '\\' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Text from a pull request (an id, a file name, a test name) as inline code, in a table cell
     * or a list item. A code span shows its content raw, so only text that cannot close it, break
     * the table or the line, or hide a control character goes in backticks; anything else is HTML
     * code escaped by {@link #cell} (a {@code |} in a code span needs a backslash inside a table
     * and shows one outside it).
     */
    public static String code(String text) {
        boolean plain = text.indexOf('`') < 0 && text.indexOf('|') < 0 && !text.isEmpty() && Printable.line(text).equals(text);
        return plain ? "`" + text + "`" : "<code>" + cell(text) + "</code>";
    }

    private static String string(Object o) {
        return o == null ? "" : o.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object o) {
        if (!(o instanceof List<?> list)) return List.of();
        return list.stream().filter(x -> x instanceof Map<?, ?>).map(x -> (Map<String, Object>) x).toList();
    }

    /** The committed snapshot of one scenario, if any. */
    private record Snapshot(Map<String, Map<String, Double>> variants, String problem) {
        static Snapshot of(Path dir, String id) {
            if (dir == null) return new Snapshot(null, "");
            Path file = dir.resolve(id + ".yaml");
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return new Snapshot(null, "no snapshot");
            try {
                // confined to the folder named on the command line: a committed link out of it is not read
                return new Snapshot(SnapshotYaml.read(new Workspace(dir).read(file, SnapshotYaml.MAX_BYTES), id), null);
            } catch (IOException | SnapshotYaml.Malformed e) {
                return new Snapshot(null, "unreadable snapshot");
            }
        }

        String delta(String variant, String metric, double value) {
            if (variants == null) return problem;
            Map<String, Double> accepted = variants.get(variant);
            if (accepted == null) return "no snapshot";
            Double old = accepted.get(metric);
            if (old == null) return "not tracked";
            double d = value - old;
            String sign = d > 0 ? "+" : d < 0 ? "\u2212" : "\u00b1";
            return sign + Numbers.format(Math.abs(d)) + " (was " + Numbers.format(old) + ")";
        }
    }
}
