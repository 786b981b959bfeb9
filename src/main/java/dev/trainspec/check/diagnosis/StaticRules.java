package dev.trainspec.check.diagnosis;

import static dev.trainspec.check.Numbers.format;

import dev.trainspec.check.Finding;
import dev.trainspec.check.Finding.Severity;
import dev.trainspec.run.DataFacts;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.LayerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Findings that need no training: read from the scenario (model, loss, train settings) and the
 * data's facts. They hold whatever the runs did, so they are reported even when a variant could
 * not run (batch_norm on a batch of one row stops training before the first step).
 */
public final class StaticRules {
    /** Inputs further from zero than this (|mean| or std, any feature) are "unnormalised". */
    static final double UNNORMALIZED_SCALE = 5.0;
    /** Features whose standard deviations differ by more than this factor are on different scales. */
    static final double SCALE_RATIO = 100.0;

    private static final List<Function<Subject, Finding>> RULES = List.of(
            StaticRules::unnormalizedInputs, StaticRules::missingBias, StaticRules::softmaxBeforeCrossEntropy,
            StaticRules::sigmoidBeforeBceWithLogits, StaticRules::mseForClassification, StaticRules::batchNormBatchSize1,
            StaticRules::unshuffledSortedLabels);

    private StaticRules() {}

    public static List<Finding> of(VariantResult r) {
        Subject s = Subject.of(r);
        List<Finding> out = new ArrayList<>();
        RULES.stream().map(rule -> rule.apply(s)).filter(Objects::nonNull).forEach(out::add);
        return out;
    }

    static Finding unnormalizedInputs(Subject s) {
        DataFacts data = s.data();
        if (data == null || data.preprocessed().isEmpty()) return null;
        if (!s.model().isEmpty() && s.model().get(0) instanceof LayerSpec.BatchNorm) return null; // batch_norm first standardises per batch
        double mean = DataFacts.maxAbsMean(data.preprocessed());
        double std = DataFacts.maxStd(data.preprocessed());
        double minStd = data.preprocessed().stream().mapToDouble(DataFacts.FeatureStats::std).filter(v -> v > 0).min().orElse(std);
        boolean far = mean > UNNORMALIZED_SCALE || std > UNNORMALIZED_SCALE;
        boolean uneven = minStd > 0 && std / minStd > SCALE_RATIO;
        if (!far && !uneven) return null;
        String evidence = "inputs reach the model with max |mean| " + format(mean) + " and max std " + format(std) + " per feature"
                + (uneven ? " (std ranges from " + format(minStd) + " to " + format(std) + ")" : "")
                + "; the default initialisation assumes values near 0 with unit spread";
        return new Finding("unnormalized_inputs", Severity.WARNING, evidence,
                "standardise the inputs (preprocess: standard_scaler) or put batch_norm first");
    }

    static Finding missingBias(Subject s) {
        long linear = s.model().stream().filter(l -> l instanceof LayerSpec.Linear).count();
        long noBias = s.model().stream().filter(l -> l instanceof LayerSpec.Linear lin && !lin.bias()).count();
        boolean batchNorm = s.model().stream().anyMatch(l -> l instanceof LayerSpec.BatchNorm);
        if (noBias == 0 || noBias < linear || batchNorm) return null;
        double mean = s.data() == null ? Double.NaN : DataFacts.maxAbsMean(s.data().preprocessed());
        return new Finding("missing_bias", Severity.WARNING, noBias + " of " + linear + " linear layers have no bias and there is no"
                + " batch_norm: every unit's boundary passes through the origin" + (Double.isNaN(mean) ? "" : ", while the inputs'"
                + " feature means reach " + format(mean)), "keep bias: true on the linear layers (the default)");
    }

    static Finding softmaxBeforeCrossEntropy(Subject s) {
        if (!endsWith(s, "softmax")) return null;
        String loss = s.loss();
        boolean probabilities = "probabilities".equals(s.scenario().loss().params().values().get("input"));
        if (!loss.equals("cross_entropy") && !loss.equals("nll")) return null;
        String what = probabilities ? "cross_entropy on probabilities takes -log p, which is infinite once p rounds to 0 in float32"
                : loss.equals("nll") ? "nll expects log-probabilities, not probabilities"
                : "cross_entropy applies log-softmax again, so the model's softmax is applied twice and gradients shrink";
        return new Finding("softmax_before_cross_entropy", probabilities ? Severity.WARNING : Severity.ERROR,
                "the model ends in softmax and the loss is " + loss + ": " + what,
                "remove the softmax layer and use cross_entropy on logits (the fused, stable log-softmax)");
    }

    static Finding sigmoidBeforeBceWithLogits(Subject s) {
        if (!endsWith(s, "sigmoid") || !s.loss().equals("bce_with_logits")) return null;
        return new Finding("sigmoid_before_bce_with_logits", Severity.ERROR,
                "the model ends in sigmoid and bce_with_logits applies another: outputs squeezed into (0.5, 0.73), loss never below 0.31",
                "remove the final sigmoid layer (bce_with_logits expects logits)");
    }

    static Finding mseForClassification(Subject s) {
        if (!s.loss().equals("mse") || s.classes() == 0) return null;
        return new Finding("mse_for_classification", Severity.WARNING, "mse on one-hot targets for a " + s.classes()
                + "-class problem: its gradient vanishes for confidently wrong outputs and it ignores that classes exclude each other",
                "use cross_entropy on logits (or bce_with_logits with one output for two classes)");
    }

    /**
     * PyTorch refuses to train batch_norm on one value per channel: a batch of one flat row. A row
     * of shape [C, L > 1] holds L values per channel, so a batch of one such row trains; the rule
     * holds when some batch_norm reads one value per channel from each row.
     */
    static Finding batchNormBatchSize1(Subject s) {
        if (!s.batchNormOnOneValuePerRow()) return null;
        int batch = s.scenario().train().batchSize();
        int rows = s.data() == null ? -1 : s.data().trainRows();
        if (batch == 1) {
            return new Finding("batch_norm_batch_size_1", Severity.ERROR, "batch_norm with batch_size 1: the batch variance of one row is 0,"
                    + " so every output is its bias (PyTorch refuses to train)", "use a batch size of at least 2 (better 16+) or remove batch_norm");
        }
        if (batch > 1 && rows > batch && rows % batch == 1) {
            return new Finding("batch_norm_batch_size_1", Severity.ERROR, "batch_norm and " + rows + " training rows in batches of " + batch
                    + ": the last batch of every epoch has 1 row (" + rows + " % " + batch + " = 1)",
                    "pick a batch size that leaves more than one row in the last batch, or remove batch_norm");
        }
        return null;
    }

    static Finding unshuffledSortedLabels(Subject s) {
        DataFacts data = s.data();
        int batch = s.scenario().train().batchSize();
        if (data == null || !data.labelsSorted() || s.scenario().train().shuffle() || batch == 0 || batch >= data.trainRows()) return null;
        return new Finding("unshuffled_sorted_labels", Severity.WARNING, "the " + data.trainRows() + " training rows are sorted by label and"
                + " shuffle is false: batches of " + batch + " hold one class each, so every step pulls towards that class",
                "set train.shuffle: true (or split with shuffle)");
    }

    private static boolean endsWith(Subject s, String activation) {
        List<LayerSpec> m = s.model();
        return !m.isEmpty() && m.get(m.size() - 1) instanceof LayerSpec.Activation a && a.name().equals(activation);
    }
}
