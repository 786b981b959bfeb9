package dev.trainspec.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** SCENARIOS.md 7: -Dtrainspec.scenarios=GLOB and -Dtrainspec.tags=a,b select, after the selectors and with JUnit's tag filters. */
class ScenarioFilterTest {
    @TempDir
    Path tmp;

    private EngineTestKit.Builder engine(EngineWorkspace ws, String key, String value) {
        return EngineTestKit.engine(TrainspecEngine.ID).selectors(selectDirectory(ws.scenarios.toFile()))
                .configurationParameter(EngineSettings.JSON, ws.json().toString()).configurationParameter(EngineSettings.NAMING, "long")
                .configurationParameter(key, value);
    }

    private static List<String> tests(EngineTestKit.Builder b) {
        return b.discover().getEngineDescriptor().getDescendants().stream().filter(TestDescriptor::isTest).map(TestDescriptor::getDisplayName)
                .sorted().toList();
    }

    private static final List<String> QUICK = List.of("base: Quick moons", "comparisons between variants: Quick moons", "slow: Quick moons", "wide: Quick moons");
    private static final List<String> OTHER = List.of("base: Other circles");

    @Test
    void tagsKeepTheTestsOfScenariosWithAnyListedTag() throws IOException {
        EngineWorkspace ws = new EngineWorkspace(tmp);
        assertEquals(OTHER, tests(engine(ws, ScenarioFilter.TAGS, "slow")));
        assertEquals(QUICK, tests(engine(ws, ScenarioFilter.TAGS, " nosuch , fast,")));
    }

    @Test
    void aGlobKeepsTheFilesWhosePathBelowScenariosOrWhoseIdMatches() throws IOException {
        EngineWorkspace ws = new EngineWorkspace(tmp);
        assertEquals(OTHER, tests(engine(ws, ScenarioFilter.SCENARIOS, "more/**")));
        assertEquals(OTHER, tests(engine(ws, ScenarioFilter.SCENARIOS, "more/other.yaml")));
        assertEquals(OTHER, tests(engine(ws, ScenarioFilter.SCENARIOS, "more/other")), "the id");
        assertEquals(QUICK, tests(engine(ws, ScenarioFilter.SCENARIOS, "quick")), "the id");
        assertEquals(List.of("no scenario matched"), tests(engine(ws, ScenarioFilter.SCENARIOS, "nosuch/**")));
    }

    @Test
    void theyCombineWithJunitsTagFiltersAndAnEmptyResultNamesThem() throws IOException {
        EngineWorkspace ws = new EngineWorkspace(tmp);
        engine(ws, ScenarioFilter.TAGS, "moons").filters(TagFilter.excludeTags("slow")).execute()
                .testEvents().assertStatistics(s -> s.started(4).succeeded(4));
        EngineExecutionResults none = engine(ws, ScenarioFilter.TAGS, "fast").configurationParameter(ScenarioFilter.SCENARIOS, "**")
                .filters(TagFilter.includeTags("slow")).execute();
        none.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertEquals("no scenario matched directory " + ws.scenarios + " (after tag filters such as -Dgroups, trainspec.scenarios=**,"
                + " trainspec.tags=fast, and trainspec.shard off); set the configuration parameter trainspec.allowEmpty=true to accept an empty selection",
                none.testEvents().failed().list().get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage());
    }

    @Test
    void aGlobThatDoesNotParseIsAFailedTestNamingIt() throws IOException {
        EngineWorkspace ws = new EngineWorkspace(tmp);
        EngineExecutionResults r = engine(ws, ScenarioFilter.SCENARIOS, "seeds/[").execute();
        r.testEvents().assertStatistics(s -> s.started(1).failed(1));
        String message = r.testEvents().failed().list().get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage();
        assertEquals(true, message.startsWith("trainspec.scenarios: expected a glob such as seeds/** or **moons*, found 'seeds/['"), message);
    }
}
