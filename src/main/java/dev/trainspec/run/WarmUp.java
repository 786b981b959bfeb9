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
 * file's own layers, loss and optimizer sooner when a second core has already run them. Only
 * small data is prepared twice for it (below the data cache's threshold: milliseconds). It
 * shares nothing with the real runs (its own model, generator and data), so their results are
 * the same bits; it stops as soon as a real run starts, or after {@link #MAX_NANOS}, and happens
 * once per JVM.
 */
public final class WarmUp {
    /** The longest warm-up, for a start that takes long (a busy machine, discovery without execution). */
    static final long MAX_NANOS = 300_000_000L;
    /** Each warm-up training is cut after this long, so that a real run's start ends it soon. */
    private static final long SLICE_NANOS = 20_000_000L;

    private static final AtomicLong RUNS_STARTED = new AtomicLong();
    private static final AtomicBoolean BEGUN = new AtomicBoolean();

    private WarmUp() {}

    /** Real runs started in this JVM so far: a warm-up asked for at this count stops when it changes. */
    public static long runsStarted() {
        return RUNS_STARTED.get();
    }

    /** Called when real training starts: the warm-up leaves the cores to it. */
    static void runStarting() {
        RUNS_STARTED.incrementAndGet();
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
     * {@link #MAX_NANOS} pass; later calls, and files with large or csv data, train nothing.
     * Returns the slices trained.
     */
    public static int train(ScenarioFile file, long since) {
        return BEGUN.compareAndSet(false, true) ? slices(file, () -> runsStarted() == since) : 0;
    }

    /** Trains {@code file}'s first variant in slices while {@code goOn} holds, at most {@link #MAX_NANOS}; the slices trained. */
    static int slices(ScenarioFile file, BooleanSupplier goOn) {
        Scenario s = file.variants().get(0);
        Limits.DataSize size = Limits.DataSize.of(s.data().source());
        if (size == null || size.rows() * size.features() >= DataCache.MIN_VALUES) return 0;
        long end = System.nanoTime() + MAX_NANOS;
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
