package dev.trainspec.report;

import dev.trainspec.scenario.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.check.Checker;
import dev.trainspec.check.FileOutcome;
import dev.trainspec.check.Snapshots;
import dev.trainspec.check.UpdatePolicy;
import dev.trainspec.run.Discovery;
import dev.trainspec.run.ScenarioRunner;
import dev.trainspec.run.VariantResult;
import dev.trainspec.run.Workers;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 *
 * <p>Under {@code mvn test} this class runs inside {@code ScenariosTest}'s suite, after the engine
 * has trained every bundled file at N threads and written its JSON: that JSON is the N-thread side
 * (the same text the engine would render again), so the files are trained twice in all, not three
 * times. Run alone ({@code -Dtest=BundledScenariosDeterminismTest}; Surefire leaves it out of its
 * own scan, pom.xml), or for a file the engine wrote nothing for, it trains the N-thread side itself.
 */
@Tag("slow") // every bundled scenario trained once more on one thread (twice when run alone): with the engine's pass the largest class of `mvn test`; `mvn test -DexcludedGroups=slow` for a quick loop, never left out of `mvn test`
public class BundledScenariosDeterminismTest {
    private static final Path REPO = Path.of("").toAbsolutePath().normalize();
    private static final Path SCENARIOS = REPO.resolve("scenarios");
    /** The engine's results of the suite that runs this class, or null (run alone: both passes here). */
    private static volatile Path engineResults;
    /** When that suite started: a result written before it is another run's. */
    private static volatile Instant suiteStart;

    /** Called by the suite before its engine writes to {@code dir}. */
    public static void compareWithEngineResultsIn(Path dir, Instant start) {
        suiteStart = start;
        engineResults = dir;
    }

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
            String parallel = runs.engine != null ? withoutTimings(Files.readString(runs.engine)) : json(runs.scenario(), runs.parallel.join(), null);
            assertEquals(serial, parallel, "1 thread vs " + many + " threads" + (runs.engine != null ? " (the engine's result " + runs.engine + ")" : ""));
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

    /**
     * A file's runs on one thread and on N, started together, or its run on one thread and the
     * engine's result at N threads; a file that does not load fails its own test only.
     */
    private record TwoRuns(Path file, ScenarioFile loaded, RuntimeException refused, CompletableFuture<List<VariantResult>> serial,
                           CompletableFuture<List<VariantResult>> parallel, Path engine) {
        static TwoRuns start(Path file, ExecutorService one, ExecutorService many) {
            Path normalized = file.toAbsolutePath().normalize();
            try {
                ScenarioFile loaded = ScenarioLoader.load(file, new Workspace(REPO, SCENARIOS));
                Path engine = engineResult(loaded);
                if (engine != null) return new TwoRuns(normalized, loaded, null, ScenarioRunner.start(loaded, one), null, engine);
                return new TwoRuns(normalized, loaded, null, ScenarioRunner.start(loaded, one), ScenarioRunner.start(loaded, many), null);
            } catch (RuntimeException e) {
                return new TwoRuns(normalized, null, e, null, null, null);
            }
        }

        ScenarioFile scenario() {
            if (refused != null) throw refused;
            return loaded;
        }
    }

    /**
     * The engine's result of the file where it can be the N-thread side: the engine trained at
     * Workers.threads() (the suite sets no trainspec.threads of its own), which must be more than
     * one, and wrote no snapshot (a pass that then reads the snapshot cannot repeat that verdict).
     */
    private static Path engineResult(ScenarioFile loaded) {
        Path dir = engineResults;
        if (dir == null || Workers.threads() < 2) return null;
        Path json = dir.resolve(loaded.id() + ".json");
        try {
            // a file system that keeps whole seconds (or two) must not make this run's result look older than the suite
            Instant written = Files.getLastModifiedTime(json).toInstant();
            if (written.isBefore(suiteStart.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1))) return null;
            return Files.readString(json).contains("\"regression snapshot written\"") ? null : json;
        } catch (IOException e) {
            return null; // the engine wrote nothing for this file
        }
    }

    /** Judged as the engine judges (snapshots read, never written), so the text can equal the engine's. */
    private static String json(ScenarioFile file, List<VariantResult> results, SingleFileReportBudget budget) {
        FileOutcome outcome = Checker.judge(file, results, Snapshots.in(new Workspace(REPO, SCENARIOS), UpdatePolicy.NONE));
        if (budget != null) budget.add(outcome);
        return withoutTimings(JsonResult.render(outcome, REPO));
    }

    /** The wall-clock fields are the only ones allowed to differ. */
    public static String withoutTimings(String json) {
        return json.replaceAll("\"seconds\":\\s*(-?[0-9][0-9.eE+-]*|null)", "\"seconds\":_");
    }
}
