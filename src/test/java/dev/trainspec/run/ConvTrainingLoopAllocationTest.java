package dev.trainspec.run;

import dev.trainspec.engine.tensor.Simd;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The convolution, pooling, reshape, gelu and layer_norm kernels allocate nothing per step (as
 * TrainingLoopAllocationTest shows for the MLP): 8 more epochs of a small CNN (272 steps) cost only
 * the longer history arrays and per-epoch bookkeeping. Few epochs: its exact gelu costs 17 ms of CPU
 * an epoch, and 8 epochs already put a 16-byte object a step (4,352 bytes) far above the allowance.
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

    @Test
    void convolutionStepsAllocateNothing(@TempDir Path dir) throws IOException, InterruptedException {
        // 270 training rows in batches of 8
        Scenario shorter = scenario(dir, 2), longer = scenario(dir, 10);
        // the kernels this JVM takes now (the scalar ones unless a test before warmed the vector ones up), then the
        // vector ones: which of them a test JVM has reached by now depends on which classes ran in it before
        TrainingLoopAllocationTest.assertExtraEpochsAllocateOnlyHistory(shorter, longer, 34, 3);
        Simd.awaitWarmUp();
        if (Simd.ENABLED) TrainingLoopAllocationTest.assertExtraEpochsAllocateOnlyHistory(shorter, longer, 34, 3);
    }
}
