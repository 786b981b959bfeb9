package dev.trainspec.report.compare;

import dev.trainspec.report.summary.SummaryTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pull request's comment, triage first: a header with the counts (scenarios and unit tests),
 * then the failures, then what the change did to training (key metric base -> head with a
 * sparkline of both curves, findings that appeared or went, snapshot values the pull request
 * rewrote), each row linking to the scenario line at the head commit and to its comparison page;
 * the scenarios that pass unchanged are one row per file, folded away.
 */
public final class TriageComment {
    static final int MAX_UNIT_FAILURES = 10;

    private TriageComment() {}

    public static String markdown(Comparison c, UnitTests unit, Links links) {
        return markdown(c, unit, List.of(), links);
    }

    /** {@code invalid}: the problems of scenario files that could not be loaded ({@link Problem#invalid}). */
    public static String markdown(Comparison c, UnitTests unit, List<Problem> invalid, Links links) {
        StringBuilder sb = new StringBuilder();
        Comparison.Counts h = c.head();
        long invalidFiles = invalid.stream().map(Problem::file).distinct().count();
        sb.append("### trainspec: ").append(h.files()).append(h.files() == 1 ? " scenario" : " scenarios").append(" \u2014 ")
                .append(h.passed()).append(" passed, ").append(h.failed()).append(" failed, ").append(h.errors()).append(h.errors() == 1 ? " error" : " errors")
                .append(invalidFiles == 0 ? "" : ", " + invalidFiles + " invalid")
                .append(" \u00b7 unit tests: ").append(unit.run() - unit.skipped()).append(" run, ").append(unit.failed()).append(" failed\n\n");
        if (!links.pages().isEmpty()) sb.append("Open the ").append(links.pages()).append(".\n\n");
        List<VariantChange> failed = c.of(VariantChange.Kind.FAILED);
        List<VariantChange> changed = c.of(VariantChange.Kind.CHANGED);
        List<VariantChange> same = c.of(VariantChange.Kind.UNCHANGED);
        sb.append(c.baseFiles() == 0 ? "_No base results: nothing to compare with._\n\n"
                : "Against the base (" + c.baseFiles() + " scenario" + (c.baseFiles() == 1 ? "" : "s") + " run at the base commit), by variant: "
                        + failed.size() + " failing, " + changed.size() + " changed, " + same.size() + " passing unchanged.\n\n");
        invalid(sb, invalid, links);
        table(sb, "Failing", failed, links);
        table(sb, "Changed by this pull request", changed, links);
        unitFailures(sb, unit);
        folded(sb, same, links);
        return sb.toString();
    }

    private static void table(StringBuilder sb, String title, List<VariantChange> rows, Links links) {
        if (rows.isEmpty()) return;
        sb.append("**").append(title).append(" (").append(rows.size()).append(")**\n\n");
        sb.append("| | Scenario | Variant | Key metric, base \u2192 head | Curve, base / head | What changed |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (VariantChange v : rows) {
            String[] spark = Sparkline.pair(v.baseCurve(), v.headCurve());
            String curve = (spark[0].isEmpty() ? "\u2014" : "`" + spark[0] + "`") + " / " + (spark[1].isEmpty() ? "\u2014" : "`" + spark[1] + "`");
            sb.append("| ").append(icon(v)).append(" | ").append(scenario(v, links)).append(" | ").append(cell(v.name())).append(" | ")
                    .append(v.key() == null ? "" : cell(v.key().metric() + " " + v.key().text())).append(" | ").append(curve).append(" | ")
                    .append(cell(String.join("; ", notes(v)))).append(" |\n");
        }
        sb.append('\n');
    }

