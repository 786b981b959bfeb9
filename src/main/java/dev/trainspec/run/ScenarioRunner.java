package dev.trainspec.run;

import dev.trainspec.engine.tensor.StorageChanged;
import dev.trainspec.engine.train.OutOfTime;
import dev.trainspec.engine.train.TrainConfig;
import dev.trainspec.engine.train.TrainingRun;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The one bridge from scenarios to the engine: prepares each variant's data once (once for all
 * variants of a file with the same data section and seed: {@link SharedPreparation}), trains one run
 * per repeat seed (seed, seed+1, ...), fits the classical baselines, and returns the results. A
 * variant that cannot run (bad data file, exceeded budget, engine failure) becomes a result with
 * an error rather than an exception, so the other variants still run.
 *
 * <p>Variants, their data and their runs are independent tasks on a pool; tasks never wait on
 * each other (they are chained), and every run owns its model and random streams, so the results
 * are the same bits at any thread count. Results keep the file's variant order and seed order.
 */
public final class ScenarioRunner {
    private ScenarioRunner() {}

    public static List<VariantResult> run(ScenarioFile file) {
        return start(file, Workers.pool()).join();
    }

    public static VariantResult runVariant(Scenario s) {
        return startVariant(s, Workers.pool()).join();
    }

    /** Starts every variant of the file on {@code pool}; completes with their results in file order. */
    public static CompletableFuture<List<VariantResult>> start(ScenarioFile file, Executor pool) {
        Optional<List<VariantResult>> refused = refusedAsAWhole(file);
        if (refused.isPresent()) return CompletableFuture.completedFuture(refused.get());
        WarmUp.runStarting(); // the cores are the real runs' now
        VectorWork.warmUpIfItPays(file); // compiles while the data is prepared
        SharedPreparation shared = SharedPreparation.forVariants(file.variants().size());
        CompletableFuture<Void> admitted = admittedOnceRead(file, shared, pool);
        List<CompletableFuture<VariantResult>> variants = file.variants().stream().map(s -> startVariant(s, pool, shared, admitted)).toList();
        return CompletableFuture.allOf(variants.toArray(CompletableFuture[]::new))
                .thenApply(done -> variants.stream().map(CompletableFuture::join).toList());
    }

    /**
     * Every variant refused before training with the reason (exit 2) when the whole file is over a
     * limit; empty when it is not. Every engine asks this before any variant of the file starts.
     */
    public static Optional<List<VariantResult>> refusedAsAWhole(ScenarioFile file) {
        return refusedIf(file, () -> Limits.current().checkFile(file));
    }

    /**
     * Every variant refused with the reason when a variant's data is sized only once read (csv,
     * bundled datasets) and the file's totals with the rows {@code read} gives (null for data that
     * failed) are over a limit; empty otherwise. For an engine that trains each variant on its own
     * (PyTorch): the Java engine waits for the data instead ({@link #admittedOnceRead}).
     */
    public static Optional<List<VariantResult>> refusedOnceRead(ScenarioFile file, java.util.function.Function<Scenario, PreparedData> read) {
        if (file.variants().stream().noneMatch(Limits::sizedOnceRead)) return Optional.empty();
        return refusedIf(file, () -> Limits.current().checkFile(file, read));
    }

    /** Every variant of the file refused before training with the reason {@code check} throws; empty when it passes. */
    private static Optional<List<VariantResult>> refusedIf(ScenarioFile file, Runnable check) {
        try {
            check.run();
            return Optional.empty();
        } catch (ScenarioException e) {
            return Optional.of(file.variants().stream().map(s -> VariantResult.refused(s, null, 0, e.getMessage())).toList());
        }
    }

