package dev.trainspec.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small scenarios that together use every word of the language once: each layer and init, loss,
 * optimizer, schedule, generator, csv, preprocessing step, split and train option. Each is the
 * base recipe (2-8-classes ReLU MLP on 200 moons, SGD with momentum, 8 epochs, 2 seeds) with one
 * or a few top-level keys replaced, so a difference from PyTorch points at the word.
 */
final class VocabularyMatrix {
    private VocabularyMatrix() {}

    static final Map<String, String> BASE = base();
    private static final String HIDDEN = "{linear: 8}";
    private static final String OUT = "{linear: classes}";

    private static Map<String, String> base() {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("seed", "0");
        b.put("data", "{make_moons: {n_samples: 200, noise: 0.2, random_state: 1}, preprocess: standard_scaler, split: {test_size: 0.25, random_state: 1}}");
        b.put("model", "[" + HIDDEN + ", relu, " + OUT + "]");
        b.put("loss", "cross_entropy");
        b.put("optimizer", "{sgd: {lr: 0.1, momentum: 0.9}}");
        b.put("train", "{epochs: 8, batch_size: 16}");
        b.put("repeat", "2");
        return b;
    }

    record Case(String name, Map<String, String> keys) {
        String yaml() {
            Map<String, String> all = new LinkedHashMap<>(BASE);
            all.putAll(keys);
            StringBuilder sb = new StringBuilder("title: \"vocabulary matrix: " + name + "\"\n");
            all.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
            return sb.toString();
        }
    }

