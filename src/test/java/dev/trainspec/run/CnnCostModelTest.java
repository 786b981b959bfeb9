package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The cost model behind bench's GFLOP/s counts a convolution's work, not only its weights. */
class CnnCostModelTest {
    @Test
    void theDigitsCnnCosts3312MultiplyAddsARow() {
        Path root = Path.of("src/test/resources/torch").toAbsolutePath();
        Scenario s = ScenarioLoader.load(root.resolve("digits-cnn-twin.yaml"), new Workspace(Path.of("").toAbsolutePath(), root)).base();
        // conv2d 1->8 3x3 on 8x8: 8 x 36 outputs x 9 weights; linear 72 -> 10
        assertEquals(8 * 36 * 9 + 72 * 10, Assembly.of(s, PreparedData.of(s), 0).trainer().multiplyAddsPerRow());
    }
}
