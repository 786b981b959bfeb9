package dev.trainspec.cli;

import dev.trainspec.export.PytorchEngine;
import dev.trainspec.run.ScenarioRunner;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.ScenarioFile;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** {@code run}'s choice of the engine that trains: the Java engine, or each variant's exported PyTorch script. */
final class EngineOptions {
    static final String ENGINE = "--engine";

    @Option(names = ENGINE, paramLabel = "ENGINE", description = "java (default) or pytorch: run each variant's exported PyTorch script and judge its results")
    String engine = PytorchEngine.JAVA;

    @Option(names = "--python", paramLabel = "PATH", description = "the Python that runs PyTorch (default: ${DEFAULT-VALUE})")
    String python = "python3";

    @Option(names = "--device", paramLabel = "DEVICE", description = "cpu or cuda, for --engine pytorch (default: ${DEFAULT-VALUE})")
    String device = "cpu";

    /**
     * Whether a command line that picocli has not parsed yet trains on the Java engine (no
     * {@code --engine}, or {@code --engine java}), so the cold start may read the data ahead;
     * {@code --engine pytorch} reads no data in this JVM.
     */
    static boolean javaEngine(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(ENGINE)) return i + 1 < args.length && args[i + 1].equals(PytorchEngine.JAVA);
            if (args[i].startsWith(ENGINE + "=")) return args[i].substring(ENGINE.length() + 1).equals(PytorchEngine.JAVA);
        }
        return true;
    }

    /**
     * What trains a loaded file.
     *
     * @throws dev.trainspec.export.PytorchUnavailable when PyTorch was asked for and cannot run
     * @throws IllegalArgumentException for an unknown engine name
     */
    Function<ScenarioFile, List<VariantResult>> trainer() {
        if (engine.equals(PytorchEngine.JAVA)) return ScenarioRunner::run;
        if (!engine.equals(PytorchEngine.PYTORCH)) {
            throw new IllegalArgumentException(ENGINE + " " + engine + ": expected " + PytorchEngine.JAVA + " or " + PytorchEngine.PYTORCH);
        }
        PytorchEngine pytorch = PytorchEngine.start(python, device);
        System.err.println("engine: " + pytorch.version());
        return pytorch::run;
    }
}
