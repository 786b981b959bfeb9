package dev.trainspec.run;

import dev.trainspec.scenario.Scenario;
import java.util.List;
import java.util.Map;

/**
 * Every repeat run of one variant, the classical baselines fitted on the same split
 * ({@code baselines.get("logistic_regression").get("test.accuracy")}), the data's facts and the
 * variant's training wall time (all runs included). {@code error} is non-null when the variant
 * could not run (then runs is empty); {@code refused} says it was refused before training (data,
 * shapes, loss vs widths, resource limits: what {@link Preflight} finds), not stopped in it.
 */
public record VariantResult(Scenario scenario, List<RunResult> runs, Map<String, Map<String, Double>> baselines,
                            DataFacts data, String modelDescription, double seconds, String error, boolean refused) {
    public VariantResult {
        runs = List.copyOf(runs);
        baselines = Map.copyOf(baselines);
    }

    /** A result that was not refused before training. */
    public VariantResult(Scenario scenario, List<RunResult> runs, Map<String, Map<String, Double>> baselines,
                         DataFacts data, String modelDescription, double seconds, String error) {
        this(scenario, runs, baselines, data, modelDescription, seconds, error, false);
    }

    public String name() {
        return scenario.variant();
    }
}
