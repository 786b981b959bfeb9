package dev.trainspec.report.summary;

import dev.trainspec.check.FileOutcome;
import dev.trainspec.check.VariantOutcome;
import dev.trainspec.check.Verdict;
import dev.trainspec.report.JsonResult;
import dev.trainspec.report.Outcomes;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.yaml.SnapshotYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON results written by the real {@link JsonResult} from hand-made outcomes, and committed-style
 * snapshots written by {@link SnapshotYaml}: the summary reads exactly what a run leaves behind.
 */
public final class SummaryFixture {
    private SummaryFixture() {}

    /** Writes results into {@code dir/results} and snapshots into {@code dir/baselines}, files in a scrambled order. */
    public static void write(Path dir) throws IOException {
        Path results = dir.resolve("results");
        Path baselines = dir.resolve("baselines");

        VariantOutcome slow = Outcomes.judge(new VariantResult(Outcomes.scenario("budget/slow", "base", 1, List.of()), List.of(), Map.of(), null, "",
                3.2, "scenarios/budget/slow.yaml:7:3: budget exceeded: 3.20 s > 1.0 s before the run with seed 0 started"));
        JsonResult.write(file("budget/slow", List.of(slow), List.of()), results, Outcomes.ROOT);

        VariantResult div = Outcomes.result(Outcomes.scenario("bugs/diverge", "base", 1, List.of(Outcomes.meanAccuracyAtLeast("bugs/diverge", 0.9))),
                List.of(Outcomes.diverged(0)));
        JsonResult.write(file("bugs/diverge", List.of(Outcomes.judge(div)), List.of()), results, Outcomes.ROOT);

        VariantOutcome base = Outcomes.judged("seeds/two-moons-sgd", "base", 3, 0.8);
        VariantOutcome full = Outcomes.judged("seeds/two-moons-sgd", "full_batch", 1, 0.99);
        Verdict cmp = new Verdict("mean base.test.accuracy > mean full_batch.test.accuracy (p < 0.05)", Outcomes.at("seeds/two-moons-sgd", 33),
                true, 0.004, 0, 0.01, "difference 0.004, p = 0.01 (Welch t-test)");
        JsonResult.write(file("seeds/two-moons-sgd", List.of(base, full), List.of(cmp)), results, Outcomes.ROOT);

        Map<String, Map<String, Double>> accepted = new LinkedHashMap<>();
        accepted.put("base", Map.of("test.accuracy", 0.83));
        Files.createDirectories(baselines.resolve("seeds"));
        Files.writeString(baselines.resolve("seeds/two-moons-sgd.yaml"), SnapshotYaml.render("seeds/two-moons-sgd", accepted));
        Files.createDirectories(baselines.resolve("bugs"));
        Files.writeString(baselines.resolve("bugs/diverge.yaml"), "variants: [not, a, map]\n");
    }

    private static FileOutcome file(String id, List<VariantOutcome> variants, List<Verdict> comparisons) {
        return new FileOutcome(new ScenarioFile(id, Outcomes.file(id), variants.stream().map(v -> v.result().scenario()).toList(), List.of()),
                variants, comparisons);
    }
}
