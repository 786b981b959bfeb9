package dev.trainspec.check;

import dev.trainspec.run.VariantResult;
import java.util.List;

/** A variant's results judged: one verdict per expectation plus the health check, and the diagnosis. */
public record VariantOutcome(VariantResult result, List<Verdict> verdicts, List<Finding> diagnosis) {
    public VariantOutcome {
        verdicts = List.copyOf(verdicts);
        diagnosis = List.copyOf(diagnosis);
    }

    public Status status() {
        if (result.error() != null) return Status.ERROR;
        return verdicts.stream().allMatch(Verdict::passed) ? Status.PASSED : Status.FAILED;
    }

    public List<Verdict> failures() {
        return verdicts.stream().filter(v -> !v.passed()).toList();
    }
}