    private static Case c(String name, String... keyValues) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) keys.put(keyValues[i], keyValues[i + 1]);
        return new Case(name, keys);
    }

    private static String model(String... layers) {
        return "[" + String.join(", ", layers) + "]";
    }

    private static String moons(String preprocess, String split) {
        return "{make_moons: {n_samples: 200, noise: 0.2, random_state: 1}, preprocess: " + preprocess + ", split: " + split + "}";
    }

    /** A bundled dataset (section 8.3), standardised, with a stratified split. */
    private static String bundled(String loader) {
        return "{" + loader + ", preprocess: standard_scaler, split: {test_size: 0.25, random_state: 1, stratify: true}}";
    }

    /** Digits 0-3 (720 8x8 images) for the layers over shaped rows (section 8.4). */
    private static final String DIGITS = bundled("load_digits: {n_class: 4}");
    /**
     * On 64 standardised pixels the base step (lr 0.1, momentum 0.9) diverges within a few epochs
     * (loss 0.1 to 7 and more), where any two float32 implementations part: a smaller one keeps
     * the digits cases about the word, not about chaos.
     */
    private static final String DIGITS_SGD = "{sgd: {lr: 0.02, momentum: 0.9}}";

    private static String init(String init) {
        return model("{linear: {out: 8, init: " + init + "}}", "relu", OUT);
    }

    static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        all.add(c("base"));
        // layers
        all.add(c("leaky_relu", "model", model(HIDDEN, "{leaky_relu: 0.1}", OUT)));
        all.add(c("prelu", "model", model(HIDDEN, "prelu", OUT)));
        all.add(c("prelu_per_unit", "model", model(HIDDEN, "{prelu: {num_parameters: 8, init: 0.1}}", OUT)));
        all.add(c("sigmoid", "model", model(HIDDEN, "sigmoid", OUT)));
        all.add(c("tanh", "model", model(HIDDEN, "tanh", HIDDEN, "tanh", OUT)));
        all.add(c("dropout", "model", model(HIDDEN, "relu", "{dropout: 0.3}", OUT)));
        all.add(c("batch_norm", "model", model(HIDDEN, "batch_norm", "relu", OUT)));
        all.add(c("no_bias", "model", model("{linear: {out: 8, bias: false}}", "relu", OUT)));
        all.add(c("gelu", "model", model(HIDDEN, "gelu", OUT)));
        all.add(c("log_softmax", "model", model(HIDDEN, "relu", OUT, "log_softmax"), "loss", "nll"));
        all.add(c("layer_norm", "model", model(HIDDEN, "{layer_norm: {eps: 0.001, elementwise_affine: false}}", "relu", OUT)));
        // shaped rows; no conv bias right before layer_norm, which would cancel it
        all.add(c("layer_norm_shaped", "data", DIGITS, "optimizer", DIGITS_SGD, "model", model("{unflatten: [1, 8, 8]}",
                "{conv2d: {out_channels: 4, kernel_size: 3, bias: false}}", "layer_norm", "relu", "flatten", OUT)));
        all.add(c("conv2d_max_pool", "data", DIGITS, "optimizer", DIGITS_SGD, "model", model("{unflatten: [1, 8, 8]}", "{conv2d: {out_channels: 4, kernel_size: 3}}",
                "relu", "{max_pool2d: 2}", "flatten", OUT)));
        all.add(c("conv2d_strided_avg_pool", "data", DIGITS, "optimizer", DIGITS_SGD, "model", model("{unflatten: [1, 8, 8]}",
                "{conv2d: {out_channels: 4, kernel_size: 3, stride: 2, padding: 1, bias: false}}", "tanh",
                "{avg_pool2d: {kernel_size: 2, stride: 1}}", "flatten", OUT)));
        all.add(c("conv1d", "data", DIGITS, "optimizer", DIGITS_SGD, "model", model("{unflatten: [4, 16]}",
                "{conv1d: {out_channels: 3, kernel_size: 5, stride: 2, padding: 2}}", "relu", "flatten", OUT)));
        all.add(c("softmax_probabilities", "model", model(HIDDEN, "relu", OUT, "softmax"), "loss", "{cross_entropy: {input: probabilities}}"));
        // inits
        all.add(c("init_uniform", "model", init("{uniform: [-0.3, 0.3]}")));
        all.add(c("init_normal", "model", init("{normal: [0, 0.2]}")));
        all.add(c("init_constant", "model", init("{constant: 0.05}")));
        all.add(c("init_zeros", "model", model(HIDDEN, "relu", "{linear: {out: classes, init: zeros}}")));
        all.add(c("init_xavier_uniform", "model", init("{xavier_uniform: {gain: 1.5}}")));
        all.add(c("init_xavier_normal", "model", init("xavier_normal")));
        all.add(c("init_kaiming_uniform", "model", init("kaiming_uniform")));
        all.add(c("init_kaiming_normal", "model", init("{kaiming_normal: {mode: fan_out, nonlinearity: relu}}")));
        all.add(c("init_pytorch", "model", init("pytorch")));
        // losses
        all.add(c("nll", "loss", "nll"));
        all.add(c("bce_with_logits", "loss", "bce_with_logits"));
        all.add(c("bce", "model", model(HIDDEN, "relu", OUT, "sigmoid"), "loss", "bce"));
        all.add(c("mse", "loss", "mse"));
        all.add(c("hinge", "loss", "hinge"));
        // optimizers
        all.add(c("sgd_nesterov", "optimizer", "{sgd: {lr: 0.05, momentum: 0.9, nesterov: true, weight_decay: 0.001}}"));
        all.add(c("sgd_dampening", "optimizer", "{sgd: {lr: 0.1, momentum: 0.9, dampening: 0.1}}"));
        all.add(c("sgd_plain", "optimizer", "{sgd: {lr: 0.3}}"));
        all.add(c("adam", "optimizer", "{adam: {lr: 0.01}}"));
        all.add(c("adam_amsgrad", "optimizer", "{adam: {lr: 0.01, amsgrad: true, weight_decay: 0.001, betas: [0.8, 0.99]}}"));
        all.add(c("adamw", "optimizer", "{adamw: {lr: 0.01}}"));
        all.add(c("rmsprop", "optimizer", "{rmsprop: {lr: 0.005}}"));
        all.add(c("rmsprop_centered", "optimizer", "{rmsprop: {lr: 0.005, momentum: 0.5, centered: true, weight_decay: 0.001}}"));
        all.add(c("adagrad", "optimizer", "{adagrad: {lr: 0.1, lr_decay: 0.01, initial_accumulator_value: 0.1}}"));
        // schedules
        all.add(c("step_lr", "schedule", "{step_lr: {step_size: 3, gamma: 0.5}}"));
        all.add(c("multi_step_lr", "schedule", "{multi_step_lr: {milestones: [2, 5], gamma: 0.3}}"));
        all.add(c("exponential_lr", "schedule", "{exponential_lr: {gamma: 0.8}}"));
        all.add(c("cosine_annealing_lr", "schedule", "{cosine_annealing_lr: {t_max: 4, eta_min: 0.001}}"));
        all.add(c("reduce_lr_on_plateau", "schedule", "{reduce_lr_on_plateau: {monitor: train.loss, patience: 1, factor: 0.5}}",
                "optimizer", "{sgd: {lr: 0.5, momentum: 0.9}}"));
        // train
        all.add(c("full_batch", "train", "{epochs: 8, batch_size: full, shuffle: false}"));
        all.add(c("no_shuffle", "train", "{epochs: 8, batch_size: 16, shuffle: false}"));
        all.add(c("clip_grad_norm", "train", "{epochs: 8, batch_size: 16, clip_grad_norm: 0.1}"));
        all.add(c("early_stopping", "train", "{epochs: 30, batch_size: 16, early_stopping: {monitor: test.accuracy, patience: 2}}"));
        // data sources
        all.add(c("make_circles", "data", "{make_circles: {n_samples: 200, noise: 0.1, factor: 0.5, random_state: 2}, preprocess: standard_scaler}"));
        all.add(c("make_blobs", "data", "{make_blobs: {n_samples: 200, centers: 3, n_features: 4, cluster_std: 2.0, random_state: 3}, preprocess: standard_scaler}"));
        all.add(c("make_classification", "data", "{make_classification: {n_samples: 200, n_features: 6, n_informative: 3, n_classes: 3, random_state: 4}}"));
        all.add(c("make_gaussian_quantiles", "data", "{make_gaussian_quantiles: {n_samples: 200, n_classes: 3, random_state: 5}}"));
        all.add(c("make_regression", "data", "{make_regression: {n_samples: 200, n_features: 5, noise: 5.0, random_state: 6}, preprocess: standard_scaler}",
                "model", model(HIDDEN, "relu", "{linear: 1}"), "loss", "mse", "optimizer", "{adam: {lr: 0.05}}"));
        all.add(c("make_xor", "data", "{make_xor: {n_samples: 200, noise: 0.05, random_state: 7}}"));
        all.add(c("make_spirals", "data", "{make_spirals: {n_samples: 210, n_classes: 3, noise: 0.05, random_state: 8}}"));
        all.add(c("make_threshold", "data", "{make_threshold: {n_samples: 200, loc: 2.0, scale: 1.0, threshold: 2.0, random_state: 9}}"));
        all.add(c("make_embeddings", "data", "{make_embeddings: {n_samples: 200, n_features: 32, n_informative: 4, shift: 0.3, random_state: 10}}"));
        all.add(c("csv", "data", "{csv: {path: iris-like.csv, label: species}, preprocess: standard_scaler, split: {test_size: 0.3, random_state: 7, stratify: true}}"));
        all.add(c("load_iris", "data", bundled("load_iris: null")));
        all.add(c("load_wine", "data", bundled("load_wine: null")));
        all.add(c("load_breast_cancer", "data", bundled("load_breast_cancer: null")));
        all.add(c("load_digits", "data", bundled("load_digits: null"), "optimizer", DIGITS_SGD));
        all.add(c("load_diabetes", "data", "{load_diabetes: null, preprocess: standard_scaler, split: {test_size: 0.25, random_state: 1}}",
                "model", model(HIDDEN, "relu", "{linear: 1}"), "loss", "mse", "optimizer", "{adam: {lr: 0.05}}"));
        all.add(c("no_random_state", "seed", "3", "data", "{make_moons: {n_samples: 200, noise: 0.2}, preprocess: standard_scaler}"));
        // preprocessing and split
        all.add(c("min_max_scaler", "data", moons("{min_max_scaler: {feature_range: [-1, 1]}}", "{test_size: 0.25, random_state: 1}")));
        all.add(c("l2_normalize", "data", moons("l2_normalize", "{test_size: 0.25, random_state: 1}")));
        all.add(c("fit_on_all", "data", moons("[{standard_scaler: {fit_on: all}}, l2_normalize]", "{test_size: 0.25, random_state: 1}")));
        all.add(c("no_preprocess", "data", moons("none", "{test_size: 50, random_state: 1, stratify: true}")));
        all.add(c("split_no_shuffle", "data", moons("standard_scaler", "{test_size: 0.25, shuffle: false}")));
        return all;
    }

    /** Writes every case below {@code root}/scenarios/matrix (root gets a pom.xml marker and the csv). */
    static List<Path> write(Path root) {
        try {
            Files.writeString(root.resolve("pom.xml"), "<project/>\n");
            Path dir = Files.createDirectories(root.resolve("scenarios").resolve("matrix"));
            Files.copy(Path.of(System.getProperty("trainspec.root", ".")).resolve("scenarios/data/iris-like.csv"), dir.resolve("iris-like.csv"));
            List<Path> files = new ArrayList<>();
            for (Case c : cases()) files.add(Files.writeString(dir.resolve(c.name() + ".yaml"), c.yaml()));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
