package dev.trainspec.report.compare;

import dev.trainspec.report.Html;
import java.util.List;

/**
 * The comparison as one self-contained HTML page (the comment's "page" links land on its
 * sections): per variant in triage order, the base-vs-head chart, the key metric, what broke or
 * was fixed, the findings that appeared or went, and the snapshot values the pull request
 * rewrote. Charts are inline SVG, so the page is a single file that opens from an artifact.
 */
public final class ComparePage {
    private ComparePage() {}

    /** {@code trend} ends with this run (see {@link Trend#with}); empty: no trend column. */
    public static String html(Comparison c, Links links, Trend trend) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>trainspec: base vs head</title>")
                .append("<style>body{font-family:sans-serif;font-size:14px;max-width:900px;margin:16px auto}section{border-top:1px solid #ddd;padding:8px 0}")
                .append(".failed{color:#b2182b}.changed{color:#8a6d00}.unchanged{color:#1a7f37}img{max-width:100%}</style></head><body>")
                .append("<h1>trainspec: what this change did to training</h1>");
        Comparison.Counts h = c.head();
        sb.append("<p>").append(h.files()).append(" scenarios at the head: ").append(h.passed()).append(" passed, ").append(h.failed())
                .append(" failed, ").append(h.errors()).append(" errors; ").append(c.baseFiles()).append(" run at the base.</p>");
        overview(sb, c, trend);
        for (VariantChange v : c.variants()) section(sb, v, links);
        return sb.append("</body></html>\n").toString();
    }

    /**
     * Every scenario variant in one table: status, key metric, and its trend over main's last runs
     * ending with this one; each row links to its section below.
     */
    private static void overview(StringBuilder sb, Comparison c, Trend trend) {
        boolean trended = trend.runs().size() > 1;
        sb.append("<h2>Overview</h2><table class=\"trainspec-overview\" style=\"border-collapse:collapse\"><tr><th>scenario</th><th>variant</th><th>status</th>")
                .append("<th>key metric</th>").append(trended ? "<th>trend, main's last " + (trend.runs().size() - 1) + " runs \u2192 this run</th>" : "")
                .append("</tr>");
        List<VariantChange> rows = c.variants().stream().sorted(java.util.Comparator.comparing(VariantChange::id)).toList();
        for (VariantChange v : rows) {
            String status = v.head() == null ? "removed" : v.head().status();
            String metric = v.key() == null || v.key().headValue().isEmpty() ? "" : v.key().metric() + " " + v.key().headValue();
            sb.append("<tr><td><a href=\"#").append(Links.anchor(v.id(), v.name())).append("\">").append(Html.escape(v.id())).append("</a></td><td>")
                    .append(Html.escape(v.name())).append("</td><td class=\"").append("passed".equals(status) ? "unchanged" : "failed").append("\">")
                    .append(Html.escape(status)).append("</td><td>").append(Html.escape(metric)).append("</td>");
            if (trended) sb.append("<td style=\"font-family:monospace\">").append(Html.escape(Sparkline.of(trend.of(v)))).append("</td>");
            sb.append("</tr>");
        }
        sb.append("</table>");
    }

    private static void section(StringBuilder sb, VariantChange v, Links links) {
        String kind = v.kind().name().toLowerCase(java.util.Locale.ROOT);
        sb.append("<section id=\"").append(Links.anchor(v.id(), v.name())).append("\"><h2><span class=\"").append(kind).append("\">")
                .append(kind).append("</span> ").append(Html.escape(v.id())).append(" [").append(Html.escape(v.name())).append("]</h2>");
        String source = links.source(v.file(), v.line());
        sb.append("<p>");
        if (source != null) sb.append("<a href=\"").append(Html.escape(source)).append("\">").append(Html.escape(v.file())).append("</a>");
        else sb.append(Html.escape(v.file()));
        if (v.key() != null) sb.append(" \u2014 ").append(Html.escape(v.key().metric() + " " + v.key().text()));
        sb.append("</p>");
        // unchanged variants keep their anchor but no chart: the page stays small when little changed
        String svg = v.kind() == VariantChange.Kind.UNCHANGED ? null : CompareChart.svg(v);
        if (svg != null) {
            sb.append(Html.chart("trainspec-compare-chart", v.key().metric() + " base vs head", svg));
        }
        List<String> notes = TriageComment.notes(v);
        if (!notes.isEmpty()) {
            sb.append("<ul>");
            for (String n : notes) sb.append("<li>").append(Html.escape(n)).append("</li>");
            sb.append("</ul>");
        }
        sb.append("</section>");
    }
}
