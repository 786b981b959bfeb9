package dev.trainspec.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.SelectFile;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@code mvn test -Dsurefire.includeJUnit5Engines=trainspec} (the README's "scenarios only", the
 * report profile, CI's scenario job): this engine reads the suite class itself, and Surefire
 * counts only tests under a container with a class source. A problem test at the engine's root
 * (a file that does not load, a malformed setting, an empty selection) was never counted: the
 * build passed with an invalid scenario in it. Every failed test must sit under the suite.
 */
class EngineOnlyProblemsTest {
    @TempDir
    Path tmp;

    @Suite
    @IncludeEngines("trainspec")
    @SelectClasspathResource("engine-suite")
    @SelectFile("src/test/resources/invalid/unknown-top-key.yaml")
    static class WithAnInvalidFile {}

    @Suite
    @IncludeEngines("trainspec")
    @SelectDirectories("target/no-such-scenarios-folder")
    static class MatchingNothing {}

    @Suite
    @IncludeEngines("trainspec")
    @SelectClasspathResource("engine-suite")
    static class AllFiles {}

    private EngineTestKit.Builder engineOnly(Class<?> suite) {
        return EngineTestKit.engine(TrainspecEngine.ID).selectors(selectClass(suite)).filters(EngineFilter.includeEngines(TrainspecEngine.ID))
                .configurationParameter(EngineSettings.JSON, tmp.resolve("json").toString());
    }

    private static void everyFailureUnderTheSuite(EngineExecutionResults r, Class<?> suite) {
        List<Event> failed = r.testEvents().failed().list();
        assertTrue(!failed.isEmpty(), "a problem test fails");
        for (Event e : failed) {
            Optional<TestDescriptor> d = Optional.of(e.getTestDescriptor());
            boolean underSuite = false;
            while (d.isPresent()) {
                underSuite |= d.get().getSource().filter(s -> s instanceof ClassSource c && c.getJavaClass() == suite).isPresent();
                d = d.get().getParent();
            }
            assertTrue(underSuite, e.getTestDescriptor().getDisplayName() + " is not under the suite " + suite.getSimpleName());
        }
    }

    @Test
    void aFileThatDoesNotLoadFailsUnderTheSuiteClass() {
        EngineExecutionResults r = engineOnly(WithAnInvalidFile.class).execute();
        r.testEvents().assertStatistics(s -> s.failed(1));
        everyFailureUnderTheSuite(r, WithAnInvalidFile.class);
        // and when a tag filter took it out (a problem has no tags), it is registered again under the suite
        EngineExecutionResults filtered = engineOnly(WithAnInvalidFile.class).filters(TagFilter.includeTags("nosuchtag")).execute();
        everyFailureUnderTheSuite(filtered, WithAnInvalidFile.class);
    }

    @Test
    void anEmptySelectionAndAMalformedSettingFailUnderTheSuiteClass() {
        EngineExecutionResults empty = engineOnly(MatchingNothing.class).execute();
        empty.testEvents().assertStatistics(s -> s.failed(1));
        everyFailureUnderTheSuite(empty, MatchingNothing.class);
        EngineExecutionResults bad = engineOnly(AllFiles.class).configurationParameter(EngineSettings.THREADS, "abc").execute();
        bad.testEvents().assertStatistics(s -> s.failed(1));
        everyFailureUnderTheSuite(bad, AllFiles.class);
        assertEquals("trainspec.threads: expected a positive integer, found 'abc'",
                bad.testEvents().failed().list().get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow().getMessage());
    }
}
