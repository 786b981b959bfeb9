package dev.trainspec.run;

import dev.trainspec.engine.train.OutOfTime;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioFile;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Trains a file's first variant, and throws the result away, while the process is still starting
 * (the CLI's picocli setup, the JUnit launcher between discovery and execution): in a fresh JVM a
 * run's first thousand steps are interpreted or in C1's profiling code, and the JIT compiles the
 * file's own layers, loss and optimizer sooner when a second core has already run them. Small
 * data is prepared twice for it (below the data cache's threshold: milliseconds) and the warm-up
 * stops when the real run starts. Larger data is not: while the real rows are read from the data
 * cache, the warm-up trains the same model on a few rows of the same generator ({@link SmallData})
 * and stops when the real training starts (a cached 250,000 x 512 run reads 513 MB first: a
 * core's worth of time for the JIT); beside a generation, which takes every core, it does
 * nothing. It shares nothing with the real runs (its own model, generator and data), so their
 * results are the same bits; it stops after {@link #MAX_NANOS} ({@link #MAX_STAND_IN_NANOS}) at
 * the latest, and happens once per JVM.
 */
public final class WarmUp {
    /** The longest warm-up, for a start that takes long (a busy machine, discovery without execution). */
    static final long MAX_NANOS = 300_000_000L;
    /** The longest warm-up on stand-in data, which gives way when the real training starts: a cached read at a busy moment. */
    static final long MAX_STAND_IN_NANOS = 1_000_000_000L;
    /** Each warm-up training is cut after this long, so that a real run's start ends it soon. */
    private static final long SLICE_NANOS = 20_000_000L;

    private static final AtomicLong RUNS_STARTED = new AtomicLong();
    private static final AtomicLong TRAININGS_STARTED = new AtomicLong();
    private static final AtomicBoolean BEGUN = new AtomicBoolean();

    private WarmUp() {}

    /** Real runs and trainings started in this JVM so far: a warm-up asked for at this moment stops when they change. */
    public record Since(long runs, long trainings) {}

    public static Since now() {
        return new Since(RUNS_STARTED.get(), TRAININGS_STARTED.get());
    }

    /** Called when a real run starts preparing its data: a warm-up on the same small data leaves the cores to it. */
    static void runStarting() {
        RUNS_STARTED.incrementAndGet();
    }

    /** Called when a real training starts: a warm-up on stand-in data (large real data) leaves the cores to it. */
    static void trainingStarting() {
        TRAININGS_STARTED.incrementAndGet();
    }

    /** {@link #train(ScenarioFile, Since)} on a daemon thread (the JUnit engine, after discovery). */
    public static void beside(ScenarioFile file) {
        Since since = now();
        Thread t = new Thread(() -> train(file, since), "trainspec-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The first call in a JVM trains {@code file}'s first variant in slices until a real run
     * (small data) or a real training (cached data, on stand-in rows) starts after {@code since}
     * ({@link #now()} when the warm-up was asked for) or the time is up; later calls, and files
     * with csv data or data to generate, train nothing. Returns the slices trained.
     */
    public static int train(ScenarioFile file, Since since) {
        if (!BEGUN.compareAndSet(false, true)) return 0;
        Scenario s = file.variants().get(0);
        if (small(s)) return slices(s, () -> RUNS_STARTED.get() == since.runs(), MAX_NANOS);
        // only beside a read from the data cache: a generation takes every core
        Scenario stand = DataCache.hasEntry(s) ? SmallData.of(s) : null;
        return stand == null ? 0 : slices(stand, () -> TRAININGS_STARTED.get() == since.trainings(), MAX_STAND_IN_NANOS);
    }

    /** Generated data under the data cache's threshold, which the warm-up may prepare a second time. */
    static boolean small(Scenario s) {
        Limits.DataSize size = Limits.DataSize.of(s.data().source());
        return size != null && size.rows() * size.features() < DataCache.MIN_VALUES;
    }

    /** Trains {@code s} in slices while {@code goOn} holds, at most {@link #MAX_NANOS}; the slices trained. None for large data. */
    static int slices(Scenario s, BooleanSupplier goOn) {
        return slices(s, goOn, MAX_NANOS);
    }

    /** {@link #slices(Scenario, BooleanSupplier)} for at most {@code maxNanos}. */
    static int slices(Scenario s, BooleanSupplier goOn, long maxNanos) {
        if (!small(s)) return 0;
        long end = System.nanoTime() + maxNanos;
        int slices = 0;
        try {
            PreparedData data = PreparedData.of(s);
            while (goOn.getAsBoolean() && System.nanoTime() - end < 0) {
                slices++;
                try {
                    Assembly.of(s, data, s.seed(), System.nanoTime() + SLICE_NANOS).trainer().run();
                } catch (OutOfTime e) {
                    // the slice is over: the point of it
                }
            }
        } catch (ScenarioException | IllegalArgumentException e) {
            // the real run reports what it refuses
        }
        return slices;
    }
}
