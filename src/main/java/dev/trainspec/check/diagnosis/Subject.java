package dev.trainspec.check.diagnosis;

import dev.trainspec.run.DataFacts;
import dev.trainspec.run.ModelShapes;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.LayerSpec;
import dev.trainspec.scenario.Scenario;
import java.util.List;
import java.util.Map;

/**
 * What the rules look at besides one run's history: the scenario, the data's facts and the
 * baselines, with the reference levels derived from them (chance accuracy, the loss a model
 * that learned nothing but the class prior would have, the best linear baseline).
 */
record Subject(Scenario scenario, DataFacts data, Map<String, Map<String, Double>> baselines) {
    static Subject of(VariantResult r) {
        return new Subject(r.scenario(), r.data(), r.baselines());
    }

    List<LayerSpec> model() {
        return scenario.model();
    }

    /**
     * Whether some batch_norm gets one value per channel from each row: flat rows, or [C, 1]. On
     * [C, L] rows each channel has L values per row. Without the data's width (it could not be
     * read) a batch_norm counts as one on flat rows.
     */
    boolean batchNormOnOneValuePerRow() {
        List<LayerSpec> model = model();
        int[][] shapes = data == null ? null : ModelShapes.inputShapes(model, data.features());
        for (int i = 0; i < model.size(); i++) {
            if (!(model.get(i) instanceof LayerSpec.BatchNorm)) continue;
            int[] in = shapes == null ? null : shapes[i];
            if (in == null || in.length == 1 || in[1] == 1) return true;
        }
        return false;
    }

    String loss() {
        return scenario.loss().name();
    }

    int classes() {
        return data == null ? 0 : data.classes();
    }

    /** The share of the largest training class (1 / classes when balanced): what always guessing it scores. */
    double chanceAccuracy() {
        if (data == null || data.classes() == 0 || data.trainRows() == 0) return Double.NaN;
        int most = 0;
        for (int c : data.trainClassCounts()) most = Math.max(most, c);
        return Math.max(1.0 / data.classes(), (double) most / data.trainRows());
    }

    /**
     * The training loss of a model that predicts the class prior on every row (it learned nothing
     * from the features): the prior's entropy for the cross-entropy family, sum p(1-p) / k for MSE
     * on one-hot targets. NaN when there is no such level (regression, hinge).
     */
    double chanceLoss() {
        if (data == null || data.classes() == 0 || data.trainRows() == 0) return Double.NaN;
        double entropy = 0;
        double gini = 0;
        for (int c : data.trainClassCounts()) {
            double p = (double) c / data.trainRows();
            if (p > 0) entropy -= p * Math.log(p);
            gini += p * (1 - p);
        }
        return switch (loss()) {
            case "cross_entropy", "nll", "bce", "bce_with_logits" -> entropy;
            case "mse" -> gini / data.classes();
            default -> Double.NaN;
        };
    }

    /** The optimizer's learning rate as written (NaN when not a number). */
    double lr() {
        Object lr = scenario.optimizer().params().values().get("lr");
        return lr instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    String optimizer() {
        return scenario.optimizer().name() + " lr " + dev.trainspec.check.Numbers.format(lr());
    }

    /** The better of logistic_regression and linear_svm on {@code metric} (e.g. "test.accuracy"), or null. */
    Baseline bestLinear(String metric) {
        Baseline best = null;
        for (String name : List.of("logistic_regression", "linear_svm")) {
            Map<String, Double> m = baselines.get(name);
            Double v = m == null ? null : m.get(metric);
            if (v != null && !v.isNaN() && (best == null || v > best.value())) best = new Baseline(name, v);
        }
        return best;
    }

    record Baseline(String name, double value) {}
}
