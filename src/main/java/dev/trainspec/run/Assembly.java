package dev.trainspec.run;

import dev.trainspec.engine.loss.Loss;
import dev.trainspec.engine.nn.Layer;
import dev.trainspec.engine.nn.Linear;
import dev.trainspec.engine.nn.Parameter;
import dev.trainspec.engine.nn.ShapedLayer;
import dev.trainspec.engine.optim.Optimizer;
import dev.trainspec.engine.optim.Schedule;
import dev.trainspec.engine.random.TorchGenerator;
import dev.trainspec.engine.train.Helpers;
import dev.trainspec.engine.train.TrainConfig;
import dev.trainspec.engine.train.Trainer;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.Problem;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.TrainSpec;
import java.util.List;
import java.util.function.Supplier;

/**
 * One run's engine objects, built from a scenario, its prepared data and the run's seed. The
 * seed feeds one {@link TorchGenerator}, PyTorch's default CPU generator after
 * {@code torch.manual_seed(seed)}, used in the order the reference PyTorch loop uses it: every
 * nn.Linear's reset_parameters as the model is constructed, then the custom {@code init:}s in
 * layer order, then per epoch the DataLoader's draws and the dropout masks of each training
 * forward. So a run reproduces that PyTorch run's initial weights, batches and masks.
 * Values the engine refuses (a learning rate below zero, a model whose output does not fit the
 * loss) become {@link ScenarioException}s that point at the key in the file.
 */
public final class Assembly {
    /** Evaluation runs in chunks of at most this many rows, so big splits need no big buffers. */
    private static final int EVAL_CHUNK = 4096;

    private final String description;
    private final Trainer trainer;

    private Assembly(String description, Trainer trainer) {
        this.description = description;
        this.trainer = trainer;
    }

    /** A run on the calling thread, which may borrow the idle threads of {@link Workers#pool()}. */
    public static Assembly of(Scenario s, PreparedData data, long seed) {
        return of(s, data, seed, TrainConfig.NO_DEADLINE, Workers.helpers(Workers.pool()));
    }

    /**
     * @param deadlineNanos a {@link System#nanoTime()} value past which training stops ({@link TrainConfig#NO_DEADLINE}: never)
     * @param helpers threads the run may borrow for its evaluation (the results are the same bits with or without)
     */
    public static Assembly of(Scenario s, PreparedData data, long seed, long deadlineNanos, Helpers helpers) {
        boolean classification = data.trainSplit().isClassification();
        Loss loss = engine(s.loss().origin(), "loss." + s.loss().name(), () -> LossFactory.of(s.loss(), !classification));
        int[][] shapes = Checks.shapes(s, data, loss);
        int[] inferred = ModelShapes.widths(shapes);
        Checks.metrics(s, classification);
        // the loss's width, which linear: classes resolves to (Checks refused a loss that has none for this data)
        int outWidth = loss.outputWidth(classification ? data.trainSplit().classes() : 0);
        TrainSpec t = s.train();
        int rows = data.trainSplit().rows();
        int batch = t.batchSize() == TrainSpec.FULL_BATCH ? rows : Math.min(t.batchSize(), rows);
        int maxBatch = Math.max(batch, Math.min(Math.max(rows, data.testSplit().rows()), EVAL_CHUNK));
        Limits.current().checkModel(s, inferred, rows, maxBatch, Limits.bytesOf(data));
        List<Layer> layers = engine(s.model().get(0).origin(), "model", () -> ModelFactory.build(s.model(), outWidth));
        // one generator for init, shuffling and dropout, as torch.manual_seed(seed) seeds torch's one default generator
        TorchGenerator rng = new TorchGenerator(seed);
        int[] widths = new int[layers.size() + 1];
        widths[0] = data.trainSplit().cols();
        for (int i = 0; i < layers.size(); i++) {
            int layer = i;
            widths[i + 1] = engine(s.model().get(i).origin(), "model[" + i + "]",
                    () -> layers.get(layer) instanceof ShapedLayer shaped ? shaped.build(shapes[layer], maxBatch, rng)
                            : layers.get(layer).build(widths[layer], maxBatch, rng));
        }
        if (!java.util.Arrays.equals(widths, inferred)) {
            throw new IllegalStateException("the model's widths " + java.util.Arrays.toString(widths) + " differ from the inferred "
                    + java.util.Arrays.toString(inferred));
        }
        for (int i = 0; i < layers.size(); i++) {
            if (!(layers.get(i) instanceof Linear linear)) continue;
            engine(s.model().get(i).origin(), "model[" + i + "].init", () -> {
                linear.applyInit(rng);
                return null;
            });
        }
        List<Parameter> params = layers.stream().flatMap(l -> l.parameters().stream()).toList();
        Optimizer optimizer = engine(s.optimizer().origin(), "optimizer." + s.optimizer().name(),
                () -> OptimizerFactory.of(s.optimizer(), params));
        Schedule schedule = s.schedule() == null ? ScheduleFactory.of(null, optimizer.lr())
                : engine(s.schedule().origin(), "schedule." + s.schedule().name(), () -> ScheduleFactory.of(s.schedule(), optimizer.lr()));
        TrainConfig config = new TrainConfig(t.epochs(), t.batchSize(), t.shuffle(),
                t.clipGradNorm() == null ? Double.NaN : t.clipGradNorm(),
                t.earlyStopping() == null ? null : new TrainConfig.EarlyStop(t.earlyStopping().monitor(),
                        t.earlyStopping().patience(), t.earlyStopping().minDelta()),
                s.schedule() == null ? null : ScheduleFactory.monitor(s.schedule()), deadlineNanos);
        Trainer trainer = new Trainer(layers, widths, maxBatch, loss, optimizer, schedule, config, rng,
                data.trainSplit(), data.testSplit(), helpers);
        return new Assembly(describe(layers) + " | " + loss.describe() + " | " + optimizer.describe(), trainer);
    }

    /** Runs an engine constructor; its IllegalArgumentException is the user's mistake at {@code origin}. */
    private static <T> T engine(Origin origin, String keyPath, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(new Problem(origin, keyPath, "values the engine accepts", null, e.getMessage()));
        }
    }

    private static String describe(List<Layer> layers) {
        StringBuilder sb = new StringBuilder();
        for (Layer l : layers) sb.append(sb.isEmpty() ? "" : " -> ").append(l.describe());
        return sb.toString();
    }

    /** e.g. "linear(2->16) -> relu -> linear(16->2) | cross_entropy | sgd(lr=0.1, momentum=0.9)". */
    public String describe() {
        return description;
    }

    public Trainer trainer() {
        return trainer;
    }
}
