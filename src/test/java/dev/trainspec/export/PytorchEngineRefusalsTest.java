package dev.trainspec.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trainspec.run.ScenarioRunner;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SCENARIOS.md 8.2 and 8.5: the PyTorch engine refuses exactly the variants the Java engine
 * refuses before training, with the same message and a refused status (exit 2), and launches no
 * script for them. A {@link FakePython} stands in for PyTorch, so this holds without one.
 */
class PytorchEngineRefusalsTest {
    private static final Path REFUSED = Path.of("src/test/resources/export/refused/before-training");

    @TempDir
    Path tmp;

    private PytorchEngine engine(FakePython python) {
        return PytorchEngine.start(python.path(), "cpu");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nesterov-damp", "nesterov-nomom", "init-uniform-rev", "es-r2-cls", "plateau-acc-reg", "conv-too-big",
            "ce-width1", "unflatten-bad"})
    void refusesWhatTheJavaEngineRefusesWithItsMessageAndLaunchesNothing(String name) throws IOException {
        assumeTrue(FakePython.available(), "no /bin/sh for the fake python");
        FakePython python = FakePython.in(tmp);
        ScenarioFile file = ScenarioLoader.load(REFUSED.resolve(name + ".yaml"));
        VariantResult java = ScenarioRunner.run(file).get(0);
        VariantResult torch = engine(python).run(file).get(0);
        assertTrue(java.refused(), java::error);
        assertTrue(torch.refused(), torch::error);
        assertEquals(java.error(), torch.error());
        assertEquals(0, python.launched(), "a script was launched for a refused variant");
    }

    @Test
    void aFileOverTheLimitsIsRefusedAsAWholeAsByTheJavaEngine() throws IOException {
        assumeTrue(FakePython.available(), "no /bin/sh for the fake python");
        FakePython python = FakePython.in(tmp);
        ScenarioFile file = ScenarioLoader.load(Path.of("src/test/resources/cli/scenarios/ok/moons.yaml"));
        System.setProperty("trainspec.limits.maxTotalSteps", "10");
        try {
            List<VariantResult> java = ScenarioRunner.run(file);
            List<VariantResult> torch = engine(python).run(file);
            assertTrue(torch.get(0).refused(), torch.get(0)::error);
            assertTrue(torch.get(0).error().contains("trainspec.limits.maxTotalSteps"), torch.get(0).error());
            assertEquals(java.stream().map(VariantResult::error).toList(), torch.stream().map(VariantResult::error).toList());
        } finally {
            System.clearProperty("trainspec.limits.maxTotalSteps");
        }
        assertEquals(0, python.launched());
    }

    @Test
    void aCsvFileOverTheTotalsOnceReadIsRefusedAsAWholeAsByTheJavaEngine() throws IOException {
        // a csv's rows are known only once read: the Java engine counts them before training, and so must this one
        assumeTrue(FakePython.available(), "no /bin/sh for the fake python");
        FakePython python = FakePython.in(tmp);
        ScenarioFile file = ScenarioLoader.load(Path.of("src/test/resources/hostile/before-training/csv-total-steps.yaml"));
        List<VariantResult> java = ScenarioRunner.run(file);
        List<VariantResult> torch = engine(python).run(file);
        assertTrue(torch.get(0).refused(), torch.get(0)::error);
        assertTrue(torch.get(0).error().contains("trainspec.limits.maxTotalSteps"), torch.get(0).error());
        assertEquals(java.stream().map(VariantResult::error).toList(), torch.stream().map(VariantResult::error).toList());
        assertEquals(0, python.launched());
    }

    @Test
    void aVariantItDoesNotRefuseIsLaunched() throws IOException {
        assumeTrue(FakePython.available(), "no /bin/sh for the fake python");
        FakePython python = FakePython.in(tmp);
        VariantResult torch = engine(python).run(ScenarioLoader.load(Path.of("src/test/resources/cli/scenarios/ok/moons.yaml"))).get(0);
        assertEquals(1, python.launched(), "the fake stands in for PyTorch: what it refuses is not the test's doing");
        assertTrue(!torch.refused() && torch.error().contains("the exported PyTorch script failed (exit 1)"), torch::error);
    }
}
