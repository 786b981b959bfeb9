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

    @Test
    void convolutionsCountTheirOutputsTimesTheirPatch(@TempDir Path dir) throws Exception {
        // 784 generated features as 1 x 28 x 28 images; conv2d 1->8 3x3: 8 x 26 x 26 outputs x 9 = 48,672;
        // max_pool2d 2 -> 8 x 13 x 13 = 1,352; linear 2: 1,352 x 2 + 2 = 2,706 a row
        Path cnn = Files.writeString(dir.resolve("cnn.yaml"), String.join("\n", "seed: 0",
                "data: {make_classification: {n_samples: 60000, n_features: 784, n_informative: 20}}",
                "model: [unflatten: [1, 28, 28], conv2d: {out_channels: 8, kernel_size: 3}, relu, max_pool2d: 2, flatten, linear: 2]",
                "loss: cross_entropy", "optimizer: {sgd: {lr: 0.1}}", "train: {epochs: 10, batch_size: 64}",
                "expect: [test.accuracy >= 0.5]", ""));
        assertEquals(3.0 * 10 * 60000 * (48672 + 2706), VectorWork.multiplyAdds(load(cnn.toString()).variants().get(0)));
        assertTrue(VectorWork.pays(load(cnn.toString())), "9.2e10 multiply-adds, almost all in the convolution");
    }
}
