package dev.trainspec.cli;

import dev.trainspec.run.Assembly;
import dev.trainspec.run.PreparedData;
import dev.trainspec.run.ScenarioRunner;
import dev.trainspec.run.Workers;
import dev.trainspec.scenario.ScenarioFile;
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

    @Option(names = "--whole-file", description = "time the whole file instead: every variant and repeat run, on the worker pool"
            + " (-Dtrainspec.threads), data preparation and baselines included")
    boolean wholeFile;

    @Override
    public Integer call() {
        System.out.printf(Locale.ROOT, "%-40s %6s %8s %10s %10s %10s%n", "scenario", "epochs", "steps", "median ms", "min ms", "max ms");
        for (Path p : paths) {
            Path root = Paths.scenariosRoot(p);
            for (Path file : dev.trainspec.run.Discovery.find(List.of(p), root, null)) {
                Scenario s;
                PreparedData data;
                try {
                    ScenarioFile loaded = ScenarioLoader.load(file, root, Paths.repositoryRoot(root));
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
                for (int i = 0; i < warmup; i++) steps = Assembly.of(s, data, s.seed()).trainer().run().steps();
                double[] ms = new double[runs];
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    Assembly.of(s, data, s.seed()).trainer().run();
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf(Locale.ROOT, "%-40s %6d %8d %10.2f %10.2f %10.2f%n", s.id(), s.train().epochs(), steps,
                        ms[runs / 2], ms[0], ms[runs - 1]);
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
}
