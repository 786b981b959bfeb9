package dev.trainspec.report.compare;

import dev.trainspec.check.FileOutcome;
import dev.trainspec.check.Finding;
import dev.trainspec.check.VariantOutcome;
import dev.trainspec.engine.train.History;
import dev.trainspec.engine.train.TrainingRun;
import dev.trainspec.report.JsonResult;
import dev.trainspec.report.Outcomes;
import dev.trainspec.run.RunResult;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.yaml.SnapshotYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pull request, simulated with the real {@link JsonResult} writer and the real checker: at
 * the base commit three scenarios pass; the change lowers {@code seeds/moons}' accuracy (its
 * expectation now fails) and rewrites its snapshot to match, makes {@code bugs/softmax} show a
 * new pitfall (a finding that was not there), and leaves {@code seeds/steady} alone.
 *
 * <p>Folders under {@code dir}: {@code base}, {@code head} (JSON results), {@code base-snapshots},
 * {@code head-snapshots}.
 */
public final class PullRequestSimulation {
    private PullRequestSimulation() {}

    public static void write(Path dir) throws IOException {
        Finding pitfall = new Finding("softmax_before_cross_entropy", Finding.Severity.WARNING,
                "layer 3 is a softmax and the loss is cross_entropy on logits", "remove the softmax layer");
        // base: each scenario as on main
        write(dir.resolve("base"), "seeds/moons", 3, 0.96, List.of());
        write(dir.resolve("base"), "bugs/softmax", 3, 0.95, List.of());
        write(dir.resolve("base"), "seeds/steady", 1, 0.97, List.of());
        // head: the regression, the new pitfall, the untouched scenario
        write(dir.resolve("head"), "seeds/moons", 3, 0.90, List.of());
        write(dir.resolve("head"), "bugs/softmax", 3, 0.95, List.of(pitfall));
        write(dir.resolve("head"), "seeds/steady", 1, 0.97, List.of());
        snapshot(dir.resolve("base-snapshots"), "seeds/moons", 0.955);
        snapshot(dir.resolve("head-snapshots"), "seeds/moons", 0.895);
        snapshot(dir.resolve("base-snapshots"), "seeds/steady", 0.96);
        snapshot(dir.resolve("head-snapshots"), "seeds/steady", 0.96);
    }

    /** A scenario's base variant: {@code repeat} runs whose test accuracy rises to {@code finalAccuracy} (less 0.01 per seed), judged against mean >= 0.93. */
    private static void write(Path dir, String id, int repeat, double finalAccuracy, List<Finding> findings) throws IOException {
        List<RunResult> runs = new ArrayList<>();
        for (int seed = 0; seed < repeat; seed++) runs.add(run(seed, finalAccuracy - 0.01 * seed));
        VariantOutcome judged = Outcomes.judge(Outcomes.result(Outcomes.scenario(id, "base", repeat, List.of(Outcomes.meanAccuracyAtLeast(id, 0.93))), runs));
        VariantOutcome outcome = new VariantOutcome(judged.result(), judged.verdicts(), findings);
        ScenarioFile file = new ScenarioFile(id, Outcomes.file(id), List.of(outcome.result().scenario()), List.of());
        JsonResult.write(new FileOutcome(file, List.of(outcome), List.of()), dir, Outcomes.ROOT);
    }

    /** Twelve epochs; accuracy approaches {@code last} as 1 - 0.7^e, loss falls from 0.7. */
    static RunResult run(long seed, double last) {
        int epochs = 12;
        double[] acc = new double[epochs];
        double[] loss = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            acc[e] = 0.5 + (last - 0.5) * (1 - Math.pow(0.7, e + 1)) / (1 - Math.pow(0.7, epochs));
            loss[e] = 0.7 * Math.pow(0.8, e + 1);
        }
        Map<String, double[]> h = new LinkedHashMap<>();
        h.put("train.loss", loss);
        h.put("test.accuracy", acc);
        return new RunResult(seed, new TrainingRun(History.of(h), null, "completed", 120), 0.1);
    }

    private static void snapshot(Path dir, String id, double accuracy) throws IOException {
        Path file = dir.resolve(id + ".yaml");
        Files.createDirectories(file.getParent());
        Map<String, Map<String, Double>> variants = new LinkedHashMap<>();
        variants.put("base", Map.of("test.accuracy", accuracy));
        Files.writeString(file, SnapshotYaml.render(id, variants));
    }
}
