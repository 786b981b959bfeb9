package dev.trainspec.cli;

import dev.trainspec.scenario.Workspace;
import dev.trainspec.engine.train.Trainer;
import dev.trainspec.run.Assembly;
import dev.trainspec.run.PreparedData;
import dev.trainspec.run.ScenarioRunner;
import dev.trainspec.run.Workers;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioLoader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Times single training runs of scenarios, after JIT warm-up: the figure the speed targets are
 * stated in (one run = assembling the model and training every epoch, both splits evaluated
 * after each). Data preparation is done once and not timed, as it is shared by repeat runs.
 * Besides wall time it reports thread CPU time (less disturbed by other processes), the cost
 * model's GFLOP/s (a training row 6 flops per multiply-add of the model, an evaluated row 2),
 * the bytes allocated per run, and the ratio to PyTorch's time where {@link BenchReference}
 * knows the workload. {@code --kernels} times the linear-layer kernels instead.
 */
// a developer tool (docs/benchmarks.md): hidden from the user's command list
@Command(name = "bench", hidden = true, description = "Time one training run of each scenario's base variant (after warm-up), or the kernels.")
final class BenchCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "PATH", description = "scenario files or folders")
    List<Path> paths = List.of();

    @Option(names = "--warmup", defaultValue = "30", description = "untimed runs first (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--runs", defaultValue = "30", description = "timed runs (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--whole-file", description = "time the whole file instead: every variant and repeat run, on the worker pool"
            + " (-Dtrainspec.threads), data preparation and baselines included")
    boolean wholeFile;

    @Option(names = "--kernels", description = "time the linear-layer kernels on typical shapes (GFLOP/s) instead")
    boolean kernels;

    @Override
    public Integer call() {
        System.out.println("engine: " + dev.trainspec.engine.tensor.Simd.describe());
        // time the vector kernels the header names, not their scalar stand-ins: nothing else starts
        // compiling them for a scenario timed here (run.VectorWork does it for `run`, only for work
        // that pays); -Dtrainspec.simd=false times the scalar kernels
        if (!vectorKernelsCompiled()) return ExitCodes.CRASH;
        if (kernels) {
            KernelBench.run(System.out, Math.max(3, runs));
            return ExitCodes.PASSED;
        }
        if (paths.isEmpty() || runs < 1) {
            System.err.println("bench: give scenario paths (and --runs >= 1), or --kernels");
            return ExitCodes.INVALID;
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "%-34s %6s %7s %9s %9s %9s %8s %9s %9s%n", "scenario", "epochs", "steps",
                "median ms", "min ms", "cpu ms", "GFLOP/s", "alloc KB", "vs torch");
        for (Path p : paths) {
            for (Path file : dev.trainspec.run.Discovery.find(List.of(p), Workspace.of(p).scenariosDir(), null)) {
                Scenario s;
                PreparedData data;
                try {
                    ScenarioFile loaded = ScenarioLoader.load(file);
                    if (wholeFile) {
                        timeWholeFile(loaded);
                        continue;
                    }
                    s = loaded.base();
                    data = PreparedData.of(s);
                } catch (ScenarioException e) {
                    System.err.println(e.getMessage());
                    return ExitCodes.INVALID;
                }
                long steps = 0;
                long macs = 0;
                for (int i = 0; i < warmup; i++) steps = Assembly.of(s, data, s.seed()).trainer().run().steps();
                double[] ms = new double[runs];
                double[] cpu = new double[runs];
                long[] alloc = new long[runs];
                int epochs = 0;
                for (int i = 0; i < runs; i++) {
                    long a0 = mx.getCurrentThreadAllocatedBytes();
                    long c0 = mx.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    Trainer trainer = Assembly.of(s, data, s.seed()).trainer();
                    var run = trainer.run();
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                    cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                    alloc[i] = mx.getCurrentThreadAllocatedBytes() - a0;
                    steps = run.steps();
                    epochs = run.history().epochs();
                    macs = trainer.multiplyAddsPerRow();
                }
                Arrays.sort(ms);
                Arrays.sort(cpu);
                Arrays.sort(alloc);
                double flops = (double) epochs * macs
                        * (6.0 * data.trainSplit().rows() + 2.0 * (data.trainSplit().rows() + data.testSplit().rows()));
                BenchReference ref = BenchReference.of(s.id());
                String ratio = ref == null || Double.isNaN(ref.pytorchSeconds()) ? "-"
                        : String.format(Locale.ROOT, "%.0fx", ref.pytorchSeconds() * 1e3 / ms[runs / 2]);
                System.out.printf(Locale.ROOT, "%-34s %6d %7d %9.2f %9.2f %9.2f %8.2f %9d %9s%n", shorten(s.id()), epochs, steps,
                        ms[runs / 2], ms[0], cpu[runs / 2], flops / (ms[runs / 2] * 1e6), alloc[runs / 2] / 1024, ratio);
                if (ref != null) {
                    System.out.printf(Locale.ROOT, "  %s: PyTorch %s, target <= %.0f ms: %s%n", ref.workload(),
                            Double.isNaN(ref.pytorchSeconds()) ? "not measured" : ref.pytorchSeconds() + " s",
                            ref.targetSeconds() * 1e3, ms[runs / 2] <= ref.targetSeconds() * 1e3 ? "met" : "MISSED");
                }
            }
        }
        return ExitCodes.PASSED;
    }

    private void timeWholeFile(ScenarioFile file) {
        for (int i = 0; i < warmup; i++) ScenarioRunner.run(file);
        double[] ms = new double[runs];
        long trainingRuns = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            trainingRuns = ScenarioRunner.run(file).stream().mapToLong(v -> v.runs().size()).sum();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-40s %6s %8s %10.2f %10.2f %10.2f   (%d variants, %d training runs, %d threads)%n", file.id(), "", "",
                ms[runs / 2], ms[0], ms[runs - 1], file.variants().size(), trainingRuns, Workers.threads());
    }

    private static String shorten(String id) {
        return id.length() <= 34 ? id : "..." + id.substring(id.length() - 31);
    }

    /** Waits until the vector kernels are compiled (at once when they are off); false when interrupted. */
    private static boolean vectorKernelsCompiled() {
        try {
            dev.trainspec.engine.tensor.Simd.awaitWarmUp();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
