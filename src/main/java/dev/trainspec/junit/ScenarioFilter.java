package dev.trainspec.junit;

import dev.trainspec.run.Discovery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code trainspec.scenarios=GLOB} and {@code trainspec.tags=a,b} (SCENARIOS.md 7): after the
 * selectors, keep the files whose path below the scenarios folder or whose id matches the glob
 * ({@link Discovery.Glob}), and the tests whose scenario tags include a listed tag. JUnit's own
 * tag filters ({@code -Dgroups}, {@code @IncludeTags}) apply on top.
 *
 * @param glob null for every file
 * @param tags empty for every test
 */
record ScenarioFilter(Discovery.Glob glob, Set<String> tags) {
    static final String SCENARIOS = "trainspec.scenarios";
    static final String TAGS = "trainspec.tags";
    static final ScenarioFilter ALL = new ScenarioFilter(null, Set.of());

    ScenarioFilter {
        tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
    }

    /** Parses both values (null when not set); a glob that does not parse is an {@link IllegalArgumentException} naming the parameter. */
    static ScenarioFilter parse(String glob, String tags) {
        Discovery.Glob g;
        try {
            g = Discovery.Glob.of(glob);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SCENARIOS + ": " + e.getMessage(), e);
        }
        Set<String> listed = new LinkedHashSet<>();
        if (tags != null) for (String t : tags.split(",")) if (!t.isBlank()) listed.add(t.strip());
        return new ScenarioFilter(g, listed);
    }

    /** Whether a file (loaded or not, by its id or default id) is kept. */
    boolean keepsFile(Path file, Path scenariosDir, String id) {
        return glob == null || glob.matches(file, scenariosDir, id);
    }

    /** Whether a test of a scenario with these tags is kept. */
    boolean keepsTags(List<String> scenarioTags) {
        return tags.isEmpty() || scenarioTags.stream().anyMatch(tags::contains);
    }

    /** The settings in force, as the user would write them ("trainspec.tags=smoke"), for "no scenario matched ...". */
    List<String> described() {
        List<String> out = new ArrayList<>();
        if (glob != null) out.add(SCENARIOS + "=" + glob.text());
        if (!tags.isEmpty()) out.add(TAGS + "=" + String.join(",", tags));
        return out;
    }
}
