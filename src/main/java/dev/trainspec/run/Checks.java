package dev.trainspec.run;

import dev.trainspec.baseline.Baseline;
import dev.trainspec.engine.loss.Loss;
import dev.trainspec.engine.nn.ShapedLayer;
import dev.trainspec.engine.train.Metric;
import dev.trainspec.engine.train.Split;
import dev.trainspec.scenario.Expectation;
import dev.trainspec.scenario.LayerSpec;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.Problem;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.TrainSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Static shape and semantic checks, after the data is prepared and before any model is built:
 * a scenario that cannot train meaningfully fails at the line to change, not with an engine
 * exception in epoch 1 or a silently useless run. Every problem found is reported together.
 */
public final class Checks {
    private Checks() {}

    /** The prepared data: no empty split, labels in range, finite targets. */
    public static void data(Scenario s, PreparedData data) {
        List<Problem> problems = new ArrayList<>();
        Named source = s.data().source();
        String at = "data." + source.name();
        Origin split = s.data().split().origin();
        if (data.trainSplit().rows() == 0) problems.add(new Problem(split, "data.split", "a training split with rows", "0 training rows", ""));
        if (data.testSplit().rows() == 0) problems.add(new Problem(split, "data.split", "a test split with rows", "0 test rows", ""));
        if (data.trainSplit().cols() == 0) problems.add(new Problem(source.origin(), at, "at least one feature", "0 features", ""));
        // non-finite features and single-class data are refused earlier, while the data is prepared
        for (Split part : List.of(data.trainSplit(), data.testSplit())) {
            if (part.isClassification()) {
                String out = labelOutOfRange(part);
                if (out != null) problems.add(new Problem(source.origin(), at, "labels in [0, " + part.classes() + ")", out + " in the " + part.name() + " rows", ""));
            } else if (part.targets() != null) {
                for (int i = 0; i < part.targets().length; i++) {
                    if (!Float.isFinite(part.targets()[i])) {
                        problems.add(new Problem(source.origin(), at, "finite targets", part.targets()[i] + " at " + part.name() + " row " + i, ""));
                        break;
                    }
                }
            }
        }
        if (!problems.isEmpty()) throw new ScenarioException(problems);
    }

    /** The width after every layer, widths[0] the features: the sizes of {@link #shapes}. */
    public static int[] widths(Scenario s, PreparedData data, Loss loss) {
        return ModelShapes.widths(shapes(s, data, loss));
    }

    /**
     * The loss against the data (the engine loss says how many outputs it needs for the data's
     * classes: 1 for BCE, K for cross-entropy and hinge), then each row's shape after every layer,
     * inferred through the model: shapes[0] is [features].
     */
    public static int[][] shapes(Scenario s, PreparedData data, Loss loss) {
        Split train = data.trainSplit();
        int classes = train.isClassification() ? train.classes() : 0;
        String lossName = s.loss().name();
        List<Problem> problems = new ArrayList<>();
        int needed;
        try {
            needed = loss.outputWidth(classes);
        } catch (IllegalArgumentException refused) {
            needed = -1;
            problems.add(classes == 0
                    ? new Problem(s.loss().origin(), "loss", "a loss for real-valued targets (mse)", lossName + ", a classification loss", "write 'loss: mse'")
                    : new Problem(s.loss().origin(), "loss", "a loss for " + classes + " classes", refused.getMessage(),
                    "and end the model with 'linear: classes'"));
        }
        int[][] shapes = new int[s.model().size() + 1][];
        shapes[0] = new int[] {train.cols()};
        for (int i = 0; i < s.model().size(); i++) {
            LayerSpec spec = s.model().get(i);
            int[] in = shapes[i];
            if (ModelShapes.isShaped(spec)) {
                shapes[i + 1] = ModelShapes.through(spec, i, in, problems);
                if (shapes[i + 1] == null) break;
                continue;
            }
            if (ModelShapes.refusesShaped(spec, i, in, problems)) break;
            int width = ModelShapes.widths(new int[][] {in})[0];
            shapes[i + 1] = in;
            if (spec instanceof LayerSpec.Linear l) {
                if (l.out() == LayerSpec.Linear.CLASSES && classes == 0) {
                    problems.add(new Problem(l.origin(), "model[" + i + "].linear.out", "a number of outputs (the data has real-valued targets, not classes)",
                            "classes", "write 'linear: 1' for one target"));
                }
                shapes[i + 1] = new int[] {l.out() == LayerSpec.Linear.CLASSES ? needed : l.out()};
            } else if (spec instanceof LayerSpec.Activation a && a.name().equals("prelu") && a.params() != null && a.params().has("num_parameters")) {
                // one slope or one per channel (dim 1): the features of a flat row, C of a [C, ...] row
                long n = a.params().getLong("num_parameters");
                if (n != 1 && n != in[0]) {
                    problems.add(new Problem(a.origin(), "model[" + i + "].prelu.num_parameters", in.length == 1
                            ? "1 or the layer's input width " + width : "1 or the rows' channels " + in[0] + " (rows of shape "
                            + ShapedLayer.format(in) + ")", Long.toString(n), ""));
                }
            }
        }
        int[] last = shapes[s.model().size()];
        if (problems.isEmpty() && (last.length != 1 || last[0] != needed)) {
            LayerSpec end = s.model().get(s.model().size() - 1);
            String what = classes == 0 ? "1 output for a regression target"
                    : String.format(Locale.ROOT, "%d output(s) for %s on %d classes", needed, lossName, classes);
            String found = last.length == 1 ? "a model with " + last[0] + " output(s)" : "a model whose rows end with shape " + java.util.Arrays.toString(last);
            problems.add(new Problem(end.origin(), "model", what, found,
                    classes > 0 && needed == classes ? "end the model with 'linear: classes'" : "end the model with 'linear: " + needed + "'"));
        }
        if (!problems.isEmpty()) throw new ScenarioException(problems);
        return shapes;
    }

