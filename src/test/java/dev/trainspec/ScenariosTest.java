package dev.trainspec;

import dev.trainspec.engine.tensor.Simd;
import dev.trainspec.report.BundledScenariosDeterminismTest;
import dev.trainspec.report.JsonResult;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.platform.suite.api.BeforeSuite;
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
 * the engine writes each file's JSON result where it always does ({@code target/trainspec}, which
 * CI uploads for the pull-request comment), and the determinism test, which this suite runs after
 * the engine, compares the results written since the suite started with a one-thread pass instead
 * of training every bundled file a third time (docs/benchmarks.md "mvn test").
 */
@Suite
@IncludeEngines({"trainspec", "junit-jupiter"})
@SelectDirectories("scenarios")
@SelectClasses(BundledScenariosDeterminismTest.class)
class ScenariosTest {
    @BeforeSuite
    static void compareWithThisRunsResults() throws InterruptedException {
        // The vector kernels compiled before the first file: two passes over every bundled file in one JVM
        // pay for it (this suite's CPU 22.6-26.9 s against 28.7-36.3 s, alternating), where one pass in a
        // fresh CLI process does not (run.VectorWork; docs/benchmarks.md "mvn test"). Same bits either way.
        Simd.awaitWarmUp();
        // results older than this suite are another run's (the CLI's, an earlier mvn test): never compared
        BundledScenariosDeterminismTest.compareWithEngineResultsIn(Path.of(JsonResult.DEFAULT_DIR).toAbsolutePath(), Instant.now());
    }
}
