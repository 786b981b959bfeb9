package dev.trainspec.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the parity suite accepts between the Java engine and PyTorch, per metric: float32 rounding
 * (fused multiply-adds, exp/tanh last bits, sums in double) compounds over epochs, so values are
 * compared relatively; counts (accuracy, shares, fractions) are compared absolutely, where one
 * row or unit on the other side of a boundary moves them by 1/rows or 1/units.
 */
final class Tolerances {
    private Tolerances() {}

    /** Largest relative difference of a real-valued metric. */
    static final double RELATIVE = 1e-3;
    /** Largest absolute difference of a count-based metric. */
    static final double COUNTS = 0.05;
    /** Metrics compared absolutely. */
    private static final List<String> COUNT_METRICS = List.of("train.accuracy", "test.accuracy", "train.running_accuracy",
            "train.max_class_share", "test.max_class_share", "dead_relu_fraction", "saturated_fraction");

    static boolean isCount(String metric) {
        return COUNT_METRICS.contains(metric);
    }

    static List<String> misses(HistoryDiff diff) {
        List<String> out = new ArrayList<>();
        if (!diff.sameEpochs()) out.add("the runs stopped after different numbers of epochs");
        for (Map.Entry<String, double[]> e : diff.byMetric().entrySet()) {
            String m = e.getKey();
            boolean count = isCount(m);
            double found = count ? e.getValue()[HistoryDiff.ABS] : e.getValue()[HistoryDiff.REL];
            double limit = count ? COUNTS : RELATIVE;
            if (!(found <= limit)) {
                out.add(String.format(Locale.ROOT, "%s differs by %s %.3g > %.3g", m, count ? "" : "relative", found, limit));
            }
        }
        return out;
    }
}
