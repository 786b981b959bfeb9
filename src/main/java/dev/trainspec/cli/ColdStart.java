package dev.trainspec.cli;

import dev.trainspec.run.DataCache;
import dev.trainspec.run.WarmUp;
import dev.trainspec.scenario.ScenarioFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * What the CLI does on a second thread while picocli models the command line (about 0.1 s of a
 * cold JVM's CPU on the main thread): {@link VectorRelaunch}'s estimate, which loads the files
 * named, then, for a {@code run} in this JVM, a read of the first file's data cache entry on a
 * thread of its own ({@link DataCache#readAhead}), which the run takes instead of reading again,
 * and a warm-up training of the first file ({@link WarmUp}), which ends when the real training
 * starts.
 */
final class ColdStart {
    private final CompletableFuture<Boolean> restart = new CompletableFuture<>();
    /** Runs started before the CLI began: a run that starts before the warm-up does is not competed with. */
    private final long since = WarmUp.runsStarted();

    private ColdStart() {}

    static ColdStart begin(String[] args) {
        ColdStart start = new ColdStart();
        Thread beside = new Thread(() -> start.estimateThenWarmUp(args), "trainspec-cold-start");
        beside.setDaemon(true);
        beside.start();
        return start;
    }

    /** Whether to restart with the vector module; an estimate that failed counts as no (the scalar kernels give the same bits). */
    boolean restartWanted() {
        try {
            return restart.get();
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void estimateThenWarmUp(String[] args) {
        boolean wanted;
        List<Path> files;
        // each file loaded once for the estimate, the read ahead and the warm-up
        Map<Path, ScenarioFile> loaded = new HashMap<>();
        Function<Path, ScenarioFile> load = file -> loaded.computeIfAbsent(file, VectorRelaunch::load);
        try {
            files = VectorRelaunch.trains(args) ? VectorRelaunch.files(args) : List.of();
            wanted = VectorRelaunch.wanted(args, files, load);
        } catch (RuntimeException e) {
            restart.completeExceptionally(e);
            return;
        }
        restart.complete(wanted);
        if (wanted || files.isEmpty() || !args[0].equals("run")) return;
        try {
            ScenarioFile first = load.apply(files.get(0));
            if (EngineOptions.javaEngine(args)) DataCache.readAhead(first, since);
            WarmUp.train(first, since);
        } catch (RuntimeException e) {
            // a file that does not load, or anything else the warm-up meets: the real run reports it
        }
    }
}
