package dev.trainspec.scenario;

import dev.trainspec.scenario.Workspace;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Issue 8.2: any bytes given to the loader either load or fail with a ScenarioException whose
 * problems point into the file; any other exception (or a hang past the timeout) is a bug.
 * {@code mvn test} replays src/test/resources/dev/trainspec/scenario/LoaderFuzzTestInputs;
 * {@code JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class LoaderFuzzTest {
    /** One folder for the whole run: a fresh temporary folder per input would dominate the cost. */
    private static final Path DIR = folder();

    /** Not preemptive (a thread per input would halve the rate); libFuzzer's own -timeout catches true hangs. */
    private static final long SLOW_NANOS = 5_000_000_000L;

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "60m")
    void loaderThrowsNothingButScenarioException(byte[] input) {
        Path file = DIR.resolve("s.yaml");
        long start = System.nanoTime();
        try {
            // bytes, not a file: writing a file costs more than loading it on a busy CI disk
            ScenarioFile loaded = ScenarioLoader.load(input, file, new Workspace(DIR, DIR));
            assertFalse(loaded.variants().isEmpty(), "a loaded file has its base scenario");
        } catch (ScenarioException e) {
            for (Problem p : e.problems()) {
                assertTrue(p.origin().line() >= 1 && p.origin().column() >= 1, "1-based line and column: " + p);
                assertFalse(p.expected().isBlank(), "every problem says what was expected: " + p);
            }
        }
        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed < SLOW_NANOS, "an input took " + elapsed / 1_000_000 + " ms");
    }

    private static Path folder() {
        try {
            Path dir = Files.createTempDirectory("trainspec-fuzz");
            dir.toFile().deleteOnExit();
            return dir.toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
