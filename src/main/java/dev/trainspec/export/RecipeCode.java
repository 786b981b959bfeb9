package dev.trainspec.export;

import dev.trainspec.run.ScheduleFactory;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Problem;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.TrainSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code loss:}, {@code optimizer:}, {@code schedule:} and {@code train:} as PyTorch objects and
 * settings. The language already uses PyTorch's parameter names and the loader has filled in
 * every default, so parameters pass through by name; the tables say only which class a word
 * is. Each loss also says how its output is read as a class (the engine's {@code Loss.predict}).
 */
final class RecipeCode {
    private RecipeCode() {}

    private static final Map<String, String> OPTIMIZERS = Map.of("sgd", "SGD", "adam", "Adam", "adamw", "AdamW",
            "rmsprop", "RMSprop", "adagrad", "Adagrad");
    private static final Map<String, String> SCHEDULES = Map.of("step_lr", "StepLR", "multi_step_lr", "MultiStepLR",
            "exponential_lr", "ExponentialLR", "cosine_annealing_lr", "CosineAnnealingLR", "reduce_lr_on_plateau", "ReduceLROnPlateau");

    /**
     * @param outWidth the model's output width
     * @param classes the data's classes, 0 for real-valued targets
     */
    static void loss(Named loss, int outWidth, int classes, ScriptText out) {
        boolean binaryTarget = outWidth == 1 && classes > 0;
        String argmax = "out.argmax(dim=1)";
        switch (loss.name()) {
            case "cross_entropy" -> {
                if (loss.params() != null && "probabilities".equals(loss.params().values().get("input"))) {
                    out.def("def loss_fn(out, y):  # cross_entropy on probabilities: the naive -log p[y] after a softmax layer");
                    out.line("    return -torch.log(out[torch.arange(len(y)), y]).mean()");
                } else {
                    define(out, "nn.CrossEntropyLoss()", "criterion(out, y)");
                }
                predict(out, argmax);
            }
            case "nll" -> {
                define(out, "nn.NLLLoss()", "criterion(out, y)");
                predict(out, argmax);
            }
            case "bce_with_logits" -> {
                define(out, "nn.BCEWithLogitsLoss()", "criterion(out[:, 0], y.float())");
                predict(out, "(out[:, 0] > 0).long()");
            }
            case "bce" -> {
                define(out, "nn.BCELoss()", "criterion(out[:, 0], y.float())");
                predict(out, "(out[:, 0] > 0.5).long()");
            }
            case "mse" -> {
                if (classes == 0) {
                    define(out, "nn.MSELoss()", "criterion(out[:, 0], y)");
                    predict(out, "None  # real-valued targets: r2 and mae instead of accuracy");
                } else if (binaryTarget) {
                    define(out, "nn.MSELoss()", "criterion(out[:, 0], y.float())");
                    predict(out, "(out[:, 0] > 0.5).long()");
                } else {
                    define(out, "nn.MSELoss()", "criterion(out, nn.functional.one_hot(y, " + outWidth + ").float())  # one-hot targets");
                    predict(out, argmax);
                }
            }
            case "hinge" -> {
                define(out, "nn.MultiMarginLoss()", "criterion(out, y)");
                predict(out, argmax);
            }
            default -> throw new ScenarioException(new Problem(loss.origin(), "loss." + loss.name(), "a loss the PyTorch export knows",
                    loss.name(), ""));
        }
    }

    private static void define(ScriptText out, String criterion, String call) {
        out.line("criterion = " + criterion);
        out.def("def loss_fn(out, y):");
        out.line("    return " + call);
    }

    private static void predict(ScriptText out, String expression) {
        out.def("def predict(out):  # the class an output row stands for");
        out.line("    return " + expression);
    }

    static void optimizer(Named optimizer, ScriptText out) {
        String cls = OPTIMIZERS.get(optimizer.name());
        if (cls == null) {
            throw new ScenarioException(new Problem(optimizer.origin(), "optimizer." + optimizer.name(),
                    "an optimizer the PyTorch export knows", optimizer.name(), ""));
        }
        out.def("def make_optimizer(parameters):");
        List<String> args = new ArrayList<>(List.of("parameters"));
        args.addAll(Py.keywords(optimizer.params().values(), Map.of(), Set.of("betas")));
        out.line(Py.wrap("    ", "return torch.optim." + cls + "(", args, ")"));
    }

    static void schedule(Named schedule, ScriptText out) {
        out.def("def make_schedule(optimizer):  # stepped once after every epoch");
        if (schedule == null) {
            out.line("    return None");
            out.blank().blank().line("MONITOR = None");
            return;
        }
        String cls = SCHEDULES.get(schedule.name());
        if (cls == null) {
            throw new ScenarioException(new Problem(schedule.origin(), "schedule." + schedule.name(), "a schedule the PyTorch export knows",
                    schedule.name(), ""));
        }
        // monitor (Keras's word) is the metric given to ReduceLROnPlateau.step(), not a constructor argument
        String monitor = ScheduleFactory.monitor(schedule);
        Map<String, Object> p = new LinkedHashMap<>(schedule.params().values());
        p.remove("monitor");
        List<String> args = new ArrayList<>(List.of("optimizer"));
        args.addAll(Py.keywords(p, Map.of("t_max", "T_max"), Set.of()));
        out.line(Py.wrap("    ", "return torch.optim.lr_scheduler." + cls + "(", args, ")"));
        out.blank().blank().line("MONITOR = " + Py.literal(monitor) + (monitor == null ? "" : "  # the metric ReduceLROnPlateau.step() is given"));
    }

    static void train(Scenario s, ScriptText out) {
        TrainSpec t = s.train();
        out.line("EPOCHS = " + t.epochs());
        out.line("BATCH_SIZE = " + (t.batchSize() == TrainSpec.FULL_BATCH ? "None  # full: the whole training split" : t.batchSize()));
        out.line("SHUFFLE = " + Py.literal(t.shuffle()));
        out.line("CLIP_GRAD_NORM = " + (t.clipGradNorm() == null ? "None" : Py.number(t.clipGradNorm())));
        TrainSpec.EarlyStopping e = t.earlyStopping();
        out.line("EARLY_STOPPING = " + (e == null ? "None" : "dict(monitor=" + Py.string(e.monitor()) + ", patience=" + e.patience()
                + ", min_delta=" + Py.number(e.minDelta()) + ")"));
    }
}
