package dev.trainspec.run;

import dev.trainspec.scenario.Scenario;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

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
     * False for a file of one variant, whose one data section and seed need no key to tell them
     * apart: it shares under the empty key, since the first hashCode of the data section's records
     * bootstraps their generated methods, about 20 ms of CPU spinning method-handle classes in a
     * fresh JVM (docs/benchmarks.md "Cold start").
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
        return data.computeIfAbsent(key(s.data(), s.seed()), k -> CompletableFuture.supplyAsync(() -> PreparedData.of(s), pool));
    }

    CompletableFuture<Map<String, Map<String, Double>>> baselines(Scenario s, PreparedData prepared, Executor pool) {
        return baselines.computeIfAbsent(key(s.data(), s.seed(), s.baselines()),
                k -> CompletableFuture.supplyAsync(() -> Baselines.fit(s.baselines(), prepared), pool));
    }

    /** What tells the variants' preparations apart; nothing when the file has one variant. */
    private List<Object> key(Object... parts) {
        return shared ? List.of(parts) : List.of();
    }
}
