package dev.trainspec.export;

import dev.trainspec.engine.train.History;
import dev.trainspec.run.RunResult;
import dev.trainspec.run.VariantResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far PyTorch's per-epoch histories are from the Java engine's, per metric, over every run
 * and epoch of a variant: the largest absolute difference and the largest relative one
 * (|a - b| / max(|a|, |b|)). NaN against NaN counts as equal; NaN against a number as infinite.
 */
record HistoryDiff(int runs, int epochs, Map<String, double[]> byMetric, boolean sameEpochs) {
    static final int ABS = 0;
    static final int REL = 1;

    static HistoryDiff of(VariantResult java, VariantResult torch) {
        Map<String, double[]> by = new LinkedHashMap<>();
        boolean sameEpochs = java.runs().size() == torch.runs().size();
        int epochs = 0;
        for (int r = 0; r < Math.min(java.runs().size(), torch.runs().size()); r++) {
            History a = java.runs().get(r).training().history();
            History b = torch.runs().get(r).training().history();
            sameEpochs &= a.epochs() == b.epochs();
            epochs = Math.max(epochs, a.epochs());
            for (String name : a.names()) {
                if (!b.has(name)) continue;
                double[] x = a.series(name);
                double[] y = b.series(name);
                double[] d = by.computeIfAbsent(name, k -> new double[2]);
                for (int e = 0; e < Math.min(x.length, y.length); e++) {
                    double abs = difference(x[e], y[e]);
                    double scale = Math.max(Math.abs(x[e]), Math.abs(y[e]));
                    d[ABS] = Math.max(d[ABS], abs);
                    d[REL] = Math.max(d[REL], abs == 0 ? 0 : abs / scale);
                }
            }
        }
        return new HistoryDiff(java.runs().size(), epochs, by, sameEpochs);
    }

    private static double difference(double a, double b) {
        if (Double.isNaN(a) && Double.isNaN(b)) return 0;
        if (a == b) return 0;
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isInfinite(a) || Double.isInfinite(b)) return Double.POSITIVE_INFINITY;
        return Math.abs(a - b);
    }

    double abs(String metric) {
        double[] d = byMetric.get(metric);
        return d == null ? Double.NaN : d[ABS];
    }

    double rel(String metric) {
        double[] d = byMetric.get(metric);
        return d == null ? Double.NaN : d[REL];
    }

    /** The first epoch's training loss of every run: it depends on the initial weights and the batch order. */
    static double firstEpochRel(List<RunResult> java, List<RunResult> torch, String metric) {
        double worst = 0;
        for (int r = 0; r < Math.min(java.size(), torch.size()); r++) {
            double a = java.get(r).training().history().at(metric, 1);
            double b = torch.get(r).training().history().at(metric, 1);
            double abs = difference(a, b);
            worst = Math.max(worst, abs == 0 ? 0 : abs / Math.max(Math.abs(a), Math.abs(b)));
        }
        return worst;
    }
}
