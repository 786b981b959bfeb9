package dev.trainspec.run;

import dev.trainspec.scenario.Workspace;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory budget and the system properties, with explicit limits (the golden corpus uses the defaults). */
class LimitsTest {
    private static final String MOONS = """
            data:
              make_moons: {n_samples: 1000, noise: 0.1, random_state: 0}
            model: [linear: 64, relu, linear: classes]
            loss: cross_entropy
            optimizer: {adam: {lr: 0.01}}
            train: {epochs: 10, batch_size: 32}
            """;

    private static Scenario scenario(Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.yaml"), MOONS);
        return ScenarioLoader.load(file, new Workspace(dir, dir)).base();
    }

    @Test
    void dataBeyondTheMemoryBudgetIsRefusedBeforeItIsGenerated(@TempDir Path dir) throws Exception {
        Scenario s = scenario(dir);
        // 1000 rows x 2 features x (8 storage + 4 float32; the splits are views) = 24000 bytes
        Limits tight = new Limits(Limits.LARGEST_ARRAY, 23_999, 100, 1e14);
        ScenarioException e = assertThrows(ScenarioException.class, () -> tight.checkData(s));
        assertEquals("s.yaml:2:3: data.make_moons: expected data within the memory budget of 0.00 GiB (trainspec.limits.memoryFraction"
                + " of the JVM's -Xmx), found 1000 rows x 2 features, at least 0.00 GiB (lower n_samples or n_features, or give the JVM"
                + " more memory)", e.getMessage().replace(dir + "/", ""));
        assertDoesNotThrow(() -> new Limits(Limits.LARGEST_ARRAY, 24_000, 100, 1e14).checkData(s));
    }

    @Test
    void aModelTooLargeIsRefusedBeforeItsDataIsGenerated(@TempDir Path dir) throws Exception {
        String huge = """
                data:
                  make_classification: {n_samples: 2000000, n_features: 50}
                model: [linear: 100000, relu, linear: 100000, relu, linear: classes]
                loss: cross_entropy
                optimizer: {sgd: {lr: 0.1}}
                train: {epochs: 1}
                """;
        Scenario s = ScenarioLoader.load(Files.writeString(dir.resolve("huge.yaml"), huge), new Workspace(dir, dir)).base();
        long start = System.nanoTime();
        ScenarioException e = assertThrows(ScenarioException.class, () -> PreparedData.of(s));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(e.getMessage().contains("huge.yaml:3:31: model[2]: expected at most 2147483639 weights in one layer"), e.getMessage());
        assertTrue(seconds < 1, "refused in " + seconds + " s, before 2,000,000 rows were generated");
    }

