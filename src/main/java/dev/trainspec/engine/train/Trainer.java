package dev.trainspec.engine.train;

import dev.trainspec.engine.loss.Loss;
import dev.trainspec.engine.nn.Layer;
import dev.trainspec.engine.nn.Linear;
import dev.trainspec.engine.nn.Parameter;
import dev.trainspec.engine.optim.Optimizer;
import dev.trainspec.engine.optim.Schedule;
import dev.trainspec.engine.random.RandomStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training loop, as a PyTorch user writes it: per epoch, the row order of iterating a
 * DataLoader (drawn from the run's stream, which the dropout layers share, in torch's order), then for each minibatch zero the gradients, forward in train
 * mode, loss, backward, optional clip_grad_norm_, optimizer step; after the epoch evaluate both
 * splits in eval mode, step the schedule, check early stopping. All buffers are allocated here,
 * before the first epoch; the loop itself allocates nothing.
 *
 * <p>When the weights become NaN or infinite, the remaining epochs would repeat the same numbers
 * (NaN weights are a fixed point of every optimizer), so the last epoch's record is carried
 * forward instead of computed: the history has the length PyTorch's would have.
 */
public final class Trainer {
    private final List<Layer> layers;
    private final int[] widths;
    /** An array, not a List: a for-each over a List allocates an iterator the JIT does not always remove. */
    private final Parameter[] params;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Schedule schedule;
    private final TrainConfig config;
    private final RandomStream rng;
    private final Split train;
    private final Split test;

    private final int batchSize;
    private final BatchFeed feed;
    /**
     * The first layer when it reads the batch's rows where they lie in the split (a wide linear
     * layer on the vector kernels, {@link Linear#trainsOnRows}: its forward and its weight
     * gradient), else null: the rows are then never copied, and {@link #batchX} stays empty.
     */
    private final Linear inPlace;
    /** This step's batch: rows (or where they lie, {@link #batchRows}), labels, targets (a buffer of the feed). */
    private float[] batchX;
    private int[] batchRows;
    private int[] batchLabels;
    private float[] batchTargets;
    private final float[] gradOut;
    private final int[] order;
    private final Evaluation eval;
    /**
     * params[0, firstLayerEnd) are the first layer's that has any, params[lastLayerStart, n) the
     * last one's: their gradient norms show vanishing gradients.
     */
    private final int firstLayerEnd;
    private final int lastLayerStart;
    /** The first layer with parameters: backward stops there (layers.size() when none has any). */
    private final int firstTrainable;
    /** This step's gradient norms: total, first layer, last layer. */
    private final double[] norms = new double[3];
    /** The current epoch's record: the caller reads it before the next epoch clears it. */
    private final EpochStats epochStats = new EpochStats();

    /**
     * @param widths widths[0] = input width, widths[i + 1] = output width of layer i
     * @param maxBatch the largest batch the layers were built for (>= the training batch size)
     * @param helpers threads that may copy batches and evaluate chunks beside this one ({@link Helpers#NONE}: this thread alone; the same bits either way)
     */
    public Trainer(List<Layer> layers, int[] widths, int maxBatch, Loss loss, Optimizer optimizer, Schedule schedule,
                   TrainConfig config, RandomStream rng, Split train, Split test, Helpers helpers) {
        this.layers = List.copyOf(layers);
        this.widths = widths.clone();
        this.params = layers.stream().flatMap(l -> l.parameters().stream()).toArray(Parameter[]::new);
        this.loss = loss;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.config = config;
        this.rng = rng;
        this.train = train;
        this.test = test;
        this.batchSize = config.batchSize() == TrainConfig.FULL_BATCH ? train.rows() : Math.min(config.batchSize(), train.rows());
        if (batchSize > maxBatch) throw new IllegalArgumentException("batch " + batchSize + " > maxBatch " + maxBatch);
        int cols = train.cols();
        this.gradOut = new float[batchSize * widths[widths.length - 1]];
        this.order = new int[train.rows()];
        // a data cache file's mapping is not an array, and a batch a helper copies ahead is read from the copy
        boolean rowsInArrays = train.x().array() != null && test.x().array() != null;
        this.inPlace = rowsInArrays && !BatchFeed.copiesAhead(train, batchSize, helpers)
                && this.layers.get(0) instanceof Linear first && first.trainsOnRows() ? first : null;
        this.feed = new BatchFeed(train, batchSize, order, helpers, inPlace != null);
        this.eval = new Evaluation(this.layers, this.widths, loss, maxBatch, cols, viewedRows(train, test),
                Math.max(train.rows(), test.rows()), train.isClassification(), helpers, rowsInArrays);
        List<Layer> withParams = this.layers.stream().filter(l -> !l.parameters().isEmpty()).toList();
        this.firstLayerEnd = withParams.isEmpty() ? 0 : withParams.get(0).parameters().size();
        this.lastLayerStart = withParams.isEmpty() ? 0 : params.length - withParams.get(withParams.size() - 1).parameters().size();
        this.firstTrainable = withParams.isEmpty() ? this.layers.size() : this.layers.indexOf(withParams.get(0));
    }

