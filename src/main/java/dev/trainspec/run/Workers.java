package dev.trainspec.run;

import dev.trainspec.engine.train.Helpers;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that train: one pool for the process, sized to the cores (or
 * {@code -Dtrainspec.threads=N}). Runs never share mutable state — each has its own model, RNGs
 * and buffers, and prepared data is read-only — so results do not depend on the thread count.
 */
public final class Workers {
    /** The system property (and the JUnit engine's configuration parameter) that sets the thread count. */
    public static final String THREADS_PROPERTY = "trainspec.threads";

    /**
     * Made on first use, not when the class loads: a malformed {@code trainspec.threads} is then an
     * {@link IllegalArgumentException} for whoever asked (a usage error at every door), never an
     * ExceptionInInitializerError that kills the JVM and leaves the class unusable.
     */
    private static ExecutorService pool;

    private Workers() {}

    public static synchronized ExecutorService pool() {
        if (pool == null) pool = create(threads());
        return pool;
    }

    public static int threads() {
        return threads(System.getProperty(THREADS_PROPERTY));
    }

    /** The thread count a {@code trainspec.threads} value asks for: the cores when null or blank. */
    public static int threads(String configured) {
        if (configured != null && !configured.isBlank()) {
            try {
                int n = Integer.parseInt(configured.trim());
                if (n >= 1) return n;
            } catch (NumberFormatException ignored) {
                // fall through to the message below
            }
            throw new IllegalArgumentException(THREADS_PROPERTY + ": expected a positive integer, found '" + configured + "'");
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * The threads of {@code pool} one run on it may borrow besides its own: all the others (a
     * run's helpers only take work nobody has started, so borrowing a busy pool costs nothing).
     * None for a pool of one thread, so {@code trainspec.threads=1} runs everything on one thread,
     * nor for an executor whose size is unknown.
     */
    public static Helpers helpers(Executor pool) {
        return pool instanceof ThreadPoolExecutor p && p.getMaximumPoolSize() > 1 ? new Helpers(pool, p.getMaximumPoolSize() - 1) : Helpers.NONE;
    }

    /** A pool of daemon threads, so that a JVM whose work is done is never kept alive by it. */
    public static ExecutorService create(int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "trainspec-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
