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

    CompletableFuture<PreparedData> data(Scenario s, Executor pool) {
        return data.computeIfAbsent(List.of(s.data(), s.seed()), key -> CompletableFuture.supplyAsync(() -> PreparedData.of(s), pool));
    }

    CompletableFuture<Map<String, Map<String, Double>>> baselines(Scenario s, PreparedData prepared, Executor pool) {
        return baselines.computeIfAbsent(List.of(s.data(), s.seed(), s.baselines()),
                key -> CompletableFuture.supplyAsync(() -> Baselines.fit(s.baselines(), prepared), pool));
    }
}
