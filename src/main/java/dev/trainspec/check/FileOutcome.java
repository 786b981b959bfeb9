package dev.trainspec.check;

import dev.trainspec.scenario.ScenarioFile;
import java.util.List;

/** Everything judged for one scenario file: each variant, and the cross-variant comparisons. */
public record FileOutcome(ScenarioFile file, List<VariantOutcome> variants, List<Verdict> comparisons) {
    public FileOutcome {
        variants = List.copyOf(variants);
        comparisons = List.copyOf(comparisons);
    }

    public Status status() {
        Status s = comparisons.stream().allMatch(Verdict::passed) ? Status.PASSED : Status.FAILED;
        for (VariantOutcome v : variants) s = Status.worst(s, v.status());
        return s;
    }
}
