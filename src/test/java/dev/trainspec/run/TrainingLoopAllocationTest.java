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
 * The training loop allocates nothing per step: once compiled, 45 more epochs of 100 steps each
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
        assertExtraEpochsAllocateOnlyHistory(scenario(dir, 5), scenario(dir, 50), 100);
    }

    /**
     * The epochs {@code longer} trains beyond {@code shorter} cost no more than their history and
     * per-epoch bookkeeping (13 doubles and 256 bytes an epoch), less than one 16-byte object a step.
     * Code the JIT has not compiled yet may allocate (an unoptimised vector does), so attempts repeat
     * until one stays within the allowance, up to 40: compiled code passes within the first few
     * (whenever the compiler threads get the CPU), while a kernel that allocates on every step fails
     * every attempt. (This replaced 15 fixed warm-up runs of 50 epochs: 17 s of `mvn test` for the CNN.)
     */
    static void assertExtraEpochsAllocateOnlyHistory(Scenario shorter, Scenario longer, int stepsPerEpoch) {
        int extraEpochs = longer.train().epochs() - shorter.train().epochs();
        long steps = (long) extraEpochs * stepsPerEpoch;
        long allowance = extraEpochs * (13L * 8 + 256);
        assertTrue(allowance < 16 * steps, "the allowance (" + allowance + " bytes) must stay below 16 bytes a step to catch one");
        PreparedData data = PreparedData.of(shorter);
        long least = Long.MAX_VALUE;
        int attempts = 0;
        while (attempts < 40 && least >= allowance) {
            least = Math.min(least, allocated(longer, data) - allocated(shorter, data));
            attempts++;
        }
        assertTrue(least < allowance, extraEpochs + " more epochs (" + steps + " steps) allocated at least " + least + " bytes in "
                + attempts + " attempts; allowed " + allowance + " (history and per-epoch bookkeeping only)");
    }
}
