package dev.trainspec.run;

import dev.trainspec.engine.train.Split;
import dev.trainspec.scenario.LayerSpec;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.Problem;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Static shape and semantic checks, after the data is prepared and before any model is built:
 * a scenario that cannot train meaningfully fails at the line to change, not with an engine
 * exception in epoch 1 or a silently useless run. Every problem found is reported together.
 */
public final class Checks {
    private Checks() {}

    private static final Set<String> BINARY_LOSSES = Set.of("bce", "bce_with_logits");
    // hinge is nn.MultiMarginLoss: one output per class, like cross_entropy (found by the PyTorch parity suite)
    private static final Set<String> CLASS_LOSSES = Set.of("cross_entropy", "nll", "hinge");

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

    /**
     * The loss against the data ({@code out: classes}, BCE's one output vs cross-entropy's K), then
     * the width after every layer, inferred through the model: widths[0] is the features.
     */
    public static int[] widths(Scenario s, PreparedData data) {
        Split train = data.trainSplit();
        int classes = train.isClassification() ? train.classes() : 0;
        String loss = s.loss().name();
        List<Problem> problems = new ArrayList<>();
        Origin lossAt = s.loss().origin();
        if (classes == 0 && (BINARY_LOSSES.contains(loss) || CLASS_LOSSES.contains(loss))) {
            problems.add(new Problem(lossAt, "loss", "a loss for real-valued targets (mse)", loss + ", a classification loss", ""));
        } else if (classes > 2 && BINARY_LOSSES.contains(loss)) {
            problems.add(new Problem(lossAt, "loss", "a loss for " + classes + " classes (cross_entropy, nll, mse)", loss
                    + ", a two-class loss with 1 output", "use cross_entropy with 'linear: classes'"));
        }
        int needed = classes == 0 ? 1 : BINARY_LOSSES.contains(loss) ? 1 : classes;
        int[] widths = new int[s.model().size() + 1];
        widths[0] = train.cols();
        for (int i = 0; i < s.model().size(); i++) {
            LayerSpec spec = s.model().get(i);
            widths[i + 1] = widths[i];
            if (spec instanceof LayerSpec.Linear l) {
                if (l.out() == LayerSpec.Linear.CLASSES && classes == 0) {
                    problems.add(new Problem(l.origin(), "model[" + i + "].linear.out", "a number of outputs (the data has real-valued targets, not classes)",
                            "classes", "write 'linear: 1' for one target"));
                }
                widths[i + 1] = l.out() == LayerSpec.Linear.CLASSES ? needed : l.out();
            } else if (spec instanceof LayerSpec.Activation a && a.name().equals("prelu") && a.params() != null && a.params().has("num_parameters")) {
                long n = a.params().getLong("num_parameters");
                if (n != 1 && n != widths[i]) {
                    problems.add(new Problem(a.origin(), "model[" + i + "].prelu.num_parameters",
                            "1 or the layer's input width " + widths[i], Long.toString(n), ""));
                }
            }
        }
        int last = widths[s.model().size()];
        if (problems.isEmpty() && last != needed) {
            LayerSpec end = s.model().get(s.model().size() - 1);
            String what = classes == 0 ? "1 output for a regression target"
                    : String.format(Locale.ROOT, "%d output(s) for %s on %d classes", needed, loss, classes);
            problems.add(new Problem(end.origin(), "model", what, "a model with " + last + " output(s)",
                    classes > 0 && needed == classes ? "end the model with 'linear: classes'" : "end the model with 'linear: " + needed + "'"));
        }
        if (!problems.isEmpty()) throw new ScenarioException(problems);
        return widths;
    }

    private static String labelOutOfRange(Split part) {
        for (int i = 0; i < part.labels().length; i++) {
            int y = part.labels()[i];
            if (y < 0 || y >= part.classes()) return "label " + y + " at row " + i;
        }
        return null;
    }
}
