package dev.trainspec;

import dev.trainspec.report.BundledScenariosDeterminismTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * Every scenario under scenarios/, run by the trainspec engine as any project would run its own
 * (README "Use trainspec in your project"): {@code mvn test} runs them with the unit tests,
 * {@code mvn test -Dsurefire.includeJUnit5Engines=trainspec} runs only them, {@code -Dgroups=seed}
 * only those tagged seed.
 *
 * <p>The engine's pass (at N threads) is also one side of {@link BundledScenariosDeterminismTest}:
 * the engine writes each file's JSON result into {@link #RESULTS}, emptied before the suite starts,
 * and the determinism test, which this suite runs after the engine, compares it with a one-thread
 * pass instead of training every bundled file a third time (docs/benchmarks.md "mvn test").
 */
@Suite
@IncludeEngines({"trainspec", "junit-jupiter"})
@SelectDirectories("scenarios")
@SelectClasses(BundledScenariosDeterminismTest.class)
@ConfigurationParameter(key = "trainspec.json", value = ScenariosTest.RESULTS)
class ScenariosTest {
    /** The engine's JSON results of this suite's run, relative to the repository (the workspace root). */
    static final String RESULTS = "target/scenarios-test";

    @BeforeSuite
    static void onlyThisRunsResults() throws IOException {
        Path dir = Path.of(RESULTS).toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        BundledScenariosDeterminismTest.compareWithEngineResultsIn(dir);
    }
}
