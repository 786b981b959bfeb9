package dev.trainspec.check;

import dev.trainspec.check.diagnosis.DynamicRules;
import dev.trainspec.check.diagnosis.StaticRules;
import dev.trainspec.run.VariantResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Says why a run went wrong (scenarios/README.md section 6): static findings from the scenario and the
 * data's facts ({@link StaticRules}), dynamic ones from the recorded histories
 * ({@link DynamicRules}). Each finding carries the numbers it rests on and one sentence of advice.
 * A variant that could not run still gets its static findings.
 */
public final class Diagnosis {
    private Diagnosis() {}

    public static List<Finding> of(VariantResult r) {
        List<Finding> out = new ArrayList<>(StaticRules.of(r));
        out.addAll(DynamicRules.of(r));
        return List.copyOf(out);
    }
}
