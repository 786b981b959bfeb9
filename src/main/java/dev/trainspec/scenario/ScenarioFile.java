package dev.trainspec.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded file: its base scenario first, then one scenario per variant, and the top-level
 * expectations that compare variants (they name a qualifier on both sides).
 */
public record ScenarioFile(String id, Path file, List<Scenario> variants, List<Expectation> comparisons) {
    public ScenarioFile {
        variants = List.copyOf(variants);
        comparisons = List.copyOf(comparisons);
    }

    public Scenario base() {
        return variants.get(0);
    }
}
