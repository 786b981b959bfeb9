package dev.trainspec.junit;

import dev.trainspec.scenario.Expectation;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The variants that must train for the selected tests: the selected variants, the variants their
 * expectations name ({@code mean base.weight_norm}), and for the comparisons test base and every
 * variant the comparisons name. Nothing else trains.
 */
final class Needed {
    private Needed() {}

    static List<Scenario> of(ScenarioFile file, Set<Scenario> selected, boolean comparisons) {
        Set<String> names = new HashSet<>();
        for (Scenario s : selected) {
            names.add(s.variant());
            for (Expectation e : s.expect()) named(e, names);
        }
        if (comparisons) {
            names.add(file.base().variant());
            for (Expectation e : file.comparisons()) named(e, names);
        }
        List<Scenario> out = new ArrayList<>();
        for (Scenario v : file.variants()) if (names.contains(v.variant())) out.add(v);
        return out;
    }

    /** Qualifiers that are not variant names (classical baselines) match no variant and are harmless here. */
    private static void named(Expectation e, Set<String> names) {
        if (!(e instanceof Expectation.Comparison c)) return;
        for (Expectation.Term t : List.of(c.left(), c.right())) {
            if (t instanceof Expectation.Metric m && m.qualifier() != null) names.add(m.qualifier());
        }
    }
}
