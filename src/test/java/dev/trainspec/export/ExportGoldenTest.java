package dev.trainspec.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainspec.run.Discovery;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The exported script of every bundled scenario's base variant, kept beside the tests
 * (src/test/resources/export/&lt;id&gt;.py) so that a reviewer reads what users get and a change
 * to the export shows in the diff. After an intended change:
 * {@code mvn -B test -Dtest=ExportGoldenTest -Dtrainspec.export.golden=write}.
 */
class ExportGoldenTest {
    private static final Path ROOT = Path.of(System.getProperty("trainspec.root", "."));
    private static final Path GOLDEN = ROOT.resolve("src/test/resources/export");

    @TestFactory
    Stream<DynamicTest> everyBundledScenarioExportsAsItsGoldenScript() throws IOException {
        boolean write = "write".equals(System.getProperty("trainspec.export.golden"));
        List<Path> files = Discovery.find(List.of(ROOT.resolve("scenarios")), ROOT.resolve("scenarios"), null);
        return files.stream().map(file -> DynamicTest.dynamicTest(ROOT.relativize(file).toString(), () -> {
            Scenario base = ScenarioLoader.load(file).base();
            String script = PytorchScript.of(base, PytorchScript.seeds(base));
            Path golden = GOLDEN.resolve(base.id() + ".py");
            if (write) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, script);
            }
            assertEquals(Files.readString(golden), script, "the export of " + file + " changed; if intended, regenerate with "
                    + "-Dtrainspec.export.golden=write and review the diff");
        }));
    }
}
