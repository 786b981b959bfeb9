package dev.trainspec.run;

import dev.trainspec.scenario.Scenario;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The data and the baselines of one file's variants, each prepared once: variants that differ
 * only in the model or the optimizer (seed 000's learning rates, seed 004's weight decays) train
 * on the same generated rows, so the rows are generated, split and checked once, and the
 * baselines fitted once, for all of them. Everything that preparing reads is in the key (the
 * scenario's data section with its origins, its seed, and for baselines their names), so a
 * shared result, or a shared error message, is exactly the one the variant would get alone.
 */
final class SharedPreparation {
    private final Map<List<Object>, CompletableFuture<PreparedData>> data = new ConcurrentHashMap<>();
    private final Map<List<Object>, CompletableFuture<Map<String, Map<String, Double>>>> baselines = new ConcurrentHashMap<>();
    /**
     * False for a file of one variant, which has nothing to share: its keys are never built, since
     * the first hashCode of the data section's records bootstraps their generated methods, about
     * 20 ms of CPU spinning method-handle classes in a fresh JVM (docs/benchmarks.md "Cold start").
     */
    private final boolean shared;

    private SharedPreparation(boolean shared) {
        this.shared = shared;
    }

    /** The preparation of a file with {@code variants} variants: shared when there are two or more. */
    static SharedPreparation forVariants(int variants) {
        return new SharedPreparation(variants > 1);
    }

    CompletableFuture<PreparedData> data(Scenario s, Executor pool) {
        return once(data, shared ? List.of(s.data(), s.seed()) : null, () -> PreparedData.of(s), pool);
    }

    CompletableFuture<Map<String, Map<String, Double>>> baselines(Scenario s, PreparedData prepared, Executor pool) {
        return once(baselines, shared ? List.of(s.data(), s.seed(), s.baselines()) : null, () -> Baselines.fit(s.baselines(), prepared), pool);
    }

    /** Started once per key on the pool; started every time when there is no key (nothing shared). */
    private static <T> CompletableFuture<T> once(Map<List<Object>, CompletableFuture<T>> started, List<Object> key, Supplier<T> make, Executor pool) {
        if (key == null) return CompletableFuture.supplyAsync(make, pool);
        return started.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(make, pool));
    }
}
