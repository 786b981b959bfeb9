package dev.trainspec.report.chart;

import dev.trainspec.engine.train.History;
import dev.trainspec.run.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One metric over the repeat runs, epoch by epoch: the mean line and the min-max band. Epoch e
 * (1-based, index e-1) aggregates the runs that reached it and recorded a finite value there, so
 * early-stopped runs shorten the band instead of dragging the mean, and a diverged run leaves a
 * gap (NaN) where no run is finite. A thinned band has one point per {@code stride} epochs.
 */
public record Band(String metric, double[] mean, double[] min, double[] max, int runs, int stride, int lastEpoch) {

    /** One point per epoch. */
    public Band(String metric, double[] mean, double[] min, double[] max, int runs) {
        this(metric, mean, min, max, runs, 1, mean.length);
    }

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

    /** The number of points (epochs, or buckets of {@code stride} epochs once thinned). */
    public int epochs() {
        return mean.length;
    }

    /** The epoch (1-based) that point {@code i} is drawn at: a bucket's last epoch. */
    public int epoch(int i) {
        return Math.min((i + 1) * stride, lastEpoch());
    }

    /**
     * At most {@code points} points: consecutive epochs merged into buckets whose mean is the mean
     * of the finite means and whose band spans the bucket's min and max, so a spike or a gap
     * (no finite value in the whole bucket) stays visible.
     */
    public Band thinned(int points) {
        if (mean.length <= points) return this;
        int step = (mean.length + points - 1) / points;
        int n = (mean.length + step - 1) / step;
        double[] m = new double[n];
        double[] lo = filled(n, Double.POSITIVE_INFINITY);
        double[] hi = filled(n, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int count = 0;
            for (int e = i * step; e < Math.min(mean.length, (i + 1) * step); e++) {
                if (Double.isNaN(mean[e])) continue;
                sum += mean[e];
                count++;
                lo[i] = Math.min(lo[i], min[e]);
                hi[i] = Math.max(hi[i], max[e]);
            }
            if (count == 0) m[i] = lo[i] = hi[i] = Double.NaN;
            else m[i] = sum / count;
        }
        return new Band(metric, m, lo, hi, runs, step, lastEpoch);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