    /**
     * Completes when the file may train: at once when {@link #refusedAsAWhole} counted all of it;
     * when a variant's data is sized only once read (csv, bundled datasets), once every variant's
     * data is prepared and the file's totals with the rows read pass {@link Limits#checkFile(ScenarioFile,
     * java.util.function.Function)}, else exceptionally with that refusal, which every variant reports. A
     * variant whose data failed keeps its own error and counts as unread.
     */
    private static CompletableFuture<Void> admittedOnceRead(ScenarioFile file, SharedPreparation shared, Executor pool) {
        if (file.variants().stream().noneMatch(Limits::sizedOnceRead)) return CompletableFuture.completedFuture(null);
        Map<Scenario, CompletableFuture<PreparedData>> data = new java.util.IdentityHashMap<>();
        for (Scenario s : file.variants()) data.put(s, shared.data(s, pool));
        CompletableFuture<?>[] all = data.values().stream().map(d -> d.handle((ok, failed) -> null)).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all).thenRun(() -> Limits.current().checkFile(file, s -> {
            CompletableFuture<PreparedData> d = data.get(s);
            return d.isCompletedExceptionally() ? null : d.join();
        }));
    }

    public static CompletableFuture<VariantResult> startVariant(Scenario s, Executor pool) {
        WarmUp.runStarting();
        ScenarioFile alone = new ScenarioFile(s.id(), s.file(), List.of(s), List.of());
        VectorWork.warmUpIfItPays(alone);
        SharedPreparation shared = SharedPreparation.forVariants(1);
        return startVariant(s, pool, shared, admittedOnceRead(alone, shared, pool));
    }

    private static CompletableFuture<VariantResult> startVariant(Scenario s, Executor pool, SharedPreparation shared, CompletableFuture<Void> admitted) {
        long start = System.nanoTime();
        return shared.data(s, pool)
                .thenCombine(admitted, (data, ok) -> data) // no step before the file's totals with the rows read pass
                .thenCompose(data -> train(s, data, start, pool, shared))
                .exceptionally(e -> refused(s, null, start, messageOf(e)));
    }

    private static CompletableFuture<VariantResult> train(Scenario s, PreparedData data, long start, Executor pool, SharedPreparation shared) {
        List<CompletableFuture<Attempt>> runs = new ArrayList<>();
        for (int i = 0; i < s.repeat(); i++) {
            long seed = s.seed() + i;
            runs.add(CompletableFuture.supplyAsync(() -> attempt(s, data, seed, start, pool), pool));
        }
        CompletableFuture<Map<String, Map<String, Double>>> baselines = shared.baselines(s, data, pool);
        return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).thenCombine(baselines, (done, fitted) -> {
            List<RunResult> results = new ArrayList<>();
            String model = "";
            long firstStart = Long.MAX_VALUE;
            long lastEnd = Long.MIN_VALUE;
            for (CompletableFuture<Attempt> f : runs) {
                Attempt a = f.join();
                if (a.error != null) return a.refused ? refused(s, data, start, a.error) : failed(s, data, start, a.error);
                results.add(a.result);
                model = a.model;
                firstStart = Math.min(firstStart, a.started);
                lastEnd = Math.max(lastEnd, a.ended);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (s.budgetSeconds() != null && elapsed > s.budgetSeconds()) return failed(s, data, start, overBudget(s, elapsed, results));
            // section 7: the training wall time, from its first run's start to its last run's end: not the data
            // preparation, the baselines or the wait for a worker behind other variants' runs (the budget counts those)
            return new VariantResult(s, results, fitted, data.facts(), model, (lastEnd - firstStart) / 1e9, null);
        });
    }

    /** A run's result or why it has none; when it trained, the System.nanoTime() of its start and end. */
    private record Attempt(RunResult result, String model, String error, boolean refused, long started, long ended) {
        Attempt(String error, boolean refused) {
            this(null, "", error, refused, 0, 0);
        }

        Attempt(String error) {
            this(error, false);
        }
    }

    private static Attempt attempt(Scenario s, PreparedData data, long seed, long start, Executor pool) {
        if (s.budgetSeconds() != null && (System.nanoTime() - start) / 1e9 > s.budgetSeconds()) {
            return new Attempt(String.format(Locale.ROOT, "%s: budget exceeded: %.2f s > %s s before the run with seed %d started",
                    s.origin(), (System.nanoTime() - start) / 1e9, s.budgetSeconds(), seed));
        }
        long t0 = System.nanoTime();
        try {
            long deadline = s.budgetSeconds() == null ? TrainConfig.NO_DEADLINE : start + (long) (s.budgetSeconds() * 1e9);
            Assembly assembly = Assembly.of(s, data, seed, deadline, Workers.helpers(pool));
            WarmUp.trainingStarting();
            TrainingRun training = assembly.trainer().run();
            long t1 = System.nanoTime();
            return new Attempt(new RunResult(seed, training, (t1 - t0) / 1e9), assembly.describe(), null, false, t0, t1);
        } catch (OutOfTime e) {
            return new Attempt(String.format(Locale.ROOT, "%s: budget exceeded: %s s spent; the run with seed %d was stopped in epoch %d of %d"
                    + " after %d steps (%.2f s in this run)", s.origin(), s.budgetSeconds(), seed, e.epoch(), s.train().epochs(), e.steps(),
                    (System.nanoTime() - t0) / 1e9));
        } catch (InternalError | StorageChanged e) {
            String changed = DataCache.entryChangedDuringRun(e);
            if (changed == null) throw e;
            return new Attempt(s.data().source().origin() + ": data." + s.data().source().name() + ": " + changed);
        } catch (ScenarioException e) {
            return new Attempt(e.getMessage(), true); // from Assembly: before the first step
        } catch (IllegalArgumentException e) {
            // the engine refused something only training reveals (batch_norm on a batch of 1)
            return new Attempt(s.train().origin() + ": train: " + e.getMessage());
        }
    }

    private static String overBudget(Scenario s, double elapsed, List<RunResult> runs) {
        double training = runs.stream().mapToDouble(RunResult::seconds).sum();
        return String.format(Locale.ROOT, "%s: budget exceeded: %.2f s > %s s (%d runs of %d epochs: %.2f s training in all,"
                        + " %.2f s per run; the rest is data preparation and baselines)", s.origin(), elapsed, s.budgetSeconds(),
                runs.size(), s.train().epochs(), training, runs.isEmpty() ? 0 : training / runs.size());
    }

    private static String messageOf(Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof ScenarioException se) return se.getMessage();
        if (cause instanceof RuntimeException re) throw re; // an engine bug: let it crash loudly
        throw new IllegalStateException(cause);
    }

    /** Refused before training: by preparing the data or assembling the run. */
    private static VariantResult refused(Scenario s, PreparedData data, long start, String error) {
        return VariantResult.refused(s, data == null ? null : data.facts(), (System.nanoTime() - start) / 1e9, error);
    }

    private static VariantResult failed(Scenario s, PreparedData data, long start, String error) {
        return VariantResult.failed(s, data == null ? null : data.facts(), (System.nanoTime() - start) / 1e9, error);
    }
}
