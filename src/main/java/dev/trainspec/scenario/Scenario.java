package dev.trainspec.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * One runnable variant of a scenario file, with the variant's override already deep-merged in.
 * {@code variant} is "base" for the file itself. {@code source} is the file's text as written
 * (for reports); {@code baselines} names classical models; {@code repeat} >= 1.
 */
public record Scenario(String id, Path file, String variant, String title, String description,
                       List<String> tags, long seed, DataSpec data, List<LayerSpec> model,
                       Named loss, Named optimizer, Named schedule, TrainSpec train,
                       List<String> baselines, int repeat, List<Expectation> expect,
                       Regression regression, Double budgetSeconds, String source, Origin origin) {
    public Scenario {
        tags = List.copyOf(tags);
        model = List.copyOf(model);
        baselines = List.copyOf(baselines);
        expect = List.copyOf(expect);
    }

    /** {@code regression:}; null when absent. */
    public record Regression(List<String> metrics, double tolerance, Origin origin) {
        public Regression {
            metrics = List.copyOf(metrics);
        }
    }

    @Override
    public String toString() {
        return id + "[" + variant + "] seed=" + seed + " optimizer=" + optimizer + " train=" + train;
    }
}
