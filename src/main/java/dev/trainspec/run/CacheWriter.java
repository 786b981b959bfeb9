package dev.trainspec.run;

import dev.trainspec.engine.data.Dataset;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes data cache entries on a thread of their own, so that the run that generated the rows
 * trains while they are hashed (SHA-256 over the 128 million values of 250,000 x 512, about 1 s)
 * and written (512 MB) instead of after. The process waits for the writes still under way when it
 * exits (a shutdown hook: the CLI's System.exit and a test JVM's end run it), so a short run does
 * not lose its entry; a run in the same process that wants an entry still being written gets the
 * rows from memory instead of generating them again.
 */
final class CacheWriter {
    /** Entries being written, by file, with the rows they hold. */
    private static final Map<Path, Dataset> WRITING = new ConcurrentHashMap<>();
    /** The longest the exit waits for the writes under way: a file system that hangs must not hang the process. */
    private static final long EXIT_WAIT_SECONDS = 60;
    private static ExecutorService thread;

    private CacheWriter() {}

    /** The rows of the entry being written to {@code file}, or null. */
    static Dataset writing(Path file) {
        return WRITING.get(file);
    }

    /** Runs {@code write}, which stores {@code rows} in {@code file}, after the writes submitted before it. */
    static synchronized void submit(Path file, Dataset rows, Runnable write) {
        WRITING.put(file, rows);
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "trainspec-cache-writer");
                t.setDaemon(true); // the shutdown hook, not the thread, keeps the process until the entries are written
                return t;
            });
            Runtime.getRuntime().addShutdownHook(new Thread(() -> awaitWrites(EXIT_WAIT_SECONDS), "trainspec-cache-writer-exit"));
        }
        thread.execute(() -> {
            try {
                write.run();
            } finally {
                WRITING.remove(file, rows);
            }
        });
    }

    /** Returns once every write submitted so far has ended (its thread takes them in order). */
    static void awaitWrites() {
        awaitWrites(Long.MAX_VALUE);
    }

    /** {@link #awaitWrites()}, or after {@code seconds} (an unfinished entry stays a temporary file, removed later). */
    private static void awaitWrites(long seconds) {
        ExecutorService t;
        synchronized (CacheWriter.class) {
            t = thread;
        }
        if (t == null) return;
        try {
            t.submit(() -> {}).get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            // the exit goes on; the entry is written by a later run
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause()); // a no-op does not fail
        }
    }
}
