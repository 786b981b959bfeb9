package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * SCENARIOS.md section 7: a variant's {@code seconds} is its training wall time, all repeat runs
 * included: not the data preparation, the baselines or the wait for a worker behind other
 * variants' runs, which a variant queued behind a long one used to count.
 */
class VariantSecondsTest {
    private static final Path ROOT = Path.of("src/test/resources/cli/scenarios");

    @Test
    void aVariantOfOneRunTakesExactlyItsRunsTime() {
        ScenarioFile file = ScenarioLoader.load(ROOT.resolve("ok/moons.yaml"), new Workspace(Path.of("").toAbsolutePath(), ROOT));
        VariantResult v = ScenarioRunner.run(file).get(0);
        assertNull(v.error(), v.error());
        assertEquals(1, v.runs().size());
        assertEquals(v.runs().get(0).seconds(), v.seconds(), 0.0);
    }

    @Test
    void repeatRunsCountFromTheFirstStartToTheLastEnd() {
        ScenarioFile file = ScenarioLoader.load(ROOT.resolve("repeat/moons-variants.yaml"), new Workspace(Path.of("").toAbsolutePath(), ROOT));
        for (VariantResult v : ScenarioRunner.run(file)) {
            assertNull(v.error(), v.error());
            // the runs may overlap (several workers) or leave gaps (one worker shared with other variants): at least the longest
            double longest = v.runs().stream().mapToDouble(RunResult::seconds).max().orElseThrow();
            assertTrue(v.seconds() >= longest, v.name() + ": " + v.seconds() + " against a run of " + longest);
        }
    }
}