    /**
     * The estimate is a lower bound of what is allocated, so seed 000's full size (2,000,000 x 512
     * float32 = 4.1 GB, trained on views of its storage) fits the budget of a 6 GB JVM; with a
     * preprocessing step the splits are copies and it no longer does.
     */
    @Test
    void float32EmbeddingsCountTheirStorageOnceUnlessPreprocessed(@TempDir Path dir) throws Exception {
        String embeddings = """
                data:
                  make_embeddings: {n_samples: 2000000, n_features: 512}
                model: [linear: 1]
                loss: bce_with_logits
                optimizer: {adam: {lr: 0.01}}
                train: {epochs: 1, batch_size: 256}
                """;
        Limits sixGigabyteJvm = new Limits(Limits.LARGEST_ARRAY, 0.9 * 6 * (1L << 30), 100_000_000, 1e14);
        Path plain = Files.writeString(dir.resolve("plain.yaml"), embeddings);
        assertDoesNotThrow(() -> sixGigabyteJvm.checkData(ScenarioLoader.load(plain, new Workspace(dir, dir)).base()));
        Path scaled = Files.writeString(dir.resolve("scaled.yaml"), embeddings.replace("n_features: 512}", "n_features: 512}\n  preprocess: [standard_scaler]"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> sixGigabyteJvm.checkData(ScenarioLoader.load(scaled, new Workspace(dir, dir)).base()));
        // storage 4 + split copies 4 + the scaler's output beside its input 4
        assertTrue(e.getMessage().contains("found 2000000 rows x 512 features, at least 11.44 GiB"), e.getMessage());
    }

    /**
     * 1,200,000 x 512 rows under standard_scaler (2.5 GB of storage) passed an estimate that
     * counted the split's copies only, and ran out of a 6 GiB heap; the estimate now holds a
     * step's output beside its input, and one-column data the scaler's float64 temporaries.
     */
    @Test
    void preprocessingCountsItsPeakAgainstTheBudget(@TempDir Path dir) throws Exception {
        String scaled = """
                data:
                  make_embeddings: {n_samples: %d, n_features: %d, n_informative: 1}
                  preprocess: [standard_scaler]
                model: [linear: 1]
                loss: bce_with_logits
                optimizer: {adam: {lr: 0.01}}
                train: {epochs: 1, batch_size: 256}
                """;
        Limits sixGigabyteJvm = new Limits(Limits.LARGEST_ARRAY, 0.9 * 6 * (1L << 30), 100_000_000, 1e14);
        Path large = Files.writeString(dir.resolve("large.yaml"), scaled.formatted(1_200_000, 512));
        ScenarioException e = assertThrows(ScenarioException.class, () -> sixGigabyteJvm.checkData(ScenarioLoader.load(large, new Workspace(dir, dir)).base()));
        assertTrue(e.getMessage().contains("found 1200000 rows x 512 features, at least 6.87 GiB"), e.getMessage());
        Path fits = Files.writeString(dir.resolve("fits.yaml"), scaled.formatted(800_000, 512));
        assertDoesNotThrow(() -> sixGigabyteJvm.checkData(ScenarioLoader.load(fits, new Workspace(dir, dir)).base()));
        // one column, fitted on all rows: 4 storage + 4 copies + 16 of float64 temporaries a value
        Path column = Files.writeString(dir.resolve("column.yaml"),
                scaled.formatted(200_000_000, 1).replace("[standard_scaler]", "[{standard_scaler: {fit_on: all}}]"));
        e = assertThrows(ScenarioException.class, () -> new Limits(Limits.LARGEST_ARRAY, 4.0 * (1L << 30), 100_000_000, 1e14)
                .checkData(ScenarioLoader.load(column, new Workspace(dir, dir)).base()));
        assertTrue(e.getMessage().contains("found 200000000 rows x 1 features, at least 4.47 GiB"), e.getMessage());
    }

    @Test
    void aModelBeyondTheMemoryBudgetIsRefusedBeforeItIsBuilt(@TempDir Path dir) throws Exception {
        Scenario s = scenario(dir);
        int[] widths = {2, 64, 64, 2};
        // weights 2*64+64 + 64*2+2 = 322; activations 32 x (64+64+2) = 4160; 4 x (4 x 322 + 2 x 4160) = 38432 bytes a run
        double dataBytes = 10_000;
        Limits roomy = new Limits(Limits.LARGEST_ARRAY, dataBytes + 38_432, 100_000_000, 1e14);
        assertDoesNotThrow(() -> roomy.checkModel(s, widths, 750, 32, dataBytes));
        Limits tight = new Limits(Limits.LARGEST_ARRAY, dataBytes + 38_431, 100_000_000, 1e14);
        ScenarioException e = assertThrows(ScenarioException.class, () -> tight.checkModel(s, widths, 750, 32, dataBytes));
        assertEquals("s.yaml:3:9: model: expected a model within the memory budget of 0.00 GiB (trainspec.limits.memoryFraction of the"
                + " JVM's -Xmx), found 322 weights and 4160 activations a batch, at least 0.00 GiB for 1 run(s) at once plus 0.00 GiB of data"
                + " (make the model or the batch smaller, or give the JVM more memory)", e.getMessage().replace(dir + "/", ""));
    }

    @Test
    void stepsAreEpochsTimesBatches(@TempDir Path dir) throws Exception {
        Scenario s = scenario(dir);
        int[] widths = {2, 64, 64, 2};
        // 750 rows in batches of 32: 24 batches an epoch, 240 steps
        assertDoesNotThrow(() -> new Limits(Limits.LARGEST_ARRAY, 1e12, 240, 1e14).checkModel(s, widths, 750, 32, 0));
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> new Limits(Limits.LARGEST_ARRAY, 1e12, 239, 1e14).checkModel(s, widths, 750, 32, 0));
        assertEquals("s.yaml:6:8: train: expected at most 239 optimizer steps a run (trainspec.limits.maxSteps), found 10 epochs x 24"
                + " batches = 240 (fewer epochs or a larger batch_size)", e.getMessage().replace(dir + "/", ""));
    }

    @Test
    void propertiesOverrideTheDefaultsAndBadValuesAreNamed() {
        assertEquals(Limits.LARGEST_ARRAY, Limits.current().maxArrayValues());
        assertEquals(100_000_000L, Limits.current().maxSteps());
        System.setProperty("trainspec.limits.maxSteps", "1000");
        try {
            assertEquals(1000L, Limits.current().maxSteps());
            System.setProperty("trainspec.limits.maxSteps", "lots");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Limits::current);
            assertEquals("trainspec.limits.maxSteps: expected a positive number, found 'lots'", e.getMessage());
        } finally {
            System.clearProperty("trainspec.limits.maxSteps");
        }
    }
}
