package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The work estimate behind "do the vector kernels pay": counted as the docs say, and where the line falls. */
class VectorWorkTest {
    private static ScenarioFile load(String path) {
        return ScenarioLoader.load(Path.of(path));
    }

    @Test
    void countsForwardAndBackwardMultiplyAddsOfEveryRun() {
        // 1000 generated rows, 2-16-2: (2*16 + 16) + (16*2 + 2) = 82 weights, 100 epochs, 3 passes
        assertEquals(3.0 * 100 * 1000 * 82, VectorWork.multiplyAdds(load("scenarios/seeds/two-moons-sgd.yaml").variants().get(0)));
        // 20 repeats count 20 times
        assertEquals(20 * 3.0 * 100 * 1000 * 82, VectorWork.multiplyAdds(load("src/test/resources/bench/seed-004-repeat-20.yaml").variants().get(0)));
    }

    @Test
    void onlyTensOfBillionsOfMultiplyAddsPay(@TempDir Path dir) throws Exception {
        assertFalse(VectorWork.pays(load("scenarios/seeds/002-softmax-cross-entropy.yaml")), "5.5e9, measured slower with the vector module");
        assertFalse(VectorWork.pays(load("src/test/resources/bench/embeddings-250k.yaml")));
        assertFalse(VectorWork.pays(load("src/test/resources/bench/linear-2m.yaml")));
        // 1,000,000 rows of 512 features, 512-64-2, 3 epochs: 3 x 3 x 1e6 x 32,962 = 3.0e11
        Path big = Files.writeString(dir.resolve("big.yaml"), String.join("\n", "seed: 0",
                "data: {make_embeddings: {n_samples: 1000000, n_features: 512}}",
                "model: [linear: 64, relu, linear: 2]", "loss: cross_entropy", "optimizer: {sgd: {lr: 0.1}}",
                "train: {epochs: 3, batch_size: 256}", "expect: [test.accuracy >= 0.5]", ""));
        assertTrue(VectorWork.pays(load(big.toString())));
    }
}
