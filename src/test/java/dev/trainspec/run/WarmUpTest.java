package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm-up beside a starting process: the real runs keep their bits, and it gives way to them. */
class WarmUpTest {
    private static final Path SCENARIO = Path.of("scenarios/seeds/two-moons-sgd.yaml");

    @Test
    void runsBesideAWarmUpKeepTheirBits() throws Exception {
        String alone = TrainedBits.of(SCENARIO);
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService beside = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> warm = beside.submit(() -> WarmUp.slices(load(SCENARIO), () -> !done.get(), () -> !done.get()));
            String withWarmUp = TrainedBits.of(SCENARIO);
            done.set(true);
            assertEquals(alone, withWarmUp, "the same bits with a warm-up of " + warm.get() + " slice(s) beside the run");
        } finally {
            beside.shutdownNow();
        }
    }

    @Test
    void aRunStartedSinceItWasAskedForEndsIt(@TempDir Path dir) throws Exception {
        ScenarioFile file = write(dir, "s.yaml", """
                data:
                  make_moons: {n_samples: 100, noise: 0.1, random_state: 0}
                model: [linear: 4, relu, linear: classes]
                loss: cross_entropy
                optimizer: {sgd: {lr: 0.1}}
                train: {epochs: 2, batch_size: 32}
                """);
        long since = WarmUp.runsStarted();
        ScenarioRunner.run(file);
        assertEquals(0, WarmUp.slices(file, () -> WarmUp.runsStarted() == since, () -> true), "no slice once a real run has started");
    }

    @Test
    void largeDataWarmsUpOnAStandInUntilARealTrainingStarts(@TempDir Path dir) throws Exception {
        ScenarioFile file = write(dir, "wide.yaml", """
                data:
                  make_embeddings: {n_samples: 250000, n_features: 512, n_informative: 16, shift: 0.35}
                  split: {test_size: 50000, random_state: 0}
                model: [linear: 1]
                loss: bce_with_logits
                optimizer: {adam: {lr: 0.01}}
                train: {epochs: 1, batch_size: 256}
                """);
        Scenario real = file.base();
        Scenario standIn = WarmUp.standIn(real, 512);
        long rows = ((Number) standIn.data().source().params().values().get("n_samples")).longValue();
        assertEquals(127, rows, "as many rows as stay under the data cache's threshold: nothing generated at full size, nothing stored");
        assertTrue(rows * 512 < DataCache.MIN_VALUES);
        assertEquals(0.25, standIn.data().split().testSize(), "a fraction: the file's 50,000 test rows are more than the stand-in has");
        assertEquals(real.model(), standIn.model());
        assertEquals(real.loss(), standIn.loss());
        assertEquals(real.optimizer(), standIn.optimizer());
        assertEquals(8, standIn.train().batchSize(), "small minibatches: many kernel calls, so the JIT compiles them within the warm-up");

        // the file's own start (the first supplier) does not end it: only a real training does, here one that starts
        // while the first slice trains (asked before each slice; no sleep to race with the warm-up's own start)
        AtomicInteger asked = new AtomicInteger();
        int slices = WarmUp.slices(file, () -> false, () -> asked.incrementAndGet() == 1);
        assertEquals(1, slices, "one slice on the stand-in, then it gave way to the real training (its time cap allows more)");
        assertEquals(0, WarmUp.slices(file, () -> true, () -> false), "no slice once a real training has started");
    }

    @Test
    void aFullBatchFileWarmsUpInSmallBatchesToo(@TempDir Path dir) throws Exception {
        ScenarioFile file = write(dir, "full.yaml", """
                data:
                  make_moons: {n_samples: 100000, noise: 0.1, random_state: 0}
                model: [linear: 8, relu, linear: classes]
                loss: cross_entropy
                optimizer: {sgd: {lr: 0.1}}
                train: {epochs: 3, batch_size: full}
                """);
        Scenario standIn = WarmUp.standIn(file.base(), 2);
        assertEquals(32767, ((Number) standIn.data().source().params().values().get("n_samples")).intValue(), "2 features: 32,767 rows stay under the threshold");
        assertEquals(8, standIn.train().batchSize(), "a full batch of the stand-in would be one kernel call an epoch");
    }

    @Test
    void aSourceWithoutOneSampleCountHasNoStandIn(@TempDir Path dir) throws Exception {
        ScenarioFile file = write(dir, "blobs.yaml", """
                data:
                  make_blobs: {n_samples: [40000, 40000], n_features: 8, random_state: 0}
                model: [linear: 2]
                loss: cross_entropy
                optimizer: {sgd: {lr: 0.1}}
                train: {epochs: 1, batch_size: 256}
                """);
        assertNull(WarmUp.standIn(file.base(), 8), "per-centre counts: no single n_samples to lower");
        assertEquals(0, WarmUp.slices(file, () -> true, () -> true));
    }

    /** {@code text} as the scenario file {@code name} in {@code dir}, loaded. */
    private static ScenarioFile write(Path dir, String name, String text) throws java.io.IOException {
        return load(Files.writeString(dir.resolve(name), text));
    }

    private static ScenarioFile load(Path file) {
        Path root = file.toAbsolutePath().getParent();
        return ScenarioLoader.load(file, file.startsWith("scenarios") ? new Workspace(Path.of("").toAbsolutePath(),
                Path.of("scenarios").toAbsolutePath()) : new Workspace(root, root));
    }
}
