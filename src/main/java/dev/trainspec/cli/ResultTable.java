package dev.trainspec.cli;

import dev.trainspec.check.Distribution;
import dev.trainspec.check.FileOutcome;
import dev.trainspec.check.Finding;
import dev.trainspec.check.Numbers;
import dev.trainspec.check.VariantOutcome;
import dev.trainspec.check.Verdict;
import dev.trainspec.engine.train.History;
import dev.trainspec.scenario.Printable;
import dev.trainspec.scenario.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table printed after a run: one row per variant (its key metric and diagnosis codes), then
 * every failed expectation with its line, then the full diagnosis of the variants that failed.
 */
final class ResultTable {
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private int passed;
    private int refused;
    private int total;

    /** @param workspace the file's, to show a file it extends as results show files */
    void add(FileOutcome outcome, Workspace workspace) {
        Path path = outcome.file().file();
        String file = path.toString();
        for (VariantOutcome v : outcome.variants()) {
            total++;
            if (v.status() == dev.trainspec.check.Status.PASSED) passed++;
            if (v.result().refused()) refused++;
            row(v.result().refused() ? "refused" : v.status().json(), outcome.file().id(), v.result().name(),
                    String.format(Locale.ROOT, "%.3f", v.result().seconds()), keyMetric(v) + codes(v));
            for (Verdict f : v.failures()) failures.add(Printable.line(f.where(path, file, workspace::display) + ": [" + v.result().name() + "] " + f.sentence()));
            if (v.status() != dev.trainspec.check.Status.PASSED) {
                for (Finding f : v.diagnosis()) findings.add(Printable.line(file + ": [" + v.result().name() + "] diagnosis " + f));
            }
        }
        for (Verdict c : outcome.comparisons()) {
            total++;
            if (c.passed()) passed++;
            row(c.passed() ? "passed" : "failed", outcome.file().id(), "(comparison)", "", c.detail());
            if (!c.passed()) failures.add(Printable.line(c.where(path, file, workspace::display) + ": " + c.sentence()));
        }
    }

    void invalid(Path file, int problems) {
        total++;
        refused++;
        row("refused", file.toString(), "", "", problems + " problem(s): invalid scenario");
    }

    /** A file that could not be judged (its reason already printed above the table). */
    void error(Path file, String reason) {
        total++;
        row("error", file.toString(), "", "", reason);
    }

    /**
     * Each cell one printable line, escaped before the columns are measured: a file name or a
     * message with a newline would otherwise break the row (and start a line of its own, maybe a
     * CI workflow command); the failure and finding lines are escaped the same way, one each.
     */
    private void row(String... cells) {
        String[] escaped = new String[cells.length];
        for (int c = 0; c < cells.length; c++) escaped[c] = Printable.line(cells[c]);
        rows.add(escaped);
    }

    /** "; diagnosis: plateau, dead_relu" (errors first), or nothing. */
    private static String codes(VariantOutcome v) {
        if (v.diagnosis().isEmpty()) return "";
        return "; diagnosis: " + v.diagnosis().stream().sorted(java.util.Comparator.comparing(Finding::severity))
                .map(Finding::code).collect(java.util.stream.Collectors.joining(", "));
    }

    private static String keyMetric(VariantOutcome v) {
        if (v.result().error() != null) return v.result().error().lines().findFirst().orElse("");
        if (v.result().runs().isEmpty()) return "";
        History h = v.result().runs().get(0).training().history();
        String metric = h.has("test.accuracy") ? "test.accuracy" : "test.r2";
        Distribution d = Distribution.of(metric, v.result().runs().stream().mapToDouble(run -> run.training().history().last(metric)).toArray());
        if (d.n() == 1) return metric + " " + Numbers.format(d.mean());
        return "mean " + metric + " " + Numbers.format(d.mean()) + " (95% CI " + Numbers.format(d.ciLow()) + ".." + Numbers.format(d.ciHigh())
                + ", min " + Numbers.format(d.min()) + ") over " + d.n() + " runs";
    }

    String render() {
        String[] header = {"STATUS", "SCENARIO", "VARIANT", "SECONDS", "RESULT"};
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) width[c] = header[c].length();
        for (String[] r : rows) for (int c = 0; c < r.length; c++) width[c] = Math.max(width[c], r[c].length());
        StringBuilder sb = new StringBuilder();
        line(sb, header, width);
        for (String[] r : rows) line(sb, r, width);
        for (String f : failures) sb.append(f).append('\n');
        for (String f : findings) sb.append(f).append('\n');
        // refused before training (exit 2) is told apart from failed after it (exit 1)
        sb.append(passed).append(" passed, ").append(total - passed - refused).append(" failed")
                .append(refused == 0 ? "" : ", " + refused + " refused before training").append('\n');
        return sb.toString(); // every cell and line escaped as it was added
    }

    private static void line(StringBuilder sb, String[] cells, int[] width) {
        for (int c = 0; c < cells.length; c++) {
            sb.append(cells[c]);
            if (c < cells.length - 1) sb.append(" ".repeat(width[c] - cells[c].length() + 2));
        }
        sb.append('\n');
    }
}
