package dev.trainspec.check.diagnosis;

import static dev.trainspec.check.Numbers.format;

import dev.trainspec.engine.train.History;
import dev.trainspec.engine.train.Metric;
import dev.trainspec.run.RunResult;

/** Rules on what flowed backwards: NaN/infinity, gradients that blow up, gradients that die before the first layer. */
final class GradientRules {
    /** grad_norm this many times its first-epoch value (or this large outright) has exploded. */
    static final double EXPLODED_GROWTH = 100;
    static final double EXPLODED_NORM = 1e4;
    /** The first layer's gradient below this fraction of the last layer's has vanished on the way back. */
    static final double VANISHED_RATIO = 1e-3;

    private GradientRules() {}

    static Hit nonFinite(Subject s, RunResult run) {
        if (run.training().firstNonFinite() == null) return null;
        return Hit.error("NaN or infinity first at " + run.training().firstNonFinite());
    }

    static Hit exploding(Subject s, RunResult run) {
        History h = run.training().history();
        if (!h.has(Metric.GRAD_NORM)) return null;
        double[] g = h.series(Metric.GRAD_NORM);
        double first = g[0];
        // the first non-finite epoch is the one to report (as non_finite does); among finite values the largest.
        // A plain "larger than the peak so far" test would keep moving past a NaN, since nothing compares with it.
        int peakAt = 0;
        for (int i = 0; i < g.length; i++) {
            if (!Double.isFinite(g[i])) {
                peakAt = i;
                break;
            }
            if (g[i] > g[peakAt]) peakAt = i;
        }
        double peak = g[peakAt];
        if (!Double.isFinite(peak)) {
            return Hit.error("the gradient norm became " + format(peak) + " in epoch " + (peakAt + 1) + " (epoch 1: " + format(first) + ")");
        }
        if (peak >= EXPLODED_NORM || (first > 0 && peak >= EXPLODED_GROWTH * first)) {
            return Hit.error("the mean gradient norm reached " + format(peak) + " in epoch " + (peakAt + 1) + ", " + format(peak / first)
                    + "x its epoch-1 value " + format(first));
        }
        return null;
    }

    static Hit vanishing(Subject s, RunResult run) {
        History h = run.training().history();
        if (!h.has(Metric.FIRST_LAYER_GRAD_NORM) || h.epochs() == 0) return null;
        // dead ReLUs also starve the first layer, but they have their own finding and remedy
        if (h.has(Metric.DEAD_RELU_FRACTION) && h.last(Metric.DEAD_RELU_FRACTION) >= UnitRules.DEAD) return null;
        double[] first = h.series(Metric.FIRST_LAYER_GRAD_NORM);
        double[] last = h.series(Metric.LAST_LAYER_GRAD_NORM);
        double[] ratio = new double[first.length];
        for (int i = 0; i < ratio.length; i++) ratio[i] = last[i] > 0 ? first[i] / last[i] : Double.NaN;
        double median = Curve.median(ratio);
        if (!(median < VANISHED_RATIO)) return null;
        return Hit.warning("the first layer's gradient norm is " + format(median) + " times the last layer's (median over "
                + ratio.length + " epochs; epoch 1: " + format(first[0]) + " vs " + format(last[0]) + "): the early layers barely learn");
    }
}
