package dev.trainspec.check.diagnosis;

import static dev.trainspec.check.Numbers.format;

import dev.trainspec.engine.train.History;
import dev.trainspec.engine.train.Metric;
import dev.trainspec.run.RunResult;

/** Rules on where a run ended: fallen back to chance, one class for everything, worse than a linear model. */
final class OutcomeRules {
    /** Predicting one class for at least this share of test rows is "one class only". */
    static final double ONE_CLASS = 0.98;
    /**
     * Test accuracy below the best linear baseline by at least this much counts, or by two
     * standard errors of an accuracy on the test split when that is more (small test splits).
     */
    static final double BELOW_BASELINE = 0.01;

    private OutcomeRules() {}

    static Hit accuracyCollapse(Subject s, RunResult run) {
        History h = run.training().history();
        double chance = s.chanceAccuracy();
        if (Double.isNaN(chance) || !h.has(Metric.TEST_ACCURACY)) return null;
        double[] acc = h.series(Metric.TEST_ACCURACY);
        int peakAt = 0;
        for (int i = 0; i < acc.length; i++) if (acc[i] > acc[peakAt]) peakAt = i;
        double peak = acc[peakAt];
        double last = acc[acc.length - 1];
        double room = 1 - chance;
        if (!(peak >= chance + 0.4 * room && last <= chance + 0.1 * room)) return null;
        return Hit.error("test accuracy reached " + format(peak) + " in epoch " + (peakAt + 1) + " then fell to " + format(last)
                + " (chance " + format(chance) + ")");
    }

    static Hit majorityClassOnly(Subject s, RunResult run) {
        History h = run.training().history();
        double chance = s.chanceAccuracy();
        // on the training rows, whose class counts are known (a test split may hold one class)
        if (Double.isNaN(chance) || chance > 0.9 || !h.has(Metric.TRAIN_MAX_CLASS_SHARE)) return null;
        double share = h.last(Metric.TRAIN_MAX_CLASS_SHARE);
        if (!(share >= ONE_CLASS)) return null;
        double accuracy = h.last(Metric.TRAIN_ACCURACY);
        // all on one class, the accuracy is that class's share: below the largest class's share, it is another class
        String which = accuracy < chance - 1e-9 ? " (train accuracy " + format(accuracy) + ": not the largest class, which holds "
                : " (train accuracy " + format(accuracy) + ": the largest class, which holds ";
        return Hit.error("the model predicts one class for " + CurveRules.percent(share) + " of training rows" + which
                + CurveRules.percent(chance) + ")");
    }

    static Hit belowLinearBaseline(Subject s, RunResult run) {
        History h = run.training().history();
        boolean classification = h.has(Metric.TEST_ACCURACY);
        String metric = classification ? Metric.TEST_ACCURACY : Metric.TEST_R2;
        Subject.Baseline b = s.bestLinear(metric);
        if (b == null || !h.has(metric)) return null;
        double own = h.last(metric);
        double margin = BELOW_BASELINE;
        if (classification && s.data() != null && s.data().testRows() > 0) {
            double p = Math.min(Math.max(b.value(), 0), 1);
            margin = Math.max(margin, 2 * Math.sqrt(p * (1 - p) / s.data().testRows()));
        }
        if (!(own < b.value() - margin) && !Double.isNaN(own)) return null;
        return Hit.warning(metric + " " + format(own) + " vs " + b.name() + " " + format(b.value()) + " on the same split ("
                + format((b.value() - own) * 100) + " points below a linear model)");
    }
}
