package dev.trainspec.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import dev.trainspec.export.FakePython;
import dev.trainspec.export.TorchPython;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@code trainspec.engine=pytorch} (SCENARIOS.md 8.1, 8.5): the JUnit engine judges PyTorch's runs, and never passes without them. */
class EnginePytorchTest {
    @TempDir
    Path tmp;

    private Path scenario() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        return Files.writeString(Files.createDirectories(root.resolve("scenarios")).resolve("circles.yaml"), EngineWorkspace.OTHER);
    }

    private EngineTestKit.Builder engine(Path file, String python) {
        return EngineTestKit.engine(TrainspecEngine.ID).selectors(selectFile(file.toFile()))
                .configurationParameter(EngineSettings.JSON, tmp.resolve("json").toString())
                .configurationParameter(EngineSettings.ENGINE, "pytorch").configurationParameter(EngineSettings.PYTHON, python);
    }

    @Test
    void aPythonWithoutPyTorchFailsEveryTestWithTheReason() throws IOException {
        EngineExecutionResults r = engine(scenario(), "/nonexistent/python3").execute();
        r.testEvents().assertStatistics(s -> s.started(1).failed(1));
        String message = r.testEvents().failed().stream().findFirst().orElseThrow().getRequiredPayload(TestExecutionResult.class)
                .getThrowable().orElseThrow().getMessage();
        assertTrue(message.startsWith("--python /nonexistent/python3: cannot start it"), message);
    }

    private static String failure(EngineExecutionResults r) {
        return r.testEvents().failed().stream().findFirst().orElseThrow().getRequiredPayload(TestExecutionResult.class)
                .getThrowable().orElseThrow().getMessage();
    }

    /** 8.5: a variant the Java engine refuses before training fails its test with the same message, and no script starts. */
    @Test
    void aVariantTheJavaEngineRefusesFailsWithTheSameMessage() throws IOException {
        assumeTrue(FakePython.available(), "no /bin/sh for the fake python");
        FakePython python = FakePython.in(Files.createDirectories(tmp.resolve("python")));
        Path root = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Path file = Files.copy(Path.of("src/test/resources/export/refused/before-training/nesterov-damp.yaml"),
                Files.createDirectories(root.resolve("scenarios")).resolve("nesterov-damp.yaml"));
        EngineExecutionResults java = EngineTestKit.engine(TrainspecEngine.ID).selectors(selectFile(file.toFile()))
                .configurationParameter(EngineSettings.JSON, tmp.resolve("json-java").toString()).execute();
        EngineExecutionResults torch = engine(file, python.path()).execute();
        java.testEvents().assertStatistics(s -> s.started(1).failed(1));
        torch.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertTrue(failure(torch).contains("nesterov-damp.yaml:11:3: optimizer.sgd: expected values the engine accepts"), failure(torch));
        assertEquals(failure(java), failure(torch));
        assertEquals(0, python.launched());
    }

    @Test
    @Tag("slow") // starts PyTorch processes (about 2 s of CPU each to import it); `mvn test -DexcludedGroups=slow` for a quick loop, never left out of `mvn test`
    void pytorchsRunsAreJudgedByTheEngine() throws IOException {
        String python = TorchPython.python();
        assumeTrue(python != null, TorchPython::skipReason);
        engine(scenario(), python).execute().testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }
}
