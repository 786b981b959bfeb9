package dev.trainspec.run;

import dev.trainspec.scenario.Workspace;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioLoader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training loop allocates nothing per step: after warm-up, 45 more epochs of 100 steps each
 * (plus an evaluation of both splits per epoch) cost only the longer history arrays and a few
 * bytes of per-epoch bookkeeping, far less than even 16 bytes a step would.
 */
class TrainingLoopAllocationTest {
    private static Scenario scenario(Path dir, int epochs) throws IOException {
        Path file = dir.resolve("alloc-" + epochs + ".yaml");
        Files.writeString(file, """
                title: allocation
                data:
                  make_moons: {n_samples: 1000, noise: 0.2, random_state: 42}
                  preprocess: standard_scaler
                  split: {test_size: 0.2, random_state: 42}
                model:
                  - linear: 16
                  - relu
                  - linear: 2
                loss: cross_entropy
                optimizer:
                  sgd: {lr: 0.1, momentum: 0.9}
                train: {epochs: %d, batch_size: 8, shuffle: true}
                """.formatted(epochs));
        return ScenarioLoader.load(file, new Workspace(dir, dir)).base();
    }

    static long allocated(Scenario s, PreparedData data) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        Assembly.of(s, data, 0).trainer().run();
        return mx.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void stepsAllocateNothing(@TempDir Path dir) throws IOException {
        Scenario short5 = scenario(dir, 5);
        Scenario long50 = scenario(dir, 50);
        assertFortyFiveMoreEpochsAllocateOnlyHistory(short5, long50, 100);
    }

    /** After warm-up, the least that 45 more epochs cost over five attempts stays within history and bookkeeping. */
    static void assertFortyFiveMoreEpochsAllocateOnlyHistory(Scenario short5, Scenario long50, int stepsPerEpoch) {
        PreparedData data = PreparedData.of(short5);
        for (int i = 0; i < 15; i++) allocated(long50, data);
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 5; attempt++) {
            least = Math.min(least, allocated(long50, data) - allocated(short5, data));
        }
        long steps = 45L * stepsPerEpoch;
        long allowance = 45L * (13 * 8 + 256);
        assertTrue(least < allowance, "45 more epochs (" + steps + " steps) allocated " + least + " bytes; allowed " + allowance
                + " (history and per-epoch bookkeeping only)");
    }
}