    /**
     * Multiply-adds of one row's forward pass through the matrix layers (the sum of in * out
     * over the weight matrices, and of outputs * patch size over the convolutions): the unit of the cost model, a training row costing about three
     * times this (forward, weight gradient, input gradient) and an evaluated row once.
     */
    public long multiplyAddsPerRow() {
        long macs = 0;
        for (int i = 0; i < layers.size(); i++) {
            for (Parameter p : layers.get(i).parameters()) {
                int[] shape = p.shape();
                if (shape.length == 2) macs += p.size();
                // a convolution weight [O, C, k(, k)]: each of the layer's O * positions outputs costs C * k (* k)
                else if (shape.length > 2) macs += (long) widths[i + 1] * (p.size() / shape[0]);
            }
        }
        return macs;
    }

    public TrainingRun run() {
        List<String> names = train.isClassification() ? Metric.CLASSIFICATION : Metric.REGRESSION;
        Map<String, double[]> rec = new LinkedHashMap<>();
        for (String n : names) rec.put(n, new double[config.epochs()]);
        EarlyStopping stopper = config.earlyStop() == null ? null : new EarlyStopping(config.earlyStop());
        NonFinite firstNonFinite = null;
        String stopReason = "completed " + config.epochs() + " epochs";
        int epochsRun = 0;
        long steps = 0;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            EpochStats stats = trainEpoch(epoch, steps);
            steps += stats.steps;
            if (firstNonFinite == null) firstNonFinite = stats.nonFinite;
            record(rec, epoch, stats);
            epochsRun = epoch + 1;
            if (stats.weightsNonFinite) {
                carryForward(rec, epoch);
                epochsRun = config.epochs();
                stopReason = "weights became non-finite in epoch " + (epoch + 1) + "; later epochs repeat its record";
                break;
            }
            double monitored = config.scheduleMonitor() == null ? Double.NaN : rec.get(config.scheduleMonitor())[epoch];
            optimizer.setLr(schedule.next(epoch, monitored));
            if (stopper != null && stopper.shouldStop(rec.get(config.earlyStop().monitor())[epoch])) {
                stopReason = stopper.reason(epoch + 1);
                break;
            }
        }
        return new TrainingRun(new History(rec, epochsRun), firstNonFinite, stopReason, steps);
    }

    /** One epoch's record, and the sums its steps add to in step order; one per trainer, cleared each epoch. */
    private static final class EpochStats {
        double runningLoss;
        double runningAccuracy;
        double gradNorm;
        double firstLayerGradNorm;
        double lastLayerGradNorm;
        int steps;
        NonFinite nonFinite;
        boolean weightsNonFinite;
        double lossSum;
        long correct;
        double gradNormSum;
        double firstSum;
        double lastSum;

        void clear() {
            runningLoss = runningAccuracy = gradNorm = firstLayerGradNorm = lastLayerGradNorm = 0;
            steps = 0;
            nonFinite = null;
            weightsNonFinite = false;
            lossSum = gradNormSum = firstSum = lastSum = 0;
            correct = 0;
        }
    }

    private EpochStats trainEpoch(int epoch, long stepsBefore) {
        EpochStats s = epochStats;
        s.clear();
        int rows = train.rows();
        rng.epochOrder(order, config.shuffle());
        feed.start();
        try {
            for (int start = 0, step = 1; start < rows; start += batchSize, step++) {
                // nanoTime costs ~25 ns: every 64th step keeps it far below the cost of the steps
                if ((step & 63) == 1 && pastDeadline()) throw new OutOfTime(epoch + 1, stepsBefore + s.steps);
                step(s, epoch, step, Math.min(batchSize, rows - start));
            }
            train.x().checkUnchanged(); // rows read from a mapped file cut short since: not an epoch to report
        } finally {
            feed.stop(); // an epoch cut short (OutOfTime) leaves no helper waiting
        }
        s.runningLoss = s.lossSum / rows;
        s.runningAccuracy = (double) s.correct / rows;
        s.gradNorm = s.gradNormSum / s.steps;
        s.firstLayerGradNorm = s.firstSum / s.steps;
        s.lastLayerGradNorm = s.lastSum / s.steps;
        return s;
    }

    /**
     * Minibatch {@code step} (1-based, n rows, taken from the feed in this epoch's order), its sums added to {@code s}.
     * A method of its own, too large to be inlined into the epoch's loop: in a fresh JVM the JIT's
     * second tier compiles it after a few hundred steps, on its own, where the epoch with every
     * kernel inlined was one 30 KB compilation (on stack replacement, then again normally) that
     * came late and held the JIT's one queue (docs/benchmarks.md, "Cold start").
     */
    private void step(EpochStats s, int epoch, int step, int n) {
        int outWidth = widths[widths.length - 1];
        int buffer = feed.take(step - 1, n);
        batchX = feed.x(buffer);
        batchRows = feed.rows(buffer);
        batchLabels = feed.labels(buffer);
        batchTargets = feed.targets(buffer);
        for (Parameter p : params) p.zeroGrad();
        float[] out = forward(n);
        double batchLoss = loss.evaluate(out, n, outWidth, batchLabels, batchTargets, gradOut);
        s.lossSum += batchLoss * n;
        if (train.isClassification()) for (int r = 0; r < n; r++) if (loss.predict(out, r, outWidth) == batchLabels[r]) s.correct++;
        backward(n);
        Norms.gradNorms(params, firstLayerEnd, lastLayerStart, norms);
        double norm = norms[0];
        s.gradNormSum += norm;
        s.firstSum += norms[1];
        s.lastSum += norms[2];
        if (!Double.isNaN(config.clipGradNorm()) && norm > 0) Norms.scaleGrads(params, config.clipGradNorm() / (norm + 1e-6));
        // located with the weights this step's forward pass used: after the step, a NaN gradient has made them NaN and
        // the replay would blame the first layer for what the loss did (-log 0 = inf after a softmax layer)
        if (s.nonFinite == null && !Double.isFinite(batchLoss)) s.nonFinite = locate(epoch + 1, step, n, batchLoss);
        optimizer.step();
        s.steps++;
        String badParam = Norms.firstNonFinite(params);
        if (badParam != null) {
            if (s.nonFinite == null) s.nonFinite = new NonFinite(epoch + 1, step, "parameter " + badParam, Double.NaN);
            s.weightsNonFinite = true;
        }
        feed.release(step - 1);
    }

    private boolean pastDeadline() {
        return config.deadlineNanos() != TrainConfig.NO_DEADLINE && System.nanoTime() - config.deadlineNanos() > 0;
    }

    /** Rows of the matrix both splits are views of, 0 unless they are. */
    private static int viewedRows(Split train, Split test) {
        if (train.rowIndex() == null || test.rowIndex() == null || train.x() != test.x()) return 0;
        return (int) (train.x().size() / train.cols());
    }

    private float[] forward(int n) {
        float[] h = batchX;
        for (int i = 0; i < layers.size(); i++) h = forward(i, h, n, true);
        return h;
    }

    /** Layer i's output on its input h (the batch itself for i = 0, read where it lies when {@link #inPlace}). */
    private float[] forward(int i, float[] h, int n, boolean training) {
        return i == 0 && inPlace != null ? inPlace.forwardRows(train.x().array(), batchRows, n) : layers.get(i).forward(h, n, training);
    }

    private void backward(int n) {
        float[] g = gradOut;
        // layers before the first one with parameters (unflatten, dropout, ...) learn nothing from dLoss/dInput
        for (int i = layers.size() - 1; i >= firstTrainable; i--) g = layers.get(i).backward(g, n, i > firstTrainable);
    }

    /** The loss was not finite: name the first layer whose training-mode output already was not, else the loss. */
    private NonFinite locate(int epoch, int step, int n, double batchLoss) {
        // The layers still hold this step's outputs only through what they returned; re-reading them
        // needs a forward pass, which would redraw dropout masks. Scan the input first, then each
        // layer's output by replaying the pass in eval mode on the same batch.
        float[] h = batchX;
        for (int i = 0; i < layers.size(); i++) {
            h = forward(i, h, n, false);
            int width = widths[i + 1];
            for (int k = 0; k < n * width; k++) {
                if (!Float.isFinite(h[k])) return new NonFinite(epoch, step, "output of layer " + i + " (" + layers.get(i).describe() + ")", h[k]);
            }
        }
        return new NonFinite(epoch, step, "loss (" + loss.describe() + ")", batchLoss);
    }

    private void record(Map<String, double[]> rec, int epoch, EpochStats s) {
        rec.get(Metric.RUNNING_LOSS)[epoch] = s.runningLoss;
        if (rec.containsKey(Metric.RUNNING_ACCURACY)) rec.get(Metric.RUNNING_ACCURACY)[epoch] = s.runningAccuracy;
        rec.get(Metric.GRAD_NORM)[epoch] = s.gradNorm;
        rec.get(Metric.FIRST_LAYER_GRAD_NORM)[epoch] = s.firstLayerGradNorm;
        rec.get(Metric.LAST_LAYER_GRAD_NORM)[epoch] = s.lastLayerGradNorm;
        rec.get(Metric.LR)[epoch] = optimizer.lr();
        eval.run(train, true);
        put(rec, "train", epoch);
        double maxAbs = eval.maxAbsOutput;
        rec.get(Metric.DEAD_RELU_FRACTION)[epoch] = eval.deadReluFraction;
        rec.get(Metric.SATURATED_FRACTION)[epoch] = eval.saturatedFraction;
        eval.run(test, false);
        put(rec, "test", epoch);
        rec.get(Metric.MAX_ABS_LOGIT)[epoch] = Math.max(maxAbs, eval.maxAbsOutput);
        rec.get(Metric.WEIGHT_NORM)[epoch] = Norms.weightNorm(params);
    }

    /** Metric names per split, built once (a concatenation per epoch would allocate). */
    private static final Map<String, String[]> KEYS = Map.of(
            "train", new String[] {"train.loss", "train.accuracy", "train.r2", "train.mae", "train.max_class_share"},
            "test", new String[] {"test.loss", "test.accuracy", "test.r2", "test.mae", "test.max_class_share"});

    private void put(Map<String, double[]> rec, String split, int epoch) {
        String[] k = KEYS.get(split);
        rec.get(k[0])[epoch] = eval.loss;
        if (rec.containsKey(k[1])) rec.get(k[1])[epoch] = eval.accuracy;
        if (rec.containsKey(k[4])) rec.get(k[4])[epoch] = eval.maxClassShare;
        if (rec.containsKey(k[2])) {
            rec.get(k[2])[epoch] = eval.r2;
            rec.get(k[3])[epoch] = eval.mae;
        }
    }

    private void carryForward(Map<String, double[]> rec, int epoch) {
        for (double[] series : rec.values()) java.util.Arrays.fill(series, epoch + 1, series.length, series[epoch]);
    }
}
