package dev.trainspec.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.IncludeTags;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Class path resources and roots, suite classes, and tag filters as Surefire's -Dgroups applies them. */
class TrainspecEngineSelectorsTest {
    @TempDir
    Path tmp;

    /**
     * What a project's suite would say; read by the engine itself only when the suite engine does
     * not run (private, so that an IDE's "run all" does not pick it up as a suite of its own).
     */
    @Suite
    @IncludeEngines("trainspec")
    @SelectClasspathResource("engine-suite")
    @IncludeTags("fast")
    private static final class FastSuite {}

    private EngineTestKit.Builder engine() {
        // long names ("variant: title") keep the tests of several files apart in these lists
        return EngineTestKit.engine(TrainspecEngine.ID).configurationParameter(EngineSettings.JSON, tmp.resolve("json").toString())
                .configurationParameter(EngineSettings.NAMING, "long");
    }

    private static List<String> tests(TestDescriptor root) {
        return root.getDescendants().stream().filter(TestDescriptor::isTest).map(TestDescriptor::getDisplayName).sorted().toList();
    }

    @Test
    void aClasspathResourceFolderOrFileSelectsTheScenariosInIt() {
        assertEquals(List.of("base: Fast threshold", "base: Slow threshold"),
                tests(engine().selectors(selectClasspathResource("engine-suite")).discover().getEngineDescriptor()));
        assertEquals(List.of("base: Slow threshold"),
                tests(engine().selectors(selectClasspathResource("/engine-suite/slow.yaml")).discover().getEngineDescriptor()));
    }

    @Test
    void aClasspathRootIsSearchedInItsScenariosFolderOnly() throws IOException {
        EngineWorkspace ws = new EngineWorkspace(tmp.resolve("project"));
        assertEquals(List.of("base: Other circles", "base: Quick moons", "comparisons between variants: Quick moons", "slow: Quick moons", "wide: Quick moons"),
                tests(engine().selectors(selectClasspathRoots(Set.of(ws.root)).get(0)).discover().getEngineDescriptor()));
        // a root without a scenarios folder (the test classes of a project without scenarios) is not about scenarios
        engine().selectors(selectClasspathRoots(Set.of(ws.scenarios)).get(0)).execute().testEvents().assertStatistics(s -> s.started(0));
    }

    @Test
    void tagFiltersKeepTheTaggedVariantsAndAnEmptyResultFails() throws IOException {
        EngineWorkspace ws = new EngineWorkspace(tmp.resolve("project"));
        engine().selectors(selectDirectory(ws.scenarios.toFile())).filters(TagFilter.includeTags("slow")).execute()
                .testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        engine().selectors(selectDirectory(ws.scenarios.toFile())).filters(TagFilter.excludeTags("fast")).execute()
                .testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        engine().selectors(selectDirectory(ws.scenarios.toFile())).filters(TagFilter.includeTags("nosuchtag")).execute()
                .testEvents().assertStatistics(s -> s.started(1).failed(1));
    }

    @Test
    void theIdesReRunOfOneTestUnderTheSuiteEngineRunsThatTestOnly() {
        // what an IDE sends after a suite run: the suite engine's id of the suite, then this engine's ids
        TestDescriptor suite = EngineTestKit.engine("junit-platform-suite").selectors(selectClass(AllSuite.class))
                .configurationParameter(EngineSettings.JSON, tmp.resolve("json").toString()).configurationParameter(EngineSettings.NAMING, "long")
                .discover().getEngineDescriptor();
        TestDescriptor slow = suite.getDescendants().stream().filter(d -> d.getDisplayName().equals("base: Slow threshold")).findFirst().orElseThrow();
        EngineTestKit.engine("junit-platform-suite").selectors(selectUniqueId(slow.getUniqueId()))
                .configurationParameter(EngineSettings.JSON, tmp.resolve("json").toString()).execute()
                .testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        // the launcher hands the same selector to this engine at the top level too: not its test, or it ran twice
        EngineTestKit.engine(TrainspecEngine.ID).selectors(selectUniqueId(slow.getUniqueId()))
                .configurationParameter(EngineSettings.JSON, tmp.resolve("json").toString()).execute()
                .testEvents().assertStatistics(s -> s.started(0));
    }

    @Suite
    @IncludeEngines("trainspec")
    @SelectClasspathResource("engine-suite")
    static class AllSuite {}

    @Test
    void aSuiteClassIsReadByThisEngineOnlyWhenTheSuiteEngineDoesNotRun() {
        // mvn test -Dsurefire.includeJUnit5Engines=trainspec: the suite's selectors and tags apply here
        engine().selectors(selectClass(FastSuite.class)).filters(EngineFilter.includeEngines(TrainspecEngine.ID)).execute()
                .testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        // otherwise the suite engine reads it and hands its selectors over: nothing here, or every scenario would run twice
        engine().selectors(selectClass(FastSuite.class)).execute().testEvents().assertStatistics(s -> s.started(0));
    }
}