    /** One row per scenario file: its variants pass and the change did not move them. */
    private static void folded(StringBuilder sb, List<VariantChange> rows, Links links) {
        if (rows.isEmpty()) return;
        Map<String, List<VariantChange>> byFile = new LinkedHashMap<>();
        rows.stream().sorted(java.util.Comparator.comparing(VariantChange::id)).forEach(v -> byFile.computeIfAbsent(v.id(), k -> new ArrayList<>()).add(v));
        sb.append("<details><summary>").append(byFile.size()).append(" passing scenario").append(byFile.size() == 1 ? "" : "s")
                .append(", unchanged or not run at the base</summary>\n\n");
        sb.append("| Scenario | Variants | Key metric |\n|---|---|---|\n");
        for (List<VariantChange> file : byFile.values()) {
            VariantChange first = file.get(0);
            String metric = first.key() == null || first.key().headValue().isEmpty() ? ""
                    : first.key().metric() + " " + first.key().headValue() + (file.size() > 1 ? " (" + first.name() + ")" : "");
            sb.append("| ").append(scenario(first, links)).append(" | ").append(cell(String.join(", ", file.stream().map(VariantChange::name).toList())))
                    .append(" | ").append(cell(metric)).append(" |\n");
        }
        sb.append("\n</details>\n");
    }

    private static void invalid(StringBuilder sb, List<Problem> problems, Links links) {
        if (problems.isEmpty()) return;
        sb.append("**Invalid scenarios (").append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append(")**\n\n");
        for (Problem p : problems.stream().limit(MAX_UNIT_FAILURES).toList()) {
            String where = SummaryTable.code(p.file() + ":" + p.line() + ":" + p.column());
            String source = links.source(p.file(), p.line());
            sb.append("- ").append(source == null ? where : "[" + where + "](" + source + ")").append(": ").append(cell(p.message())).append('\n');
        }
        if (problems.size() > MAX_UNIT_FAILURES) sb.append("- and ").append(problems.size() - MAX_UNIT_FAILURES).append(" more\n");
        sb.append('\n');
    }

    private static void unitFailures(StringBuilder sb, UnitTests unit) {
        if (unit.failures().isEmpty()) return;
        sb.append("**Unit tests failing (").append(unit.failed()).append(")**\n\n");
        for (UnitTests.Failure f : unit.failures().stream().limit(MAX_UNIT_FAILURES).toList()) {
            sb.append("- ").append(SummaryTable.code(f.test())).append(f.line() > 0 ? " (line " + f.line() + ")" : "").append(": ")
                    .append(cell(f.message())).append('\n');
        }
        if (unit.failures().size() > MAX_UNIT_FAILURES) sb.append("- and ").append(unit.failures().size() - MAX_UNIT_FAILURES).append(" more\n");
        sb.append('\n');
    }

    private static String icon(VariantChange v) {
        if (v.head() == null) return "\u2796";
        if ("error".equals(v.head().status())) return "\uD83D\uDCA5";
        if (v.head().failed()) return "\u274C";
        return "\uD83D\uDD04";
    }

    private static String scenario(VariantChange v, Links links) {
        String source = links.source(v.file(), v.line());
        String name = SummaryTable.code(v.id());
        String out = source == null ? name : "[" + name + "](" + source + ")";
        String page = links.page(v.id(), v.name());
        return page == null ? out : out + " \u00b7 [page](" + page + ")";
    }

    /** What a reviewer needs to know about the row, most important first. */
    static List<String> notes(VariantChange v) {
        List<String> parts = new ArrayList<>();
        if (v.head() == null) parts.add("removed by this pull request");
        else if (v.base() == null && !v.snapshots().isEmpty()) parts.add("no result at the base");
        if (v.head() != null && v.head().error() != null) parts.add(v.head().error().lines().findFirst().orElse(""));
        for (ResultDoc.Check c : v.broke()) parts.add((v.base() == null ? "fails: " : "now fails: ") + c.sentence() + " (line " + c.line() + (c.file() == null ? "" : " of " + c.file()) + ")");
        if (v.broke().isEmpty() && v.head() != null && v.head().failed() && v.head().error() == null) {
            v.head().expectations().stream().filter(c -> !c.passed()).findFirst().ifPresent(c -> parts.add("still fails: " + c.sentence()));
        }
        for (ResultDoc.Check c : v.fixed()) parts.add("fixed: " + c.text());
        if (!v.appeared().isEmpty()) parts.add("new finding: " + String.join(", ", v.appeared()));
        if (!v.disappeared().isEmpty()) parts.add("finding gone: " + String.join(", ", v.disappeared()));
        for (SnapshotChange s : v.snapshots()) parts.add("snapshot rewritten: " + s.metric() + " " + s.values());
        return parts;
    }

    private static String cell(String s) {
        return SummaryTable.cell(s);
    }
}
