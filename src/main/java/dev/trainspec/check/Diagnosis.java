package dev.trainspec.check;

import static dev.trainspec.check.Numbers.format;

import dev.trainspec.check.Finding.Severity;
import dev.trainspec.engine.train.History;
import dev.trainspec.engine.train.Metric;
import dev.trainspec.run.DataFacts;
import dev.trainspec.run.RunResult;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.LayerSpec;
import dev.trainspec.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Says why a run went wrong (SCENARIOS.md section 6): static findings from the scenario and the
 * data's facts, dynamic ones from the recorded history. Each finding carries the numbers it rests
 * on and one sentence of advice.
 */
public final class Diagnosis {
    /** Inputs further from zero than this (|mean| or std, any feature) are "unnormalised". */
    static final double UNNORMALIZED_SCALE = 5.0;

    private Diagnosis() {}

    public static List<Finding> of(VariantResult r) {
        List<Finding> out = new ArrayList<>();
        Scenario s = r.scenario();
        staticFindings(s, r.data(), out);
        dynamicFindings(r, out);
        return out;
    }

    private static void staticFindings(Scenario s, DataFacts data, List<Finding> out) {
        List<LayerSpec> model = s.model();
        String loss = s.loss().name();
        boolean probabilities = "probabilities".equals(s.loss().params().values().get("input"));
        LayerSpec last = model.isEmpty() ? null : model.get(model.size() - 1);
        if (data != null && !data.preprocessed().isEmpty()) {
            double mean = DataFacts.maxAbsMean(data.preprocessed());
            double std = DataFacts.maxStd(data.preprocessed());
            boolean firstIsBatchNorm = !model.isEmpty() && model.get(0) instanceof LayerSpec.BatchNorm;
            if ((mean > UNNORMALIZED_SCALE || std > UNNORMALIZED_SCALE) && !firstIsBatchNorm) {
                out.add(new Finding("unnormalized_inputs", Severity.WARNING,
                        "inputs reach the model with max |mean| " + format(mean) + " and max std " + format(std) + " per feature",
                        "standardise the inputs (preprocess: standard_scaler) or put batch_norm first"));
            }
        }
        boolean anyBias = model.stream().anyMatch(l -> l instanceof LayerSpec.Linear lin && lin.bias());
        long noBias = model.stream().filter(l -> l instanceof LayerSpec.Linear lin && !lin.bias()).count();
        if (noBias > 0 && !anyBias && model.stream().noneMatch(l -> l instanceof LayerSpec.BatchNorm)) {
            out.add(new Finding("missing_bias", Severity.WARNING,
                    noBias + " linear layer(s) without bias and no batch_norm: every decision boundary passes through the origin",
                    "keep bias: true on linear layers"));
        }
        if (last instanceof LayerSpec.Activation a && a.name().equals("softmax") && (loss.equals("cross_entropy") || loss.equals("nll"))) {
            out.add(new Finding("softmax_before_cross_entropy", probabilities ? Severity.WARNING : Severity.ERROR,
                    "the model ends in softmax and the loss is " + loss + (probabilities ? " on probabilities (-log p, unstable at p = 0)" : " (softmax applied twice)"),
                    "remove the softmax layer and use cross_entropy on logits (fused log-softmax)"));
        }
        if (last instanceof LayerSpec.Activation a && a.name().equals("sigmoid") && loss.equals("bce_with_logits")) {
            out.add(new Finding("sigmoid_before_bce_with_logits", Severity.ERROR,
                    "the model ends in sigmoid and bce_with_logits applies another sigmoid",
                    "remove the final sigmoid layer (bce_with_logits expects logits)"));
        }
        if (loss.equals("mse") && data != null && data.classes() > 0) {
            out.add(new Finding("mse_for_classification", Severity.WARNING,
                    "mse on one-hot targets for a " + data.classes() + "-class problem",
                    "use cross_entropy on logits (or bce_with_logits for two classes)"));
        }
        boolean batchNorm = model.stream().anyMatch(l -> l instanceof LayerSpec.BatchNorm);
        if (batchNorm && s.train().batchSize() == 1) {
            out.add(new Finding("batch_norm_batch_size_1", Severity.ERROR, "batch_norm with batch_size 1: the batch variance is 0",
                    "use a batch size of at least 2 (better 16+) or remove batch_norm"));
        }
        if (data != null && data.labelsSorted() && !s.train().shuffle() && s.train().batchSize() != 0 && s.train().batchSize() < data.trainRows()) {
            out.add(new Finding("unshuffled_sorted_labels", Severity.WARNING,
                    "training labels are sorted and shuffle is false: each minibatch holds one class",
                    "set train.shuffle: true"));
        }
    }

