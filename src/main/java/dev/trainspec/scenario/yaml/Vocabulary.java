package dev.trainspec.scenario.yaml;

import java.util.ArrayList;
import java.util.List;

/** The fixed words of scenarios/README.md sections 3, 4 and 6: metrics, aggregates, baselines, diagnoses. */
final class Vocabulary {
    private Vocabulary() {}

    static final String BASE = "base";
    static final List<String> SPLITS = List.of("train", "test");
    // Section 3's names first; after them what the diagnosis records (max_class_share: the largest
    // share of rows predicted as one class; per-layer gradient norms; sigmoid/tanh saturation).
    static final List<String> TRAIN_METRICS = List.of("loss", "accuracy", "running_loss", "running_accuracy", "r2", "mae",
            "max_class_share");
    static final List<String> TEST_METRICS = List.of("loss", "accuracy", "r2", "mae", "max_class_share");
    /** Metrics with no split. */
    static final List<String> GLOBAL_METRICS = List.of("grad_norm", "weight_norm", "lr", "dead_relu_fraction", "max_abs_logit",
            "first_layer_grad_norm", "last_layer_grad_norm", "saturated_fraction");
    static final List<String> AGGREGATES = List.of("mean", "median", "min", "max", "std");
    static final List<String> BASELINES = List.of("logistic_regression", "linear_svm", "majority_class");
    /** What a classical baseline reports, per split: {@code logistic_regression.test.accuracy}. */
    static final List<String> BASELINE_METRICS = List.of("accuracy", "r2", "mae");
    static final List<String> TESTS = List.of("welch", "mann_whitney");
    static final List<String> DIAGNOSES = List.of("unnormalized_inputs", "missing_bias", "softmax_before_cross_entropy",
            "sigmoid_before_bce_with_logits", "mse_for_classification", "non_finite", "accuracy_collapse", "plateau",
            "learning_rate_too_high", "learning_rate_too_low", "dead_relu", "saturated_activations",
            "vanishing_gradients", "exploding_gradients", "dropout_train_eval_gap", "below_linear_baseline",
            "majority_class_only", "batch_norm_batch_size_1", "unshuffled_sorted_labels");
    /** Words of the expectation grammar; a variant with such a name could not be referred to. */
    static final List<String> KEYWORDS = List.of("at", "epoch", "epochs", "best", "within", "diagnosis", "includes",
            "excludes", "p");

    static List<String> metricsOf(String split) {
        return split.equals("train") ? TRAIN_METRICS : TEST_METRICS;
    }

    /** Every full metric name: train.loss, ..., test.mae, grad_norm, ... */
    static List<String> metricNames() {
        List<String> names = new ArrayList<>();
        for (String split : SPLITS) for (String m : metricsOf(split)) names.add(split + "." + m);
        names.addAll(GLOBAL_METRICS);
        return names;
    }

    /** Names a variant may not take: they would read as another part of an expectation. */
    static boolean reserved(String name) {
        return reservedNames().contains(name);
    }

    static List<String> reservedNames() {
        List<String> names = new ArrayList<>(List.of(BASE));
        for (List<String> words : List.of(SPLITS, GLOBAL_METRICS, AGGREGATES, BASELINES, KEYWORDS)) names.addAll(words);
        return names;
    }
}
