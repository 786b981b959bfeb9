package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
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
            Future<Integer> warm = beside.submit(() -> WarmUp.slices(load(SCENARIO), () -> !done.get()));
            String withWarmUp = TrainedBits.of(SCENARIO);
            done.set(true);
            assertEquals(alone, withWarmUp, "the same bits with a warm-up of " + warm.get() + " slice(s) beside the run");
        } finally {
            beside.shutdownNow();
        }
    }

    @Test
    void aRunStartedSinceItWasAskedForEndsIt(@TempDir Path dir) throws Exception {
        ScenarioFile file = load(Files.writeString(dir.resolve("s.yaml"), """
                data:
                  make_moons: {n_samples: 100, noise: 0.1, random_state: 0}
                model: [linear: 4, relu, linear: classes]
                loss: cross_entropy
                optimizer: {sgd: {lr: 0.1}}
                train: {epochs: 2, batch_size: 32}
                """));
        long since = WarmUp.runsStarted();
        ScenarioRunner.run(file);
        assertEquals(0, WarmUp.slices(file, () -> WarmUp.runsStarted() == since), "no slice once a real run has started");
    }

    @Test
    void largeDataIsNotPreparedTwice(@TempDir Path dir) throws Exception {
        ScenarioFile file = load(Files.writeString(dir.resolve("wide.yaml"), """
                data:
                  make_embeddings: {n_samples: 1000, n_features: 512, n_informative: 16, shift: 0.35}
                model: [linear: 1]
                loss: bce_with_logits
                optimizer: {adam: {lr: 0.01}}
                train: {epochs: 1, batch_size: 256}
                """));
        assertEquals(0, WarmUp.slices(file, () -> true), "512,000 values: over the data cache's threshold");
    }

    private static ScenarioFile load(Path file) {
        Path root = file.toAbsolutePath().getParent();
        return ScenarioLoader.load(file, file.startsWith("scenarios") ? new Workspace(Path.of("").toAbsolutePath(),
                Path.of("scenarios").toAbsolutePath()) : new Workspace(root, root));
    }
}
