package dev.trainspec.report.chart;

import dev.trainspec.engine.train.Metric;
import dev.trainspec.engine.train.NonFinite;
import dev.trainspec.report.summary.SummaryTable;
import dev.trainspec.run.RunResult;
import dev.trainspec.run.VariantResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The charts of a variant: loss (train vs test), then accuracy for classification or r2 for
 * regression, each with the expectation bounds that concern its metrics.
 */
public final class Charts {
    /**
     * A rendered chart: a file-friendly name ("loss"), the SVG document, and the events its numbered
     * vertical lines stand for ("1: epoch 4: non-finite loss in seeds 0, 3"), listed under the chart
     * so that no two labels can overlap inside it.
     */
    public record Chart(String name, String title, String svg, List<String> events) {
        public Chart {
            events = List.copyOf(events);
        }
    }

    private Charts() {}

    public static List<Chart> of(VariantResult r) {
        List<Chart> out = new ArrayList<>();
        if (r.runs().isEmpty()) return out;
        List<BoundLine> bounds = BoundLine.of(r.scenario());
        String prefix = "c" + Integer.toHexString((r.scenario().id() + "#" + r.name()).hashCode()) + "-";
        add(out, r, "loss", "Loss", Metric.TRAIN_LOSS, Metric.TEST_LOSS, bounds, prefix);
        if (!add(out, r, "accuracy", "Accuracy", Metric.TRAIN_ACCURACY, Metric.TEST_ACCURACY, bounds, prefix)) {
            add(out, r, "r2", "R\u00b2", Metric.TRAIN_R2, Metric.TEST_R2, bounds, prefix);
        }
        return out;
    }

    private static boolean add(List<Chart> out, VariantResult r, String name, String title, String train, String test,
                               List<BoundLine> bounds, String prefix) {
        List<CurveChart.Line> lines = new ArrayList<>();
        Band trainBand = Band.of(train, r.runs());
        Band testBand = Band.of(test, r.runs());
        if (trainBand != null) lines.add(new CurveChart.Line("train", trainBand));
        if (testBand != null) lines.add(new CurveChart.Line("test", testBand));
        if (lines.isEmpty()) return false;
        List<BoundLine> mine = bounds.stream().filter(b -> b.metric().equals(train) || b.metric().equals(test)).toList();
        // one event per epoch, however many runs hit it: the line is numbered, the words go under the chart
        Map<Integer, List<String>> byEpoch = new TreeMap<>();
        for (RunResult run : r.runs()) {
            NonFinite nf = run.training().firstNonFinite();
            if (nf != null) byEpoch.computeIfAbsent(nf.epoch(), e -> new ArrayList<>()).add(nf.where() + " (seed " + run.seed() + ")");
        }
        List<CurveChart.Event> events = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> e : byEpoch.entrySet()) {
            String number = Integer.toString(events.size() + 1);
            events.add(new CurveChart.Event(e.getKey(), number));
            notes.add(number + ": epoch " + e.getKey() + ", first non-finite value: " + String.join(", ", e.getValue()));
        }
        String fullTitle = title + " per epoch \u2014 " + r.scenario().id() + " [" + r.name() + "]";
        out.add(new Chart(name, fullTitle, CurveChart.svg(fullTitle, title.toLowerCase(java.util.Locale.ROOT), lines, mine, events, prefix + name + "-"), notes));
        return true;
    }

    /**
     * The variants of one file overlaid: each variant's key metric (test accuracy, r2 or a loss:
     * the summary's choice) as its mean line inside its min-max band, so a comparison between
     * variants reads as one picture. Null when fewer than two variants recorded that metric.
     */
    public static Chart overlay(String id, List<VariantResult> variants) {
        String metric = null;
        for (String m : SummaryTable.KEY_METRICS) {
            if (variants.stream().anyMatch(v -> v.runs().stream().anyMatch(run -> run.training().history().has(m)))) {
                metric = m;
                break;
            }
        }
        if (metric == null) return null;
        List<CurveChart.Line> lines = new ArrayList<>();
        for (VariantResult v : variants) {
            Band b = Band.of(metric, v.runs());
            if (b != null) lines.add(new CurveChart.Line(v.name(), b));
        }
        if (lines.size() < 2) return null;
        String title = metric + " per epoch, variants overlaid \u2014 " + id;
        String prefix = "v" + Integer.toHexString(id.hashCode()) + "-";
        return new Chart("variants", title, CurveChart.svg(title, metric, lines, List.of(), List.of(), prefix), List.of());
    }
}
