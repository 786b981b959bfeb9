package dev.trainspec.junit;

import dev.trainspec.export.PytorchEngine;
import dev.trainspec.export.PytorchUnavailable;
import dev.trainspec.run.ScenarioRunner;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.ScenarioFile;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What trains the selected variants ({@code trainspec.engine}, SCENARIOS.md 8.5): the Java engine,
 * or each variant's exported PyTorch script run by {@code trainspec.python} on
 * {@code trainspec.device}, judged the same way. A Python without PyTorch fails every test with
 * the reason, never a pass.
 */
record Trainer(boolean pytorch, String python, String device) {
    /** A trainer ready for the run: PyTorch checked once, before any file starts. */
    interface Started {
        CompletableFuture<List<VariantResult>> start(ScenarioFile file, Executor pool);
    }

    Started start() {
        if (!pytorch) return ScenarioRunner::start;
        try {
            PytorchEngine engine = PytorchEngine.start(python, device);
            return (file, pool) -> CompletableFuture.supplyAsync(() -> engine.run(file), pool);
        } catch (PytorchUnavailable unavailable) {
            return (file, pool) -> CompletableFuture.failedFuture(unavailable);
        }
    }
}
