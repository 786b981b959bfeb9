package dev.trainspec.run;

import dev.trainspec.engine.train.TrainingRun;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one bridge from scenarios to the engine: prepares each variant's data once, trains one run
 * per repeat seed (seed, seed+1, ...), fits the classical baselines, and returns the results. A
 * variant that cannot run (bad data file, exceeded budget, engine failure) becomes a result with
 * an error rather than an exception, so the other variants still run.
 */
public final class ScenarioRunner {
    private ScenarioRunner() {}

    public static List<VariantResult> run(ScenarioFile file) {
        List<VariantResult> out = new ArrayList<>();
        for (Scenario s : file.variants()) out.add(runVariant(s));
        return out;
    }

    public static VariantResult runVariant(Scenario s) {
        long start = System.nanoTime();
        PreparedData data;
        try {
            data = PreparedData.of(s);
        } catch (ScenarioException e) {
            return failed(s, null, start, e.getMessage());
        }
        List<RunResult> runs = new ArrayList<>();
        String model = "";
        try {
            for (int i = 0; i < s.repeat(); i++) {
                long seed = s.seed() + i;
                long t0 = System.nanoTime();
                Assembly assembly = Assembly.of(s, data, seed);
                model = assembly.describe();
                TrainingRun training = assembly.trainer().run();
                runs.add(new RunResult(seed, training, (System.nanoTime() - t0) / 1e9));
                double elapsed = (System.nanoTime() - start) / 1e9;
                if (s.budgetSeconds() != null && elapsed > s.budgetSeconds()) {
                    return failed(s, data, start, "budget exceeded: " + String.format(java.util.Locale.ROOT, "%.2f", elapsed)
                            + " s > " + s.budgetSeconds() + " s after " + runs.size() + " of " + s.repeat() + " runs ("
                            + String.format(java.util.Locale.ROOT, "%.2f", elapsed / runs.size()) + " s per run, "
                            + s.train().epochs() + " epochs each)");
                }
            }
        } catch (ScenarioException e) {
            return failed(s, data, start, e.getMessage());
        } catch (IllegalArgumentException e) {
            // the engine refused something only training reveals (batch_norm on a batch of 1)
            return failed(s, data, start, s.train().origin() + ": train: " + e.getMessage());
        }
        Map<String, Map<String, Double>> baselines = Baselines.fit(s.baselines(), data);
        return new VariantResult(s, runs, baselines, data.facts(), model, (System.nanoTime() - start) / 1e9, null);
    }

    private static VariantResult failed(Scenario s, PreparedData data, long start, String error) {
        return new VariantResult(s, List.of(), Map.of(), data == null ? null : data.facts(), "", (System.nanoTime() - start) / 1e9, error);
    }
}
