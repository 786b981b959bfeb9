package dev.trainspec.run;

import dev.trainspec.scenario.Workspace;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.tensor.Simd;
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
    void stepsAllocateNothing(@TempDir Path dir) throws IOException, InterruptedException {
        Scenario shorter = scenario(dir, 5), longer = scenario(dir, 20);
        // the kernels this JVM takes now (the scalar ones in a fresh JVM), then the vector ones
        // (16 outputs of 2 inputs: SimdNarrowKernels), which a test JVM takes once any test warmed them up
        assertExtraEpochsAllocateOnlyHistory(shorter, longer, 100, 12);
        Simd.awaitWarmUp();
        if (Simd.ENABLED) assertExtraEpochsAllocateOnlyHistory(shorter, longer, 100, 12);
    }

    /**
     * The epochs {@code longer} trains beyond {@code shorter} cost no more than their history and
     * per-epoch bookkeeping (13 doubles and 256 bytes an epoch), less than one 16-byte object a step.
     * Code the JIT has not compiled yet may allocate (an unoptimised vector does), so attempts repeat,
     * up to 40, until {@code steady} in a row stay within the allowance: compiled code gets there
     * within the first few (whenever the compiler threads get the CPU). One good attempt is not
     * enough: the JIT may recompile the loop later into code that allocates every vector on every
     * step (C2 of JDK 17 did so with -XX:MaxInlineLevel=9 from the sixth attempt on, after five clean
     * ones), and a kernel that allocates on every step fails every attempt. (This replaced 15 fixed
     * warm-up runs of 50 epochs: 17 s of `mvn test` for the CNN.)
     */
    static void assertExtraEpochsAllocateOnlyHistory(Scenario shorter, Scenario longer, int stepsPerEpoch, int steady) {
        int extraEpochs = longer.train().epochs() - shorter.train().epochs();
        long steps = (long) extraEpochs * stepsPerEpoch;
        long allowance = extraEpochs * (13L * 8 + 256);
        assertTrue(allowance < 16 * steps, "the allowance (" + allowance + " bytes) must stay below 16 bytes a step to catch one");
        PreparedData data = PreparedData.of(shorter);
        long last = 0;
        int attempts = 0, inARow = 0;
        while (attempts < 40 && inARow < steady) {
            last = allocated(longer, data) - allocated(shorter, data);
            inARow = last < allowance ? inARow + 1 : 0;
            attempts++;
        }
        assertTrue(inARow == steady, extraEpochs + " more epochs (" + steps + " steps) allocated " + last + " bytes in the last of "
                + attempts + " attempts, with " + inARow + " of the " + steady + " attempts in a row needed within the allowance of "
                + allowance + " bytes (history and per-epoch bookkeeping only)");
    }
}
