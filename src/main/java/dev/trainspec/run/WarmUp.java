package dev.trainspec.run;

import dev.trainspec.engine.train.Helpers;
import dev.trainspec.engine.train.OutOfTime;
import dev.trainspec.scenario.DataSpec;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Params;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.TrainSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Trains a file's first variant, and throws the result away, while the process is still starting
 * (the CLI's picocli setup, the JUnit launcher between discovery and execution): in a fresh JVM a
 * run's first thousand steps are interpreted or in C1's profiling code, and the JIT compiles the
 * file's own layers, loss and optimizer sooner when a second core has already run them. Small
 * data is prepared twice for it (milliseconds); a file whose data is large (over the data cache's
 * threshold) warms up on a stand-in instead, the same generator with as many rows as stay under
 * that threshold, and goes on while the real data is read or generated, until the real training
 * starts (at most {@link #STAND_IN_MAX_NANOS}): in a fresh process the 250,000 x 512 file's epoch
 * and evaluation took 230-320 ms after it against 400-450 ms cold (about 160 ms warm). It shares
 * nothing with the real runs (its own model, generator and data), so their results are the same
 * bits; it stops as soon as a real run starts (a real training, for large data), or after
 * {@link #MAX_NANOS}, and happens once per JVM.
 */
public final class WarmUp {
    /** The longest warm-up, for a start that takes long (a busy machine, discovery without execution). */
    static final long MAX_NANOS = 300_000_000L;
    /**
     * The longest warm-up on a stand-in: long enough for C2 to compile its kernels, short enough
     * to leave the cores to the data it stands in for: on two cores, allocating and copying the
     * cached 250,000 x 512 rows took 0.62-0.65 s beside 600 ms of warm-up and 0.50-0.57 s beside
     * 250 ms; a first generation runs on all cores.
     */
    static final long STAND_IN_MAX_NANOS = 250_000_000L;
    /** The fewest rows worth a stand-in (data wider than the cache's threshold over this gets no warm-up). */
    static final int STAND_IN_MIN_ROWS = 16;
    /**
     * A stand-in's largest minibatch: C2 compiles a kernel once it has been called some hundreds of
     * times, and at the file's 256 rows the stand-in's 95 training rows made one step an epoch, so
     * the kernels reached C2 (normally, not on stack replacement) only during the real epoch. At 8
     * rows they reach it within the warm-up: the cached 250k x 512 run's epoch took 130-160 ms
     * against 151-185 ms, the whole process a median of 0.945 and 0.97 s against 1.00 and 1.05 s in
     * two rounds of 14 alternating processes. The kernels are the same methods at any batch size.
     */
    private static final int STAND_IN_BATCH = 8;
    /** A stand-in's epochs: more than a slice gets through (its history is allocated up front, so not unbounded). */
    private static final int STAND_IN_EPOCHS = 1000;
    /** Each warm-up training is cut after this long, so that a real run's start ends it soon. */
    private static final long SLICE_NANOS = 20_000_000L;

    private static final AtomicLong RUNS_STARTED = new AtomicLong();
    private static final AtomicLong TRAININGS_STARTED = new AtomicLong();
    private static final AtomicBoolean BEGUN = new AtomicBoolean();

    private WarmUp() {}

    /** Real runs started in this JVM so far: a warm-up asked for at this count stops when it changes. */
    public static long runsStarted() {
        return RUNS_STARTED.get();
    }

    /** Called when a real run starts (its data is prepared next): the warm-up leaves the cores to it. */
    static void runStarting() {
        RUNS_STARTED.incrementAndGet();
    }

    /** Called when a real run's training starts: a warm-up on a stand-in, which went on while the data was prepared, ends. */
    static void trainingStarting() {
        TRAININGS_STARTED.incrementAndGet();
    }

    /** {@link #train(ScenarioFile, long)} on a daemon thread (the JUnit engine, after discovery). */
    public static void beside(ScenarioFile file) {
        long since = runsStarted();
        Thread t = new Thread(() -> train(file, since), "trainspec-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The first call in a JVM trains {@code file}'s first variant in slices until a real run
     * starts after {@code since} ({@link #runsStarted()} when the warm-up was asked for) or
     * {@link #MAX_NANOS} pass; for large data, a stand-in until a real training starts or
     * {@link #STAND_IN_MAX_NANOS} pass. Later calls, and files with csv data, train nothing.
     * Returns the slices trained.
     */
    public static int train(ScenarioFile file, long since) {
        if (!BEGUN.compareAndSet(false, true)) return 0;
        long trainings = TRAININGS_STARTED.get();
        return slices(file, () -> runsStarted() == since, () -> TRAININGS_STARTED.get() == trainings);
    }

    /**
     * Trains {@code file}'s first variant in slices while {@code goOn} holds, at most
     * {@link #MAX_NANOS}, or a stand-in for it while {@code goOnStandIn} holds, at most
     * {@link #STAND_IN_MAX_NANOS}; the slices trained.
     */
    static int slices(ScenarioFile file, BooleanSupplier goOn, BooleanSupplier goOnStandIn) {
        Scenario s = file.variants().get(0);
        Limits.DataSize size = Limits.DataSize.of(s.data().source());
        if (size == null) return 0;
        boolean large = size.rows() * size.features() >= DataCache.MIN_VALUES;
        Scenario warm = large ? standIn(s, size.features()) : s;
        if (warm == null) return 0;
        BooleanSupplier going = large ? goOnStandIn : goOn;
        long end = System.nanoTime() + (large ? STAND_IN_MAX_NANOS : MAX_NANOS);
        int slices = 0;
        try {
            PreparedData data = PreparedData.of(warm);
            while (going.getAsBoolean() && System.nanoTime() - end < 0) {
                slices++;
                try {
                    Assembly.of(warm, data, warm.seed(), System.nanoTime() + SLICE_NANOS, Helpers.NONE).trainer().run();
                } catch (OutOfTime e) {
                    // the slice is over: the point of it
                }
            }
        } catch (RuntimeException e) {
            // the real run reports what it refuses, and meets any engine error itself: a warm-up (on
            // a stand-in, parameters the file never asked for) must not print or stop anything
        }
        return slices;
    }

    /**
     * {@code s} on as many rows of its generator as stay under the data cache's threshold (so
     * nothing is written to the cache), split 3:1 (the file's split may ask for more rows than
     * that), in minibatches of at most {@link #STAND_IN_BATCH} rows (full batches too), for as
     * many epochs as slices can use: the same layers, widths, loss and optimizer, so the JIT
     * compiles the kernels the real run takes. Null for a source without a single
     * {@code n_samples} (csv, bundled datasets, per-centre counts) or too wide for a stand-in.
     */
    static Scenario standIn(Scenario s, long features) {
        Named source = s.data().source();
        long rows = (DataCache.MIN_VALUES - 1) / Math.max(1, features);
        if (!(source.params().values().get("n_samples") instanceof Number) || rows < STAND_IN_MIN_ROWS) return null;
        Map<String, Object> values = new LinkedHashMap<>(source.params().values());
        values.put("n_samples", (int) rows);
        Named small = new Named(source.name(), new Params(values, source.params().origins()), source.origin());
        DataSpec d = s.data();
        DataSpec.SplitSpec split = d.split();
        DataSpec data = new DataSpec(small, d.preprocess(), new DataSpec.SplitSpec(0.25, split.randomState(), split.shuffle(), split.stratify(),
                split.origin()), d.root(), d.origin());
        TrainSpec t = s.train();
        int batch = t.batchSize() == TrainSpec.FULL_BATCH ? STAND_IN_BATCH : Math.min(t.batchSize(), STAND_IN_BATCH);
        TrainSpec train = new TrainSpec(STAND_IN_EPOCHS, batch, t.shuffle(), t.clipGradNorm(), null, t.origin());
        return new Scenario(s.id(), s.file(), s.variant(), s.title(), s.description(), s.tags(), s.seed(), data, s.model(), s.loss(),
                s.optimizer(), s.schedule(), train, s.baselines(), s.repeat(), s.expect(), s.regression(), s.budgetSeconds(), s.source(),
                s.origin());
    }
}
