package dev.trainspec.run;

import dev.trainspec.scenario.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden corpus of scenarios that load but must not train: resource limits (run/Limits) and
 * static checks (run/Checks). Each {@code src/test/resources/invalid/run/NAME.yaml} loads; preparing
 * its data and assembling each variant (no training) must fail with exactly {@code NAME.expected},
 * quickly: nothing big is allocated first. Regenerate with {@code -Dtrainspec.golden.write=true}.
 */
class InvalidRunScenariosTest {
    private static final Path RESOURCES = Path.of("src/test/resources").toAbsolutePath();
    private static final Path RUN = RESOURCES.resolve("invalid/run");

    @Test
    void theWholeInvalidCorpusHasAtLeastSeventyScenarios() throws IOException {
        int total = cases(RUN).size() + cases(RESOURCES.resolve("invalid")).size();
        assertTrue(total >= 70, "at least 70 golden invalid scenarios, found " + total);
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioIsRefusedBeforeTraining() throws IOException {
        return cases(RUN).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String actual = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> problems(file));
            Path expectedFile = RUN.resolve(file.getFileName().toString().replaceFirst("\\.yaml$", ".expected"));
            if (Boolean.getBoolean("trainspec.golden.write")) Files.writeString(expectedFile, actual + "\n");
            assertTrue(Files.exists(expectedFile), "missing " + expectedFile + "; the checks say:\n" + actual);
            assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8).strip(), actual, "message of " + file.getFileName());
        }));
    }

    /** What preparing and assembling every variant reports, one problem a line, paths relative to the resources. */
    private static String problems(Path file) {
        ScenarioFile loaded = ScenarioLoader.load(file, new Workspace(RESOURCES, RESOURCES));
        List<String> messages = new ArrayList<>();
        for (Scenario s : loaded.variants()) {
            try {
                PreparedData data = PreparedData.of(s);
                Assembly.of(s, data, s.seed());
            } catch (ScenarioException e) {
                messages.add("[" + s.variant() + "] " + e.getMessage().replace(RESOURCES + "/", ""));
            }
        }
        assertTrue(!messages.isEmpty(), file.getFileName() + " should be refused before training");
        return String.join("\n", messages);
    }

    private static List<Path> cases(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
