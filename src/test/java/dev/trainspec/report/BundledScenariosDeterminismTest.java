package dev.trainspec.report;

import dev.trainspec.scenario.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.check.Checker;
import dev.trainspec.check.FileOutcome;
import dev.trainspec.run.Discovery;
import dev.trainspec.run.ScenarioRunner;
import dev.trainspec.run.VariantResult;
import dev.trainspec.run.Workers;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 8.6: every bundled scenario (scenarios/**.yaml), run twice (on one thread, then on N
 * threads), renders the same JSON result character for character once the timing fields
 * ("seconds") are taken out. Two independent runs at different thread counts catch both a result
 * that depends on the thread count and one that varies from run to run; a third run at N threads
 * would add little beyond a fifth of the time of `mvn test`. JSON numbers are written with Double.toString, which
 * round-trips, so equal text is equal bits. Select with -Dtrainspec.determinism.scenarios=GLOB.
 *
 * <p>Every file's two runs are started at once (as the JUnit engine starts its files), one pool of
 * one thread and one of N: the one-thread pass alone would leave a core idle for the half of this
 * test's time it takes. Each dynamic test waits for its file's two results.
 */
@Tag("slow") // every bundled scenario trained twice: the largest class of `mvn test`; `mvn test -DexcludedGroups=slow` for a quick loop, never left out of `mvn test`
class BundledScenariosDeterminismTest {
    private static final Path REPO = Path.of("").toAbsolutePath().normalize();
    private static final Path SCENARIOS = REPO.resolve("scenarios");

    @TestFactory
    Stream<DynamicTest> everyBundledScenarioGivesTheSameJsonAtOneAndManyThreads() {
        List<Path> files = Discovery.find(List.of(SCENARIOS), SCENARIOS, System.getProperty("trainspec.determinism.scenarios"));
        assertFalse(files.isEmpty(), "no bundled scenarios under " + SCENARIOS);
        int many = Math.max(2, Workers.threads());
        ExecutorService one = Workers.create(1);
        ExecutorService pool = Workers.create(many);
        List<TwoRuns> started = files.stream().map(file -> TwoRuns.start(file, one, pool)).toList();
        SingleFileReportBudget budget = new SingleFileReportBudget();
        Stream<DynamicTest> each = started.stream().map(runs -> DynamicTest.dynamicTest(SCENARIOS.relativize(runs.file).toString(), () -> {
            String serial = json(runs.scenario(), runs.serial.join(), budget);
            assertTrue(serial.contains("\"final\":{\""), "the result holds trained runs to compare: " + serial);
            String parallel = json(runs.scenario(), runs.parallel.join(), null);
            assertEquals(serial, parallel, "1 thread vs " + many + " threads");
        }));
        // issue 15: the report of every bundled scenario, as one file, stays under 10 MB (runs after the others: the stream is lazy)
        Stream<DynamicTest> size = System.getProperty("trainspec.determinism.scenarios") != null ? Stream.empty()
                : Stream.of(DynamicTest.dynamicTest("single-file report under 10 MB", () -> assertTrue(
                        budget.projectedBytes() < SingleFileReportBudget.LIMIT_BYTES, "projected " + budget.projectedBytes() + " bytes")));
        return Stream.concat(each, size).onClose(() -> {
            one.shutdownNow();
            pool.shutdownNow();
        });
    }

    /** A file's runs on one thread and on N, started together; a file that does not load fails its own test only. */
    private record TwoRuns(Path file, ScenarioFile loaded, RuntimeException refused,
                           CompletableFuture<List<VariantResult>> serial, CompletableFuture<List<VariantResult>> parallel) {
        static TwoRuns start(Path file, ExecutorService one, ExecutorService many) {
            Path normalized = file.toAbsolutePath().normalize();
            try {
                ScenarioFile loaded = ScenarioLoader.load(file, new Workspace(REPO, SCENARIOS));
                return new TwoRuns(normalized, loaded, null, ScenarioRunner.start(loaded, one), ScenarioRunner.start(loaded, many));
            } catch (RuntimeException e) {
                return new TwoRuns(normalized, null, e, null, null);
            }
        }

        ScenarioFile scenario() {
            if (refused != null) throw refused;
            return loaded;
        }
    }

    private static String json(ScenarioFile file, List<VariantResult> results, SingleFileReportBudget budget) {
        FileOutcome outcome = Checker.judge(file, results);
        if (budget != null) budget.add(outcome);
        return withoutTimings(JsonResult.render(outcome, REPO));
    }

    /** The wall-clock fields are the only ones allowed to differ. */
    static String withoutTimings(String json) {
        return json.replaceAll("\"seconds\":\\s*(-?[0-9][0-9.eE+-]*|null)", "\"seconds\":_");
    }
}
