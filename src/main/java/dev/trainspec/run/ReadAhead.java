package dev.trainspec.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

/**
 * A data cache entry read on its own thread before the run asks for it: the CLI knows the first
 * file's data as soon as it has loaded the file beside picocli's setup, while the main thread is
 * still setting up (a cached 250,000 x 512 entry takes 0.3-0.4 s of CPU to read in a fresh JVM). The
 * run's look-up of the same entry takes the read instead of reading again; a look-up of any
 * other entry drops it, so a read nobody takes does not keep its arrays, and a read is only
 * started while no run has begun preparing (checked under the same lock as a look-up's take).
 * One read at most.
 */
final class ReadAhead {
    private record Pending(Path file, CompletableFuture<CacheEntry.Read> read) {}

    /** The read not taken yet, or null; only touched under the class's lock. */
    private static Pending pending;

    private ReadAhead() {}

    /**
     * Reads {@code file}, written under {@code keyDigest}, on a daemon thread, replacing any read not
     * yet taken, if {@code stillAhead} holds at that moment: a look-up of the entry that has already
     * happened would never take the read, and its arrays would be held to the end of the process.
     */
    static synchronized void start(Path file, byte[] keyDigest, BooleanSupplier stillAhead) {
        if (!stillAhead.getAsBoolean()) return;
        CompletableFuture<CacheEntry.Read> read = new CompletableFuture<>();
        pending = new Pending(file, read);
        Thread t = new Thread(() -> {
            try {
                read.complete(CacheEntry.read(file, keyDigest));
            } catch (Throwable e) {
                read.completeExceptionally(e); // the look-up that takes it handles it as its own read's
            }
        }, "trainspec-read-ahead");
        t.setDaemon(true);
        t.start();
    }

    /** The read started for {@code file}, or null; either way no read is pending afterwards. */
    static synchronized CompletableFuture<CacheEntry.Read> take(Path file) {
        Pending p = pending;
        pending = null;
        return p != null && p.file().equals(file) ? p.read() : null;
    }

    /** The entry read ahead, or what reading it threw, as {@link CacheEntry#read} would have thrown it. */
    static CacheEntry.Read join(CompletableFuture<CacheEntry.Read> read) throws IOException {
        try {
            return read.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw e;
        }
    }
}
