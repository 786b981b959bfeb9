package dev.trainspec.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trainspec.run.RunResult;
import dev.trainspec.run.ScenarioRunner;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The exported script stops early where the Java engine does (skipped, saying so, without a
 * PyTorch): Lightning's rule on both sides, so patience 0 stops at the first epoch without
 * improvement, not after epoch 1, and patience 2 after two such epochs in a row.
 */
class EarlyStoppingParityTest {
    private static final Path FILE = Path.of("src/test/resources/export/early-stopping/patience.yaml");

    @Test
    @Tag("slow") // starts PyTorch processes (about 2 s of CPU each to import it); `mvn test -DexcludedGroups=slow` for a quick loop, never left out of `mvn test`
    void bothEnginesStopAtTheSameEpochWithTheSameReason() {
        PytorchEngine engine = TorchPython.engine();
        assumeTrue(engine != null, TorchPython::skipReason);
        ScenarioFile file = ScenarioLoader.load(FILE);
        for (Scenario s : file.variants()) {
            VariantResult java = ScenarioRunner.runVariant(s);
            VariantResult torch = engine.runVariant(s);
            assertNull(java.error(), java::error);
            assertNull(torch.error(), torch::error);
            for (int i = 0; i < java.runs().size(); i++) {
                RunResult j = java.runs().get(i);
                RunResult t = torch.runs().get(i);
                int patience = s.train().earlyStopping().patience();
                assertEquals(expectedStop(j, s.train().earlyStopping().monitor(), patience), j.training().history().epochs(),
                        () -> s.variant() + " seed " + j.seed() + ": " + j.training().stopReason());
                assertTrue(j.training().history().epochs() > 1 && j.training().stopReason().startsWith("early stopping"),
                        () -> s.variant() + ": the case must stop early, after an improving epoch: " + j.training().stopReason());
                assertEquals(j.training().history().epochs(), t.training().history().epochs(), s.variant() + " seed " + j.seed());
                assertEquals(j.training().stopReason(), t.training().stopReason(), s.variant() + " seed " + j.seed());
            }
        }
    }

    /** Lightning's rule replayed on the recorded (lower is better) losses: the 1-based epoch it stops after. */
    private static int expectedStop(RunResult run, String monitor, int patience) {
        double best = Double.NaN;
        int wait = 0;
        for (int e = 0; e < run.training().history().epochs(); e++) {
            double v = run.training().history().at(monitor, e + 1); // 1-based epochs
            if (Double.isNaN(best) || v < best) {
                best = v;
                wait = 0;
            } else if (++wait >= patience) {
                return e + 1;
            }
        }
        return run.training().history().epochs();
    }
}
