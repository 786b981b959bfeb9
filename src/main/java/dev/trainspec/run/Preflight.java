package dev.trainspec.run;

import dev.trainspec.scenario.Problem;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioFile;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * Everything {@code run} checks before a variant's first step, without the step: resource limits,
 * data preparation, the loss against the data, the widths through the model, the engine's own
 * refusals of layers, optimizers and schedules. {@code lint} calls this, so it refuses exactly
 * what {@code run} would refuse before training. Every variant is checked; the problems of all
 * of them are reported together, each once (variants repeat the problems of their base).
 * {@code export} and the PyTorch engine check the variant they write out with {@link #check(Scenario, PreparedData)},
 * so a script is never written or launched for a variant the Java engine would refuse.
 */
public final class Preflight {
    private Preflight() {}

    public static void check(ScenarioFile file) {
        Limits.current().checkFile(file); // the whole file's steps and history, as run checks before its first variant
        Set<Problem> problems = new LinkedHashSet<>();
        SharedPreparation shared = SharedPreparation.forVariants(file.variants().size()); // variants with one data section prepare it once, as in run
        Map<Scenario, PreparedData> read = new IdentityHashMap<>();
        for (Scenario s : file.variants()) {
            try {
                PreparedData data = shared.data(s, Runnable::run).join();
                read.put(s, data);
                check(s, data);
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof ScenarioException refused)) throw e;
                problems.addAll(refused.problems());
            }
        }
        // csv files and bundled datasets count their rows once read, as run counts them before the first step;
        // over the file's totals, that is what run reports for every variant
        if (file.variants().stream().anyMatch(Limits::sizedOnceRead)) Limits.current().checkFile(file, read::get);
        if (!problems.isEmpty()) throw new ScenarioException(List.copyOf(problems));
    }

    /**
     * One variant on its prepared data: what the Java engine refuses as it assembles a run, before
     * the first step (shapes, the loss against the widths, the metrics monitored, the engine's
     * refusals of layers, inits, optimizers and schedules, the model's limits). The run is
     * assembled as {@link ScenarioRunner} assembles it, and dropped: its refusals are the Java
     * engine's own, so no other engine needs a copy of them.
     *
     * @throws ScenarioException at the key to change, with the message {@code run} reports
     */
    public static void check(Scenario s, PreparedData data) {
        Assembly.of(s, data, s.seed());
    }
}
