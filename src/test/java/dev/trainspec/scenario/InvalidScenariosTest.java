package dev.trainspec.scenario;

import dev.trainspec.scenario.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden corpus: every {@code src/test/resources/invalid/NAME.yaml} must fail to load with
 * exactly the problems in {@code NAME.expected} (one a line, paths relative to the resources
 * folder). Regenerate after a deliberate change of wording with
 * {@code -Dtrainspec.golden.write=true}, then review the diff.
 */
class InvalidScenariosTest {
    static final Path RESOURCES = Path.of("src/test/resources").toAbsolutePath();
    private static final Path INVALID = RESOURCES.resolve("invalid");

    @Test
    void theCorpusIsLargeEnough() throws IOException {
        assertTrue(cases().size() >= 30, "at least 30 golden invalid scenarios, found " + cases().size());
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidScenarioFailsWithItsExactMessage() throws IOException {
        return cases().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, new Workspace(RESOURCES, RESOURCES)),
                    file + " should be invalid");
            String actual = e.getMessage().replace(RESOURCES + "/", "");
            Path expectedFile = INVALID.resolve(file.getFileName().toString().replaceFirst("\\.yaml$", ".expected"));
            if (Boolean.getBoolean("trainspec.golden.write")) Files.writeString(expectedFile, actual + "\n");
            assertTrue(Files.exists(expectedFile), "missing " + expectedFile + "; the loader says:\n" + actual);
            assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8).strip(), actual, "message of " + file.getFileName());
        }));
    }

    private static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(INVALID)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
