package dev.trainspec.report.compare;

import dev.trainspec.report.chart.Band;
import dev.trainspec.report.chart.CurveChart;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * A variant's key metric per epoch at the base commit (orange, dashed) and at the head (blue,
 * solid), each the mean over the repeat runs inside its min-max band: the change's effect on
 * training in one picture.
 */
public final class CompareChart {
    /** The colours the report smoke test looks for in a screenshot. */
    public static final Color BASE = new Color(0xff7f0e);
    public static final Color HEAD = new Color(0x1f77b4);

    private CompareChart() {}

    /** The SVG, or null when neither side recorded the key metric. */
    public static String svg(VariantChange v) {
        if (v.key() == null) return null;
        String metric = v.key().metric();
        List<CurveChart.Line> lines = new ArrayList<>();
        Band base = v.base() == null ? null : Band.ofSeries(metric, v.base().series(metric));
        Band head = v.head() == null ? null : Band.ofSeries(metric, v.head().series(metric));
        if (base != null) lines.add(new CurveChart.Line("base " + metric, base, true, BASE));
        if (head != null) lines.add(new CurveChart.Line("head " + metric, head, false, HEAD));
        if (lines.isEmpty()) return null;
        String title = metric + " per epoch, base vs head \u2014 " + v.id() + " [" + v.name() + "]";
        return CurveChart.svg(title, metric, lines, List.of(), List.of(), "cmp-" + Links.anchor(v.id(), v.name()) + "-");
    }
}
