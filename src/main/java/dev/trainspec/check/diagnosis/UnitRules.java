package dev.trainspec.check.diagnosis;

import static dev.trainspec.check.Numbers.format;

import dev.trainspec.engine.train.History;
import dev.trainspec.engine.train.Metric;
import dev.trainspec.run.RunResult;
import dev.trainspec.scenario.LayerSpec;

/** Rules on the hidden units: dead ReLUs, saturated sigmoid/tanh units, dropout's train/eval difference. */
final class UnitRules {
    static final double DEAD = 0.5;
    static final double SATURATED = 0.5;
    static final double DROPOUT_GAP = 0.05;

    private UnitRules() {}

    static Hit deadRelu(Subject s, RunResult run) {
        History h = run.training().history();
        if (!h.has(Metric.DEAD_RELU_FRACTION) || run.training().firstNonFinite() != null) return null;
        double dead = h.last(Metric.DEAD_RELU_FRACTION);
        if (!(dead >= DEAD)) return null;
        double start = h.at(Metric.DEAD_RELU_FRACTION, 1);
        return Hit.warning(CurveRules.percent(dead) + " of ReLU units output 0 on every training row after the last epoch"
                + " (" + CurveRules.percent(start) + " after epoch 1): they get no gradient and never recover");
    }

    /**
     * Saturated hidden units learn slowly, which matters when the model has not learned: flagged
     * when most outputs saturate in most epochs, or at the end while the loss is still high.
     */
    static Hit saturated(Subject s, RunResult run) {
        History h = run.training().history();
        if (!h.has(Metric.SATURATED_FRACTION) || run.training().firstNonFinite() != null || h.epochs() == 0) return null;
        double first = h.at(Metric.SATURATED_FRACTION, 1);
        double last = h.last(Metric.SATURATED_FRACTION);
        double chance = s.chanceLoss();
        boolean unlearned = !Double.isNaN(chance) && h.last(Metric.TRAIN_LOSS) >= 0.3 * chance;
        double typical = Curve.median(h.series(Metric.SATURATED_FRACTION));
        if (!(typical >= SATURATED) && !(last >= SATURATED && unlearned)) return null;
        return Hit.warning(CurveRules.percent(last) + " of hidden sigmoid/tanh outputs sit within 0.01 of an asymptote on the"
                + " training rows (" + CurveRules.percent(first) + " after epoch 1; train loss " + format(h.last(Metric.TRAIN_LOSS))
                + "): their gradient is under 4% of its peak");
    }

    static Hit dropoutGap(Subject s, RunResult run) {
        if (s.model().stream().noneMatch(l -> l instanceof LayerSpec.Dropout)) return null;
        History h = run.training().history();
        if (!h.has(Metric.RUNNING_ACCURACY) || !h.has(Metric.TRAIN_ACCURACY)) return null;
        // averaged over the last third of the epochs: one epoch's batches are noisy
        int from = h.epochs() - Math.max(1, h.epochs() / 3);
        double[] e = h.series(Metric.TRAIN_ACCURACY);
        double[] r = h.series(Metric.RUNNING_ACCURACY);
        double eval = 0;
        double running = 0;
        for (int i = from; i < h.epochs(); i++) {
            eval += e[i] / (h.epochs() - from);
            running += r[i] / (h.epochs() - from);
        }
        if (!(eval - running >= DROPOUT_GAP)) return null;
        return Hit.info("train accuracy is " + format(running) + " in train mode (dropout on, averaged over the batches of the last "
                + (h.epochs() - from) + " epochs) but " + format(eval) + " in eval mode on the same rows");
    }
}
