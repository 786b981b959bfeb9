package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hinge (nn.MultiMarginLoss) takes one output per class. {@code linear: classes} once gave it
 * a single output on two classes, and training crashed on label 1 ("Target 1 is out of
 * bounds"); the PyTorch parity suite found it.
 */
class HingeOutputsTest {
    @TempDir
    Path root;

    @Test
    void hingeOnTwoClassesHasTwoOutputsAndTrains() throws Exception {
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Path file = Files.writeString(root.resolve("hinge.yaml"), """
                data: {make_moons: {n_samples: 200, noise: 0.2, random_state: 1}, preprocess: standard_scaler}
                model: [{linear: 8}, relu, {linear: classes}]
                loss: hinge
                optimizer: {sgd: {lr: 0.1}}
                train: {epochs: 2}
                """);
        Scenario s = ScenarioLoader.load(file).base();
        assertArrayEquals(new int[] {2, 8, 8, 2}, Checks.widths(s, PreparedData.of(s), LossFactory.of(s.loss())));
        VariantResult r = ScenarioRunner.runVariant(s);
        assertNull(r.error());
    }
}