    private static void dynamicFindings(VariantResult r, List<Finding> out) {
        if (r.runs().isEmpty()) return;
        int nonFinite = 0;
        String first = null;
        int collapsed = 0;
        String collapseEvidence = null;
        int deadRelu = 0;
        double deadMax = 0;
        int trainEvalGap = 0;
        double gapMax = 0;
        DataFacts data = r.data();
        int classes = data == null ? 0 : data.classes();
        double chance = classes > 0 ? 1.0 / classes : 0;
        boolean dropout = r.scenario().model().stream().anyMatch(l -> l instanceof LayerSpec.Dropout);
        for (RunResult run : r.runs()) {
            History h = run.training().history();
            if (run.training().firstNonFinite() != null) {
                nonFinite++;
                if (first == null) first = "seed " + run.seed() + ", " + run.training().firstNonFinite();
            }
            if (classes > 0 && h.has(Metric.TEST_ACCURACY)) {
                double peak = max(h.series(Metric.TEST_ACCURACY));
                double last = h.last(Metric.TEST_ACCURACY);
                if (peak >= chance + 0.2 && last <= chance + 0.1) {
                    collapsed++;
                    if (collapseEvidence == null) collapseEvidence = "seed " + run.seed() + ": test accuracy peaked at " + format(peak)
                            + " then fell to " + format(last) + " (chance " + format(chance) + ")";
                }
            }
            if (h.has(Metric.DEAD_RELU_FRACTION) && h.last(Metric.DEAD_RELU_FRACTION) >= 0.5) {
                deadRelu++;
                deadMax = Math.max(deadMax, h.last(Metric.DEAD_RELU_FRACTION));
            }
            if (dropout && h.has(Metric.RUNNING_ACCURACY)) {
                double gap = h.last(Metric.TRAIN_ACCURACY) - h.last(Metric.RUNNING_ACCURACY);
                if (gap >= 0.1) {
                    trainEvalGap++;
                    gapMax = Math.max(gapMax, gap);
                }
            }
        }
        int runs = r.runs().size();
        if (nonFinite > 0) {
            out.add(new Finding("non_finite", Severity.ERROR, "NaN or infinity in " + nonFinite + " of " + runs + " runs; first at " + first,
                    "lower the learning rate, clip gradients, or use the fused cross_entropy / bce_with_logits on logits"));
        }
        if (collapsed > 0) {
            out.add(new Finding("accuracy_collapse", Severity.ERROR, collapsed + " of " + runs + " runs collapsed to chance; " + collapseEvidence,
                    "lower the learning rate (or add gradient clipping): the network was learning before it diverged"));
        }
        if (deadRelu > 0) {
            out.add(new Finding("dead_relu", Severity.WARNING, "up to " + format(deadMax) + " of ReLU units output zero on every training row in "
                    + deadRelu + " of " + runs + " runs", "use leaky_relu, a lower learning rate, or a smaller initialisation"));
        }
        if (trainEvalGap > 0) {
            out.add(new Finding("dropout_train_eval_gap", Severity.INFO, "running (train-mode) accuracy is up to " + format(gapMax)
                    + " below eval-mode train accuracy in " + trainEvalGap + " of " + runs + " runs",
                    "compare eval-mode metrics: dropout lowers accuracy measured in train mode, not the model's"));
        }
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) m = Math.max(m, x);
        return m;
    }
}
