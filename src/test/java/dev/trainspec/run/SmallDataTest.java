package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm-up's stand-in for large data: the same job on rows the warm-up may prepare a second time. */
class SmallDataTest {
    @TempDir
    Path dir;

    private Scenario load(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("s.yaml"), yaml);
        return ScenarioLoader.load(file, new Workspace(dir, dir)).variants().get(0);
    }

    @Test
    void keepsTheGeneratorWidthAndModelOnRowsUnderTheCachesThreshold() throws Exception {
        Scenario big = load(Files.readString(Path.of("src/test/resources/bench/embeddings-250k.yaml")));
        Scenario small = SmallData.of(big);
        assertEquals(big.data().source().name(), small.data().source().name());
        assertEquals(512L, small.data().source().params().getLong("n_features"));
        assertEquals(big.data().source().params().getDouble("shift"), small.data().source().params().getDouble("shift"));
        assertEquals(127L, small.data().source().params().getLong("n_samples"), "65,535 values / 512 features");
        assertEquals(0.2, small.data().split().testSize(), "a test size of 50,000 rows becomes the usual fraction");
        assertEquals(big.model(), small.model());
        assertEquals(big.optimizer(), small.optimizer());
        assertEquals(big.train(), small.train());
        assertTrue(WarmUp.small(small), "prepared without the data cache");
        PreparedData data = PreparedData.of(small);
        assertEquals(101, data.trainSplit().rows());
        assertEquals(512, data.trainSplit().cols());
    }

    @Test
    void aFractionalTestSizeIsKept() throws Exception {
        Scenario small = SmallData.of(load("""
                data:
                  make_classification: {n_samples: 20000, n_features: 40, n_informative: 5, random_state: 1}
                  split: {test_size: 0.3}
                model: [linear: classes]
                loss: cross_entropy
                optimizer: {sgd: {lr: 0.1}}
                train: {epochs: 1, batch_size: 64}
                """));
        assertEquals(1638L, small.data().source().params().getLong("n_samples"));
        assertEquals(0.3, small.data().split().testSize());
    }

    @Test
    void noStandInForSizesGivenPerBlobOrRowsTooWide() throws Exception {
        assertNull(SmallData.of(load("""
                data:
                  make_blobs: {n_samples: [40000, 40000], n_features: 2, centers: [[0, 0], [3, 3]], random_state: 0}
                model: [linear: classes]
                loss: cross_entropy
                optimizer: {sgd: {lr: 0.1}}
                train: {epochs: 1, batch_size: 64}
                """)), "n_samples per blob");
        assertNull(SmallData.of(load("""
                data:
                  make_embeddings: {n_samples: 100, n_features: 8192, n_informative: 8}
                model: [linear: 1]
                loss: bce_with_logits
                optimizer: {sgd: {lr: 0.1}}
                train: {epochs: 1, batch_size: 64}
                """)), "7 rows of 8,192 features: too few to warm anything");
    }
}
