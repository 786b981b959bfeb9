package dev.trainspec.run;

import dev.trainspec.scenario.Scenario;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every repeat run of one variant, the classical baselines fitted on the same split
 * ({@code baselines.get("logistic_regression").get("test.accuracy")}), the data's facts and the
 * variant's training wall time (all runs included). {@code error} is non-null when the variant
 * could not run (then runs is empty); {@code refused} says it was refused before training (data,
 * shapes, loss vs widths, resource limits: what {@link Preflight} finds), not stopped in it.
 * The baselines keep the order they were fitted in (the scenario's {@code baselines:} list), so
 * the JSON result lists them the same way in every JVM ({@code Map.copyOf} iterates in an order
 * that changes from one JVM to the next).
 */
public record VariantResult(Scenario scenario, List<RunResult> runs, Map<String, Map<String, Double>> baselines,
                            DataFacts data, String modelDescription, double seconds, String error, boolean refused) {
    public VariantResult {
        runs = List.copyOf(runs);
        baselines = Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
    }

    /** A result that was not refused before training. */
    public VariantResult(Scenario scenario, List<RunResult> runs, Map<String, Map<String, Double>> baselines,
                         DataFacts data, String modelDescription, double seconds, String error) {
        this(scenario, runs, baselines, data, modelDescription, seconds, error, false);
    }

    /** Refused before training (data, shapes, loss vs widths, limits: exit 2), by either engine. */
    public static VariantResult refused(Scenario s, DataFacts data, double seconds, String error) {
        return new VariantResult(s, List.of(), Map.of(), data, "", seconds, error, true);
    }

    /** Could not finish training (budget, a failed process, a value only training reveals: exit 1), by either engine. */
    public static VariantResult failed(Scenario s, DataFacts data, double seconds, String error) {
        return new VariantResult(s, List.of(), Map.of(), data, "", seconds, error, false);
    }

    public String name() {
        return scenario.variant();
    }
}
