package dev.trainspec.report;

import dev.trainspec.engine.train.History;
import dev.trainspec.engine.train.Metric;
import dev.trainspec.run.RunResult;
import dev.trainspec.run.VariantResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The numbers behind the charts, as HTML: each metric's final value (mean, min, max and std over
 * the repeat runs; the value itself for one run), its best epoch, then one row per run and the
 * classical baselines fitted on the same split.
 */
public final class MetricsTable {
    private MetricsTable() {}

    public static String html(VariantResult r) {
        return Html.document("metrics of " + r.scenario().id() + " [" + r.name() + "]", body(r));
    }

    static String body(VariantResult r) {
        StringBuilder sb = new StringBuilder();
        if (r.runs().isEmpty()) {
            sb.append("<p>No run finished").append(r.error() == null ? "" : ": " + Html.escape(r.error())).append("</p>");
            return sb.toString();
        }
        List<String> metrics = metrics(r.runs());
        int n = r.runs().size();
        sb.append("<h3>Final metrics").append(n > 1 ? " over " + n + " runs" : "").append("</h3><table>");
        if (n > 1) Html.row(sb, "th", "metric", "mean", "min", "max", "std", "best epoch (run 1)");
        else Html.row(sb, "th", "metric", "final", "best", "best epoch");
        for (String m : metrics) {
            double[] finals = r.runs().stream().mapToDouble(run -> last(run, m)).toArray();
            History first = r.runs().get(0).training().history();
            int best = first.has(m) ? bestEpoch(first.series(m), Metric.higherIsBetter(m)) : 0;
            String bestCell = best == 0 ? "" : Integer.toString(best);
            if (n > 1) {
                Html.row(sb, "td", m, Html.num(mean(finals)), Html.num(min(finals)), Html.num(max(finals)), Html.num(std(finals)), bestCell);
            } else {
                Html.row(sb, "td", m, Html.num(finals[0]), best == 0 ? "" : Html.num(first.at(m, best)), bestCell);
            }
        }
        sb.append("</table>");
        List<String> headline = metrics.stream().filter(m -> m.startsWith("train.") || m.startsWith("test.")).toList();
        sb.append("<h3>Runs</h3><table>");
        List<String> head = new ArrayList<>(List.of("seed", "epochs", "stop", "seconds"));
        head.addAll(headline);
        Html.row(sb, "th", head.toArray(String[]::new));
        for (RunResult run : r.runs()) {
            List<String> cells = new ArrayList<>(List.of(Long.toString(run.seed()), Integer.toString(run.training().history().epochs()),
                    run.training().stopReason() + (run.training().firstNonFinite() == null ? "" : " (non-finite at " + run.training().firstNonFinite() + ")"),
                    Html.num(run.seconds())));
            for (String m : headline) cells.add(Html.num(last(run, m)));
            Html.row(sb, "td", cells.toArray(String[]::new));
        }
        sb.append("</table>");
        if (!r.baselines().isEmpty()) {
            sb.append("<h3>Baselines (same split)</h3><table>");
            Set<String> names = new LinkedHashSet<>();
            r.baselines().values().forEach(m -> names.addAll(m.keySet().stream().sorted().toList()));
            List<String> bh = new ArrayList<>(List.of("baseline"));
            bh.addAll(names);
            Html.row(sb, "th", bh.toArray(String[]::new));
            for (Map.Entry<String, Map<String, Double>> b : r.baselines().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                List<String> cells = new ArrayList<>(List.of(b.getKey()));
                for (String m : names) cells.add(b.getValue().containsKey(m) ? Html.num(b.getValue().get(m)) : "");
                Html.row(sb, "td", cells.toArray(String[]::new));
            }
            sb.append("</table>");
        }
        return sb.toString();
    }

    /** Metrics in the order of scenarios/README.md section 3, then any others in the order recorded. */
    static List<String> metrics(List<RunResult> runs) {
        Set<String> recorded = new LinkedHashSet<>();
        for (RunResult run : runs) recorded.addAll(run.training().history().names());
        List<String> out = new ArrayList<>();
        for (String m : Metric.CLASSIFICATION) if (recorded.contains(m)) out.add(m);
        for (String m : Metric.REGRESSION) if (recorded.contains(m) && !out.contains(m)) out.add(m);
        for (String m : recorded) if (!out.contains(m)) out.add(m);
        return out;
    }

    private static double last(RunResult run, String metric) {
        History h = run.training().history();
        return h.has(metric) ? h.last(metric) : Double.NaN;
    }

    static int bestEpoch(double[] s, boolean higher) {
        int best = 0;
        for (int e = 0; e < s.length; e++) {
            if (Double.isNaN(s[e])) continue;
            if (best == 0 || (higher ? s[e] > s[best - 1] : s[e] < s[best - 1])) best = e + 1;
        }
        return best;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) m = Math.min(m, x);
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) m = Math.max(m, x);
        return m;
    }

    /** Sample standard deviation (n - 1), as numpy's std(ddof=1) and commons-math report it. */
    static double std(double[] v) {
        if (v.length < 2) return 0;
        double m = mean(v);
        double s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / (v.length - 1));
    }
}
