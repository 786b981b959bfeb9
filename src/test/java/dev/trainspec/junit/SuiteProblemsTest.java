package dev.trainspec.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.IncludeTags;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The contract's suite class ({@code @Suite @IncludeEngines("trainspec")}) run by JUnit's suite
 * engine: a suite fails with "did not discover any tests" when it counts none, and a tag filter of
 * the launcher ({@code -Dgroups}) removes any descriptor left without children inside a suite. An
 * accepted empty selection and a configuration problem must still be what the user sees.
 */
class SuiteProblemsTest {
    @TempDir
    Path tmp;

    @Suite
    @IncludeEngines("trainspec")
    @SelectClasspathResource("engine-suite")
    static class AllSuite {}

    @Suite
    @IncludeEngines("trainspec")
    @SelectDirectories("target/no-such-scenarios-folder")
    static class NoSuchFolderSuite {}

    @Suite
    @IncludeEngines("trainspec")
    @SelectDirectories("target/no-such-scenarios-folder")
    @ConfigurationParameter(key = EngineSettings.ALLOW_EMPTY, value = "true")
    static class EmptyAllowedSuite {}

    @Suite
    @IncludeEngines("trainspec")
    @SelectClasspathResource("engine-suite")
    @IncludeTags("nosuchtag")
    @ConfigurationParameter(key = EngineSettings.ALLOW_EMPTY, value = "true")
    static class NoTagAllowedSuite {}

    private EngineTestKit.Builder suite(Class<?> suite) {
        return EngineTestKit.engine("junit-platform-suite").selectors(selectClass(suite))
                .configurationParameter(EngineSettings.JSON, tmp.resolve("json").toString());
    }

    private static String message(Event e) {
        return e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage();
    }

    /** The suite itself passed: no NoTestsDiscoveredException ("Suite [...] did not discover any tests"). */
    private static void suitePassed(EngineExecutionResults r) {
        List<String> failed = r.containerEvents().failed().stream().map(SuiteProblemsTest::message).toList();
        assertEquals(List.of(), failed);
    }

    @Test
    void anAcceptedEmptySelectionIsOneSkippedTestAndAGreenSuite() {
        for (EngineTestKit.Builder b : List.of(suite(EmptyAllowedSuite.class), suite(NoTagAllowedSuite.class),
                // mvn test -Dtest=ScenariosTest -Dgroups=nosuch -Dtrainspec.allowEmpty=true
                suite(AllSuite.class).filters(TagFilter.includeTags("nosuchtag")).configurationParameter(EngineSettings.ALLOW_EMPTY, "true"),
                // the same with a tag filter over a suite whose selection is empty before any filter
                suite(EmptyAllowedSuite.class).filters(TagFilter.includeTags("nosuchtag")))) {
            EngineExecutionResults r = b.execute();
            suitePassed(r);
            r.testEvents().assertStatistics(s -> s.skipped(1).started(0).failed(0));
            String reason = r.testEvents().skipped().list().get(0).getPayload(String.class).orElseThrow();
            assertEquals(true, reason.startsWith("no scenario matched "), reason);
            assertEquals(true, reason.endsWith("; allowed by trainspec.allowEmpty=true"), reason);
        }
    }

    @Test
    void anEmptySelectionFailsWithItsOwnMessageEvenUnderATagFilter() {
        EngineExecutionResults r = suite(NoSuchFolderSuite.class).filters(TagFilter.includeTags("fast")).execute();
        suitePassed(r);
        r.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertEquals(true, message(r.testEvents().failed().list().get(0)).startsWith("no scenario matched directory target/no-such-scenarios-folder"));
    }

    @Test
    void aMalformedSettingIsTheFailedTestTheUserSeesEvenUnderATagFilter() {
        // mvn test -Dtest=ThreadsBadTest -Dgroups=seed: the filter once took the engine's root out and the suite failed instead
        EngineExecutionResults r = suite(AllSuite.class).configurationParameter(EngineSettings.THREADS, "abc")
                .filters(TagFilter.includeTags("fast")).execute();
        suitePassed(r);
        r.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertEquals("trainspec.threads: expected a positive integer, found 'abc'", message(r.testEvents().failed().list().get(0)));
        // and without a filter: the same one test, not two
        suite(AllSuite.class).configurationParameter(EngineSettings.THREADS, "abc").execute().testEvents().assertStatistics(s -> s.started(1).failed(1));
    }
}
