package dev.trainspec.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trainspec.check.Checker;
import dev.trainspec.check.FileOutcome;
import dev.trainspec.check.Snapshots;
import dev.trainspec.check.Status;
import dev.trainspec.check.UpdatePolicy;
import dev.trainspec.run.ScenarioRunner;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An exported script run by a real PyTorch (where one is installed; skipped, saying so,
 * elsewhere): its results are judged like the Java engine's and its histories agree with them.
 */
class ExportedScriptRunsTest {
    private static final Path MOONS = Path.of("src/test/resources/cli/scenarios/ok/moons.yaml");

    @Test
    @Tag("slow") // starts PyTorch processes (about 2 s of CPU each to import it); `mvn test -DexcludedGroups=slow` for a quick loop, never left out of `mvn test`
    void pytorchRunsAreJudgedLikeTheJavaEnginesAndAgreeWithThem() {
        PytorchEngine engine = TorchPython.engine();
        assumeTrue(engine != null, TorchPython::skipReason);
        ScenarioFile file = ScenarioLoader.load(MOONS);
        List<VariantResult> torch = engine.run(file);
        assertNull(torch.get(0).error(), () -> torch.get(0).error());
        FileOutcome outcome = Checker.judge(file, torch, Snapshots.in(Workspace.of(MOONS), UpdatePolicy.NONE));
        assertEquals(Status.PASSED, outcome.status(), outcome::toString);

        VariantResult java = ScenarioRunner.runVariant(file.base());
        HistoryDiff diff = HistoryDiff.of(java, torch.get(0));
        assertTrue(diff.sameEpochs());
        assertTrue(diff.rel("train.loss") < 1e-5, () -> "train.loss relative difference " + diff.rel("train.loss"));
        assertEquals(0, diff.abs("test.accuracy"));
        assertEquals(List.of(), Tolerances.misses(Tolerances.key(file.id(), "base"), diff,
                HistoryDiff.firstEpochRel(java.runs(), torch.get(0).runs(), "train.running_loss")));
    }

    @Test
    void aPythonWithoutPytorchIsRefusedWithHowToInstall() {
        PytorchUnavailable e = assertThrows(PytorchUnavailable.class, () -> PytorchEngine.start("/nonexistent/python3", "cpu"));
        assertTrue(e.getMessage().startsWith("--python /nonexistent/python3: cannot start it"), e.getMessage());
        assertThrows(PytorchUnavailable.class, () -> PytorchEngine.start("python3", "tpu"));
    }
}
