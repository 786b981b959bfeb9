package dev.trainspec.run;

import dev.trainspec.scenario.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden data errors: every {@code src/test/resources/csv/NAME.yaml} (bad CSV files, beside
 * them) and {@code src/test/resources/data-invalid/NAME.yaml} (data specs scikit-learn
 * refuses) must fail, at load or when its data is prepared, with exactly the problems in
 * {@code NAME.expected} (paths relative to the resources folder). Regenerate after a deliberate
 * change of wording with {@code -Dtrainspec.golden.write=true}, then review the diff.
 */
class InvalidDataTest {
    private static final Path RESOURCES = Path.of("src/test/resources").toAbsolutePath();

    @TestFactory
    Stream<DynamicTest> badCsvFiles() throws IOException {
        return goldens("csv", 20);
    }

    @TestFactory
    Stream<DynamicTest> dataSpecsScikitLearnRefuses() throws IOException {
        return goldens("data-invalid", 8);
    }

    private static Stream<DynamicTest> goldens(String folder, int atLeast) throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(RESOURCES.resolve(folder))) {
            cases = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(cases.size() >= atLeast, folder + ": at least " + atLeast + " cases, found " + cases.size());
        return cases.stream().map(file -> DynamicTest.dynamicTest(folder + "/" + file.getFileName(), () -> {
            ScenarioException e = assertThrows(ScenarioException.class, () -> {
                ScenarioFile loaded = ScenarioLoader.load(file, new Workspace(RESOURCES, RESOURCES));
                PreparedData.of(loaded.base());
            }, file + " should be refused");
            String actual = e.getMessage().replace(RESOURCES + "/", "");
            Path expectedFile = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.yaml$", ".expected"));
            if (Boolean.getBoolean("trainspec.golden.write")) Files.writeString(expectedFile, actual + "\n");
            assertTrue(Files.exists(expectedFile), "missing " + expectedFile + "; the message is:\n" + actual);
            assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8).strip(), actual, "message of " + file.getFileName());
        }));
    }
}
