package dev.trainspec.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case of the parity suite's {@link VocabularyMatrix} loads and exports, without PyTorch:
 * the parity suite itself runs only with -Pparity, so a matrix case the loader or the exporter
 * refuses (a word without a PyTorch module, a typo in the case) shows in the ordinary build.
 */
class VocabularyMatrixExportsTest {
    @TempDir
    Path workspace;

    @TestFactory
    Stream<DynamicTest> everyMatrixCaseExports() {
        return VocabularyMatrix.write(workspace).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Scenario s = ScenarioLoader.load(file).base();
            String script = PytorchScript.of(s, PytorchScript.seeds(s));
            assertTrue(script.contains("def build_model():") && script.contains("X, y = "), script);
        }));
    }
}
