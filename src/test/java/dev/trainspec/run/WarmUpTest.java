package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm-up beside a starting process: the real runs keep their bits, and it gives way to them. */
class WarmUpTest {
    private static final Path SCENARIO = Path.of("scenarios/seeds/two-moons-sgd.yaml");

    /** 512,000 values: over the data cache's threshold. */
    private static final String WIDE = """
            data:
              make_embeddings: {n_samples: 1000, n_features: 512, n_informative: 16, shift: 0.35}
            model: [linear: 1]
            loss: bce_with_logits
            optimizer: {adam: {lr: 0.01}}
            train: {epochs: 2, batch_size: 64}
            """;

    @Test
    void runsBesideAWarmUpKeepTheirBits() throws Exception {
        assertSameBitsBeside(SCENARIO, load(SCENARIO).variants().get(0), WarmUp.MAX_NANOS);
    }

    @Test
    void aRunOfLargeDataBesideAWarmUpOnItsStandInKeepsItsBits() throws Exception {
        // inside the repository, where TrainedBits loads files from
        Path file = Files.writeString(Files.createDirectories(Path.of("target", "warm-up-test")).resolve("wide.yaml"), WIDE);
        assertSameBitsBeside(file, SmallData.of(load(file).variants().get(0)), WarmUp.MAX_STAND_IN_NANOS);
    }

    /** {@code file} trained alone and beside a warm-up on {@code warm}: the same bits. */
    private static void assertSameBitsBeside(Path file, Scenario warm, long maxNanos) throws Exception {
        String alone = TrainedBits.of(file);
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService beside = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> slices = beside.submit(() -> WarmUp.slices(warm, () -> !done.get(), maxNanos));
            String withWarmUp = TrainedBits.of(file);
            done.set(true);
            assertEquals(alone, withWarmUp, "the same bits with a warm-up of " + slices.get() + " slice(s) on " + warm.data().source() + " beside the run");
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
        long since = WarmUp.now().runs();
        ScenarioRunner.run(file);
        assertEquals(0, WarmUp.slices(file.variants().get(0), () -> WarmUp.now().runs() == since), "no slice once a real run has started");
    }

    @Test
    void largeDataIsNotPreparedTwice(@TempDir Path dir) throws Exception {
        ScenarioFile file = load(Files.writeString(dir.resolve("wide.yaml"), WIDE));
        assertEquals(0, WarmUp.slices(file.variants().get(0), () -> true), "512,000 values: over the data cache's threshold");
    }

    private static ScenarioFile load(Path file) {
        Path root = file.toAbsolutePath().getParent();
        return ScenarioLoader.load(file, file.startsWith("scenarios") ? new Workspace(Path.of("").toAbsolutePath(),
                Path.of("scenarios").toAbsolutePath()) : new Workspace(root, root));
    }
}
