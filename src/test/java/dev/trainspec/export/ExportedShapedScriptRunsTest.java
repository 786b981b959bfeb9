package dev.trainspec.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trainspec.run.ScenarioRunner;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The words of section 8.3/8.4 exported and run by a real PyTorch (skipped, saying so, where none
 * is installed): a load_digits CNN with both convolutions, both poolings, layer_norm over [C, H, W]
 * rows, gelu and log_softmax with nll. The first epoch (initial weights drawn in PyTorch's order,
 * the batches) and every later epoch must agree with the Java engine within the parity suite's
 * {@link Tolerances}; the script must also say the modules a PyTorch user would write.
 */
class ExportedShapedScriptRunsTest {
    private static final Path CNN = Path.of("src/test/resources/export/shaped/digits-cnn.yaml");
    private static final Path CHANNEL_SOFTMAX = Path.of("src/test/resources/export/shaped/channel-softmax.yaml");
    private static final Path CHANNEL_NORMS = Path.of("src/test/resources/export/shaped/channel-norms.yaml");

    @Test
    void theScriptBuildsPytorchsModulesFromTheInferredShapes() {
        Scenario s = ScenarioLoader.load(CNN).base();
        String script = PytorchScript.of(s, PytorchScript.seeds(s));
        for (String module : List.of("X, y = load_digits(n_class=5, return_X_y=True)", "nn.Unflatten(1, (1, 8, 8)),",
                "nn.Conv2d(1, 4, 3, stride=1, padding=1, bias=False),", "nn.LayerNorm(8, eps=1e-05, elementwise_affine=True),",
                "nn.GELU(),", "nn.MaxPool2d(2, 2),", "nn.Conv2d(4, 6, 2, stride=1, padding=0, bias=True),",
                "nn.AvgPool2d(2, 1),", "nn.Flatten(),", "nn.Linear(24, 5),", "nn.LogSoftmax(dim=1),", "nn.NLLLoss()")) {
            assertTrue(script.contains(module), () -> "expected `" + module + "` in\n" + script);
        }
    }

    @Test
    @Tag("slow") // starts PyTorch processes (about 2 s of CPU each to import it); `mvn test -DexcludedGroups=slow` for a quick loop, never left out of `mvn test`
    void pytorchStartsFromTheSameWeightsAndTrainsLikeTheJavaEngine() {
        PytorchEngine engine = TorchPython.engine();
        assumeTrue(engine != null, TorchPython::skipReason);
        Scenario s = ScenarioLoader.load(CNN).base();
        assertTrainsLikePytorch(engine, s);
    }

    /** dim 1 of [C, L] and [C, H, W] rows: over the channels at each position (the Java engine once took the whole row). */
    @Test
    @Tag("slow")
    void softmaxAndLogSoftmaxOnShapedRowsTrainLikePytorch() {
        PytorchEngine engine = TorchPython.engine();
        assumeTrue(engine != null, TorchPython::skipReason);
        for (Scenario s : ScenarioLoader.load(CHANNEL_SOFTMAX).variants()) {
            String script = PytorchScript.of(s, PytorchScript.seeds(s));
            String module = s.variant().equals("base") ? "nn.LogSoftmax(dim=1)," : "nn.Softmax(dim=1),";
            assertTrue(script.contains(module), () -> "expected `" + module + "` in\n" + script);
            assertTrainsLikePytorch(engine, s);
        }
    }

    /** batch_norm over the N * L values of each channel of [C, L] rows (a batch of one row too), prelu's slope per channel. */
    @Test
    @Tag("slow")
    void batchNormAndPReLUPerChannelOfShapedRowsTrainLikePytorch() {
        PytorchEngine engine = TorchPython.engine();
        assumeTrue(engine != null, TorchPython::skipReason);
        for (Scenario s : ScenarioLoader.load(CHANNEL_NORMS).variants()) {
            String script = PytorchScript.of(s, PytorchScript.seeds(s));
            String module = s.variant().equals("prelu_per_channel") ? "nn.PReLU(num_parameters=3, init=0.25)," : "nn.BatchNorm1d(4, eps=1e-05, momentum=0.1),";
            assertTrue(script.contains(module), () -> "expected `" + module + "` in\n" + script);
            assertTrainsLikePytorch(engine, s);
        }
    }

    private static void assertTrainsLikePytorch(PytorchEngine engine, Scenario s) {
        VariantResult torch = engine.runVariant(s);
        assertNull(torch.error(), () -> "PyTorch: " + torch.error());
        VariantResult java = ScenarioRunner.runVariant(s);
        assertNull(java.error(), () -> "Java: " + java.error());

        HistoryDiff diff = HistoryDiff.of(java, torch);
        assertEquals(2, diff.runs());
        assertTrue(diff.sameEpochs());
        double first = HistoryDiff.firstEpochRel(java.runs(), torch.runs(), "train.running_loss");
        assertTrue(first <= Tolerances.FIRST_EPOCH, () -> "first epoch's running loss relative difference " + first);
        // the diagnosis metrics are recorded on both sides, and agree
        assertTrue(diff.byMetric().containsKey("dead_relu_fraction") && diff.byMetric().containsKey("first_layer_grad_norm"));
        assertEquals(List.of(), Tolerances.misses(Tolerances.key(s.id(), s.variant()), diff, first));
    }
}
