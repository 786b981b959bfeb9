package dev.trainspec.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * One metric family against the epoch (train vs test loss, say) drawn with JFreeChart and written
 * as SVG by JFreeSVG: each line is the mean over the repeat runs inside its min-max band; each
 * bound of an expectation is a dashed horizontal line labelled with the expectation; "within N
 * epochs" adds a dotted vertical line, and so does each {@link Event} (where a run first produced
 * NaN or infinity). Same input, same SVG (no random ids).
 */
public final class CurveChart {
    public static final int WIDTH = 720;
    public static final int HEIGHT = 360;
    /** Losses spanning more than this ratio (a divergence) are drawn on a log axis. */
    static final double LOG_AXIS_RATIO = 1e3;
    /**
     * At most this many points per line: a 720-pixel chart cannot show more, and a 1,000-epoch run
     * would otherwise weigh hundreds of kilobytes per chart. Longer bands are thinned by
     * {@link Band#thinned}, which keeps each bucket's extremes.
     */
    static final int MAX_POINTS = 150;

    private static final Color[] LINE_COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22)};
    private static final Color BOUND_COLOR = new Color(0xb2182b);

    /**
     * A line of the chart: its legend label, its band, whether it is dashed (the base commit's
     * side of a comparison) and its colour (null: the palette's next).
     */
    public record Line(String label, Band band, boolean dashed, Color color) {
        public Line(String label, Band band) {
            this(label, band, false, null);
        }
    }

    /** Something that happened at an epoch (1-based), drawn as a vertical line with a short label (its number in the list under the chart). */
    public record Event(int epoch, String label) {}

    private CurveChart() {}

    /** The SVG document; {@code idPrefix} keeps the ids of several charts on one page apart. */
    public static String svg(String title, String yLabel, List<Line> lines, List<BoundLine> bounds, List<Event> events, String idPrefix) {
        // bands (min-max over the runs) and mean lines are two datasets: JFreeChart's DeviationRenderer
        // writes a styled <line> per segment, most of a chart's bytes; a line renderer writes one <path>
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        bandRenderer.setAlpha(0.18f);
        bandRenderer.setDefaultSeriesVisibleInLegend(false);
        XYSeriesCollection means = new XYSeriesCollection();
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setDrawSeriesLineAsPath(true);
        int lastEpoch = 1;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Band b = line.band().thinned(MAX_POINTS);
            lastEpoch = Math.max(lastEpoch, b.lastEpoch());
            String label = b.runs() > 1 ? line.label() + " (mean, min-max of " + b.runs() + " runs)" : line.label();
            XYSeries mean = new XYSeries(label, false, true);
            YIntervalSeries band = new YIntervalSeries(label);
            for (int e = 0; e < b.epochs(); e++) {
                if (Double.isNaN(b.mean()[e])) continue;
                mean.add(b.epoch(e), b.mean()[e]);
                band.add(b.epoch(e), b.mean()[e], b.min()[e], b.max()[e]);
                lo = Math.min(lo, b.min()[e]);
                hi = Math.max(hi, b.max()[e]);
            }
            Color c = line.color() != null ? line.color() : LINE_COLORS[i % LINE_COLORS.length];
            means.addSeries(mean);
            lineRenderer.setSeriesPaint(i, c);
            lineRenderer.setSeriesStroke(i, line.dashed()
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f)
                    : new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            if (b.runs() > 1) {
                int k = bands.getSeriesCount();
                bands.addSeries(band);
                bandRenderer.setSeriesPaint(k, c);
                bandRenderer.setSeriesFillPaint(k, c);
            }
        }
        for (BoundLine bound : bounds) {
            lo = Math.min(lo, bound.value());
            hi = Math.max(hi, bound.value());
            if (bound.withinEpochs() != null) lastEpoch = Math.max(lastEpoch, bound.withinEpochs());
        }
        for (Event event : events) lastEpoch = Math.max(lastEpoch, event.epoch());
        NumberAxis epochAxis = new NumberAxis("epoch");
        epochAxis.setTickMarksVisible(false);
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        // every epoch run, including those where no value was finite (the gap is the finding)
        epochAxis.setRange(lastEpoch == 1 ? 0.5 : 1, lastEpoch == 1 ? 1.5 : lastEpoch + 0.02 * (lastEpoch - 1));
        ValueAxis valueAxis = valueAxis(yLabel, lo, hi);
        valueAxis.setTickMarksVisible(false);
        XYPlot plot = new XYPlot(means, epochAxis, valueAxis, lineRenderer);
        plot.setDataset(1, bands);
        plot.setRenderer(1, bandRenderer);
        // bands under the lines
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        for (BoundLine bound : bounds) {
            plot.addRangeMarker(marker(bound.value(), dashed(), bound.label(), RectangleAnchor.TOP_LEFT));
            if (bound.withinEpochs() != null) {
                plot.addDomainMarker(marker(bound.withinEpochs(), dotted(), "within " + bound.withinEpochs() + " epochs", RectangleAnchor.BOTTOM_RIGHT));
            }
        }
        for (Event event : events) {
            ValueMarker v = new ValueMarker(event.epoch(), Color.BLACK, dotted());
            v.setLabel(event.label());
            v.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            v.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            // mid-height, just right of the line: clear of the bound labels at the top and the "within" labels at the bottom
            v.setLabelAnchor(RectangleAnchor.CENTER);
            v.setLabelTextAnchor(TextAnchor.CENTER_LEFT);
            plot.addDomainMarker(v);
        }
        // the title names the scenario and variant, text from a pull request: JFreeChart escapes it for XML, not control characters
        JFreeChart chart = new JFreeChart(dev.trainspec.scenario.Printable.line(title), new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix(idPrefix);
        // a tenth of a pixel is finer than any screen shows; JFreeSVG's default writes full doubles
        g.setGeomDoubleConverter(CurveChart::tenths);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        // a viewBox lets the page scale the chart down to its column
        return compact(g.getSVGElement(null, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null), idPrefix);
    }

    /** Linear with a little headroom; logarithmic when positive values span orders of magnitude (a diverging loss). */
    static ValueAxis valueAxis(String label, double lo, double hi) {
        if (!(lo <= hi)) {
            NumberAxis empty = new NumberAxis(label);
            empty.setRange(0, 1);
            return empty;
        }
        if (lo > 0 && hi / lo > LOG_AXIS_RATIO) {
            LogAxis log = new LogAxis(label + " (log scale)");
            log.setRange(lo / 1.5, hi * 1.5);
            // whole powers of ten, printed as 1E6: readable, and plain text in the SVG
            log.setAutoTickUnitSelection(false);
            log.setTickUnit(new NumberTickUnit(Math.max(1, Math.floor(Math.log10(hi / lo) / 8))), false, false);
            log.setNumberFormatOverride(new DecimalFormat("0E0"));
            return log;
        }
        double pad = hi > lo ? (hi - lo) * 0.06 : Math.max(Math.abs(hi) * 0.05, 0.05);
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setRange(lo - pad, hi + pad);
        return axis;
    }

    /**
     * JFreeSVG's output without what only weighs: every element repeats a clip to the whole canvas
     * (clip 0, checked to be exactly that) and opacities of 1 (SVG's default). A chart is a fifth of
     * every report page twice over (Allure stores a page twice), so this is worth a megabyte.
     */
    static String compact(String svg, String idPrefix) {
        String clip0 = "<clipPath id='" + idPrefix + "clip-0'><path d='M0,0L" + WIDTH + ",0L" + WIDTH + "," + HEIGHT + "L0," + HEIGHT + "L0,0Z'/></clipPath>";
        String out = svg;
        if (out.contains(clip0)) out = out.replace(" clip-path='url(#" + idPrefix + "clip-0)'", "");
        return out.replace("stroke-opacity:1.0;", "").replace(" fill-opacity: 1.0;", "");
    }

    static String tenths(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }

    private static BasicStroke dashed() {
        return new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    private static BasicStroke dotted() {
        return new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f);
    }

    /** A bound's line across the plot, labelled in the bound colour on a transparent background. */
    private static ValueMarker marker(double at, BasicStroke stroke, String label, RectangleAnchor anchor) {
        ValueMarker m = new ValueMarker(at, BOUND_COLOR, stroke);
        m.setLabel(label);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        m.setLabelPaint(BOUND_COLOR);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        m.setLabelAnchor(anchor);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        return m;
    }
}