    /**
     * Every metric the scenario watches while training (early stopping's and a schedule's monitor),
     * snapshots or names in an expectation must be one the data kind records: a regression run
     * has no accuracy, a classification run no r2. Otherwise the monitor would wait for a value
     * that never comes, and the expectation could only fail after training. The kind is the
     * engine's (the prepared data has labels or targets); the loader cannot know it.
     */
    public static void metrics(Scenario s, boolean classification) {
        List<String> recorded = classification ? Metric.CLASSIFICATION : Metric.REGRESSION;
        String kind = classification ? "a classification run" : "a regression run";
        List<Problem> problems = new ArrayList<>();
        TrainSpec.EarlyStopping early = s.train().earlyStopping();
        if (early != null && !recorded.contains(early.monitor())) {
            problems.add(new Problem(early.origin(), "train.early_stopping.monitor", "a metric " + kind + " records",
                    early.monitor(), "e.g. " + Metric.TEST_LOSS));
        }
        String watched = s.schedule() == null ? null : ScheduleFactory.monitor(s.schedule());
        if (watched != null && !recorded.contains(watched)) {
            problems.add(new Problem(s.schedule().origin(), "schedule." + s.schedule().name() + ".monitor",
                    "a metric " + kind + " records", watched, "e.g. " + Metric.TEST_LOSS));
        }
        if (s.regression() != null) {
            for (String m : s.regression().metrics()) {
                if (!recorded.contains(m)) {
                    problems.add(new Problem(s.regression().origin(), "regression.metrics", "metrics " + kind + " records", m,
                            classification ? "e.g. " + Metric.TEST_ACCURACY : "e.g. " + Metric.TEST_R2));
                }
            }
        }
        for (Expectation e : s.expect()) {
            if (!(e instanceof Expectation.Comparison c)) continue;
            for (Expectation.Term side : List.of(c.left(), c.right())) {
                if (side instanceof Expectation.Metric m && judgedOn(m, s) && !recorded.contains(m.metric())) {
                    problems.add(unrecorded(m, recorded, kind, classification));
                }
            }
        }
        if (!problems.isEmpty()) throw new ScenarioException(problems);
    }

    /**
     * Whether the term is read from this variant's data: unqualified, qualified by its own name,
     * or by a baseline (fitted on the same split). Another variant's terms are checked with it.
     */
    private static boolean judgedOn(Expectation.Metric m, Scenario s) {
        return m.qualifier() == null || m.qualifier().equals(s.variant()) || Baseline.NAMES.contains(m.qualifier());
    }

    /**
     * As the loader words a metric the split does not have (test.running_loss): at the metric,
     * the split's metrics this kind of run records, the one to use instead.
     */
    private static Problem unrecorded(Expectation.Metric m, List<String> recorded, String kind, boolean classification) {
        int dot = m.metric().indexOf('.');
        String split = dot < 0 ? "" : m.metric().substring(0, dot + 1);
        List<String> ofSplit = recorded.stream().filter(r -> r.startsWith(split) && r.indexOf('.') == dot).map(r -> r.substring(split.length())).toList();
        String instead = split + (classification ? "accuracy" : "r2");
        return new Problem(m.origin(), "expect", "a metric " + (split.isEmpty() ? "" : "of " + split.substring(0, dot) + " ") + "that "
                + kind + " records (" + String.join(", ", ofSplit) + ")", "'" + m.metric() + "'",
                recorded.contains(instead) && dot > 0 ? "did you mean '" + instead + "'?" : "");
    }

    private static String labelOutOfRange(Split part) {
        for (int i = 0; i < part.labels().length; i++) {
            int y = part.labels()[i];
            if (y < 0 || y >= part.classes()) return "label " + y + " at row " + i;
        }
        return null;
    }
}
