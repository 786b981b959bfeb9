package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Workspace;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The convolution, pooling, reshape, gelu and layer_norm kernels allocate nothing per step (as
 * TrainingLoopAllocationTest shows for the MLP): 45 more epochs of a small CNN cost only the
 * longer history arrays and per-epoch bookkeeping.
 */
class ConvTrainingLoopAllocationTest {
    private static Scenario scenario(Path dir, int epochs) throws IOException {
        Path file = dir.resolve("conv-alloc-" + epochs + ".yaml");
        Files.writeString(file, """
                title: allocation of a CNN
                data:
                  load_digits: {n_class: 2}
                  preprocess: standard_scaler
                  split: {test_size: 0.25, random_state: 0}
                model:
                  - unflatten: [1, 8, 8]
                  - conv2d: {out_channels: 4, kernel_size: 3, padding: 1}
                  - gelu
                  - avg_pool2d: 2
                  - flatten
                  - unflatten: [4, 16]
                  - conv1d: {out_channels: 3, kernel_size: 3}
                  - layer_norm
                  - relu
                  - unflatten: [3, 1]
                  - max_pool2d: 1
                  - flatten
                  - linear: classes
                loss: cross_entropy
                optimizer:
                  sgd: {lr: 0.05, momentum: 0.9}
                train: {epochs: %d, batch_size: 8, shuffle: true}
                """.formatted(epochs));
        return ScenarioLoader.load(file, new Workspace(dir, dir)).base();
    }

    private static long allocated(Scenario s, PreparedData data) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        Assembly.of(s, data, 0).trainer().run();
        return mx.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void convolutionStepsAllocateNothing(@TempDir Path dir) throws IOException {
        Scenario short5 = scenario(dir, 5);
        Scenario long50 = scenario(dir, 50);
        PreparedData data = PreparedData.of(short5);
        for (int i = 0; i < 10; i++) allocated(long50, data);
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 5; attempt++) least = Math.min(least, allocated(long50, data) - allocated(short5, data));
        long steps = 45L * ((data.trainSplit().rows() + 7) / 8);
        long allowance = 45L * (13 * 8 + 256);
        assertTrue(least < allowance, "45 more epochs (" + steps + " steps) allocated " + least + " bytes; allowed " + allowance
                + " (history and per-epoch bookkeeping only)");
    }
}
