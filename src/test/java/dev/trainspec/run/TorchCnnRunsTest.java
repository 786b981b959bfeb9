package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trainspec.engine.TorchFixture;
import dev.trainspec.engine.train.History;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A digits CNN trains as PyTorch 1.13 trains it, epoch by epoch (torch/digits_cnn_runs.json, made
 * by make_torch_cnn_runs_fixture.py): for torch seeds 0 and 1, the same correct test rows after
 * every epoch and the same training loss up to float32 summation order. That needs PyTorch's
 * initial conv and linear weights, the DataLoader's batches and the layers' arithmetic.
 */
class TorchCnnRunsTest {
    private static final Path ROOT = Path.of("src/test/resources/torch");
    /** torch's loss is a float32 mean, ours a double one; the runs drift apart only by rounding. */
    private static final double LOSS_TOLERANCE = 1e-5;

    @Test
    @SuppressWarnings("unchecked")
    void theDigitsCnnMatchesPyTorchEpochByEpoch() {
        Map<String, Object> cases = TorchFixture.cases("digits_cnn_runs.json");
        int testRows = (int) TorchFixture.number(cases, "test_rows");
        ScenarioFile file = ScenarioLoader.load(ROOT.resolve("digits-cnn-twin.yaml"), new Workspace(Path.of("").toAbsolutePath(), ROOT));
        VariantResult v = ScenarioRunner.run(file).get(0);
        assertNull(v.error(), v.error());
        List<Map<String, Object>> torch = (List<Map<String, Object>>) cases.get("runs");
        assertEquals(torch.size(), v.runs().size(), "runs");
        for (RunResult run : v.runs()) {
            Map<String, Object> ref = torch.get((int) run.seed());
            History h = run.training().history();
            float[] loss = TorchFixture.floats(ref, "train_loss");
            float[] accuracy = TorchFixture.floats(ref, "test_acc");
            for (int e = 0; e < loss.length; e++) {
                String what = "seed " + run.seed() + " epoch " + (e + 1);
                assertEquals(Math.round(accuracy[e] * testRows), Math.round(h.at("test.accuracy", e + 1) * testRows), what + ": correct test rows");
                assertEquals(loss[e], h.at("train.loss", e + 1), LOSS_TOLERANCE * Math.max(1, loss[e]), what + ": train loss");
            }
        }
    }
}
