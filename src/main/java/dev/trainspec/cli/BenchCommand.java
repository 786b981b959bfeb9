package dev.trainspec.cli;

import dev.trainspec.run.Assembly;
import dev.trainspec.run.PreparedData;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioLoader;
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
 */
@Command(name = "bench", description = "Time one training run of each scenario's base variant (after warm-up).")
final class BenchCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "scenario files or folders")
    List<Path> paths;

    @Option(names = "--warmup", defaultValue = "30", description = "untimed runs first (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--runs", defaultValue = "30", description = "timed runs (default ${DEFAULT-VALUE})")
    int runs;

    @Override
    public Integer call() {
        System.out.printf(Locale.ROOT, "%-40s %6s %8s %10s %10s %10s%n", "scenario", "epochs", "steps", "median ms", "min ms", "max ms");
        for (Path p : paths) {
            Path root = Paths.scenariosRoot(p);
            for (Path file : dev.trainspec.run.Discovery.find(List.of(p), root, null)) {
                Scenario s;
                PreparedData data;
                try {
                    s = ScenarioLoader.load(file, root, Paths.repositoryRoot(root)).base();
                    data = PreparedData.of(s);
                } catch (ScenarioException e) {
                    System.err.println(e.getMessage());
                    return ExitCodes.INVALID;
                }
                long steps = 0;
                for (int i = 0; i < warmup; i++) steps = Assembly.of(s, data, s.seed()).trainer().run().steps();
                double[] ms = new double[runs];
                double[] cpu = new double[runs];
                java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                for (int i = 0; i < runs; i++) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    Assembly.of(s, data, s.seed()).trainer().run();
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                    cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                }
                Arrays.sort(ms);
                Arrays.sort(cpu);
                System.out.printf(Locale.ROOT, "cpu median %.2f min %.2f%n", cpu[runs / 2], cpu[0]);
                System.out.printf(Locale.ROOT, "%-40s %6d %8d %10.2f %10.2f %10.2f%n", s.id(), s.train().epochs(), steps,
                        ms[runs / 2], ms[0], ms[runs - 1]);
            }
        }
        return ExitCodes.PASSED;
    }
}
