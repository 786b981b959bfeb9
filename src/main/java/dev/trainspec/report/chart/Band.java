package dev.trainspec.report.chart;

import dev.trainspec.engine.train.History;
import dev.trainspec.run.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One metric over the repeat runs, epoch by epoch: the mean line and the min-max band. Epoch e
 * (1-based, index e-1) aggregates the runs that reached it and recorded a finite value there, so
 * early-stopped runs shorten the band instead of dragging the mean, and a diverged run leaves a
 * gap (NaN) where no run is finite.
 */
public record Band(String metric, double[] mean, double[] min, double[] max, int runs) {

    /** The band of {@code metric}, or null when no run recorded it. */
    public static Band of(String metric, List<RunResult> runs) {
        List<double[]> series = new ArrayList<>();
        for (RunResult r : runs) {
            History h = r.training().history();
            if (h.has(metric)) series.add(h.series(metric));
        }
        return ofSeries(metric, series);
    }

    /** The band of per-epoch series, one per run that recorded the metric (as a JSON result holds them); null when there is none. */
    public static Band ofSeries(String metric, List<double[]> series) {
        if (series.isEmpty()) return null;
        int epochs = 0;
        for (double[] s : series) epochs = Math.max(epochs, s.length);
        double[] sum = new double[epochs];
        int[] count = new int[epochs];
        double[] min = filled(epochs, Double.POSITIVE_INFINITY);
        double[] max = filled(epochs, Double.NEGATIVE_INFINITY);
        for (double[] s : series) {
            for (int e = 0; e < s.length; e++) {
                if (!Double.isFinite(s[e])) continue;
                sum[e] += s[e];
                count[e]++;
                min[e] = Math.min(min[e], s[e]);
                max[e] = Math.max(max[e], s[e]);
            }
        }
        double[] mean = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            if (count[e] == 0) {
                mean[e] = min[e] = max[e] = Double.NaN;
            } else {
                mean[e] = sum[e] / count[e];
            }
        }
        return new Band(metric, mean, min, max, series.size());
    }

    public int epochs() {
        return mean.length;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
