package dev.trainspec.report;

import dev.trainspec.check.Finding;
import dev.trainspec.check.VariantOutcome;
import dev.trainspec.check.Verdict;
import dev.trainspec.report.chart.Charts;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The HTML a reviewer sees first on a variant's report page: the description (Markdown), the curves (SVG
 * images, so they show without opening an attachment), each expectation with what was observed,
 * and the diagnosis with its evidence and advice. The charts are inline SVG: the page stays one
 * self-contained fragment.
 */
public final class VariantPage {
    private VariantPage() {}

    /** @param show how a file the scenario extends is shown (an inherited expectation's line is in it) */
    public static String html(VariantOutcome outcome, List<Charts.Chart> charts, String sourceLink, String shownPath, Function<Path, String> show) {
        var s = outcome.result().scenario();
        StringBuilder sb = new StringBuilder("<div class=\"trainspec-variant\">");
        if (s.description() != null && !s.description().isBlank()) {
            sb.append("<div class=\"trainspec-description\">").append(Markdown.html(s.description().strip())).append("</div>");
        }
        sb.append("<p>Scenario <a href=\"").append(Html.escape(sourceLink)).append("\">").append(Html.escape(shownPath))
                .append("</a>, variant <b>").append(Html.escape(s.variant())).append("</b>: <span class=\"")
                .append(outcome.status().json()).append("\">").append(outcome.status().json()).append("</span></p>");
        if (outcome.result().error() != null) {
            sb.append("<pre style=\"white-space:pre-wrap;color:#b2182b\">").append(Html.escape(outcome.result().error())).append("</pre>");
        }
        for (Charts.Chart c : charts) {
            sb.append(Html.chart("trainspec-chart", c.title(), c.svg()));
            if (!c.events().isEmpty()) {
                sb.append("<ul class=\"trainspec-events\" style=\"list-style:none;padding-left:8px\">");
                for (String e : c.events()) sb.append("<li>").append(Html.escape(e)).append("</li>");
                sb.append("</ul>");
            }
        }
        sb.append("<h4>Expectations</h4><ul>");
        for (Verdict v : outcome.verdicts()) {
            sb.append("<li>").append(v.passed() ? "\u2714 " : "<b style=\"color:#b2182b\">\u2718</b> ")
                    .append(Html.escape(v.text())).append(" \u2014 ").append(Html.escape(v.detail()))
                    .append(" <small>(line ").append(v.origin().line())
                    .append(v.origin().isIn(s.file()) ? "" : " of " + Html.escape(show.apply(v.origin().file()))).append(")</small></li>");
        }
        sb.append("</ul>");
        if (!outcome.diagnosis().isEmpty()) {
            sb.append("<h4>Diagnosis</h4><ul>");
            for (Finding f : outcome.diagnosis()) {
                sb.append("<li><b>").append(Html.escape(f.code())).append("</b> [").append(f.severity().name().toLowerCase(java.util.Locale.ROOT))
                        .append("]: ").append(Html.escape(f.evidence())).append("<br/><i>advice:</i> ").append(Html.escape(f.advice())).append("</li>");
            }
            sb.append("</ul>");
        }
        return sb.append("</div>").toString();
    }
}
