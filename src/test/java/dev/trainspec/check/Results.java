package dev.trainspec.check;

import dev.trainspec.engine.train.History;
import dev.trainspec.engine.train.NonFinite;
import dev.trainspec.engine.train.TrainingRun;
import dev.trainspec.run.RunResult;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.DataSpec;
import dev.trainspec.scenario.Expectation;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.Params;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.TrainSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made results for checker tests: histories written out epoch by epoch. */
final class Results {
    static final Origin AT = new Origin(Path.of("t.yaml"), 7, 5);

    private Results() {}

    static Scenario scenario(String variant, long seed, List<Expectation> expect) {
        Named none = new Named("none", Params.EMPTY, AT);
        DataSpec data = new DataSpec(new Named("make_moons", Params.EMPTY, AT), List.of(), new DataSpec.SplitSpec(0.2, 42L, true, false, AT), AT);
        return new Scenario("t", Path.of("t.yaml"), variant, "t", "", List.of(), seed, data, List.of(),
                new Named("cross_entropy", Params.EMPTY, AT), new Named("sgd", Params.EMPTY, AT), none,
                new TrainSpec(3, 32, true, null, null, AT), List.of(), 1, expect, null, null, "", AT);
    }

    /** One run per array of test accuracies (one value per epoch), seeds 0, 1, ... */
    static VariantResult variant(String name, List<Expectation> expect, double[]... testAccuracy) {
        List<RunResult> runs = new ArrayList<>();
        for (int i = 0; i < testAccuracy.length; i++) {
            Map<String, double[]> s = new LinkedHashMap<>();
            s.put("test.accuracy", testAccuracy[i]);
            double[] loss = new double[testAccuracy[i].length];
            for (int e = 0; e < loss.length; e++) loss[e] = 1 - testAccuracy[i][e];
            s.put("train.loss", loss);
            runs.add(new RunResult(i, new TrainingRun(History.of(s), null, "done", 10), 0.01));
        }
        return new VariantResult(scenario(name, 0, expect), runs, Map.of("logistic_regression", Map.of("test.accuracy", 0.9)),
                null, "", 0.01, null);
    }

    /** The same result, its scenario tracking {@code metrics} against a snapshot with {@code tolerance}. */
    static VariantResult tracking(VariantResult r, double tolerance, String... metrics) {
        Scenario s = r.scenario();
        Scenario t = new Scenario(s.id(), s.file(), s.variant(), s.title(), s.description(), s.tags(), s.seed(), s.data(), s.model(),
                s.loss(), s.optimizer(), s.schedule(), s.train(), s.baselines(), s.repeat(), s.expect(),
                new Scenario.Regression(List.of(metrics), tolerance, AT), s.budgetSeconds(), s.source(), s.origin());
        return new VariantResult(t, r.runs(), r.baselines(), r.data(), r.modelDescription(), r.seconds(), r.error());
    }

    static VariantResult nonFinite(String name) {
        Map<String, double[]> s = Map.of("test.accuracy", new double[] {0.5, 0.25}, "train.loss", new double[] {0.7, Double.NaN});
        TrainingRun t = new TrainingRun(History.of(s), new NonFinite(2, 3, "loss", Double.NaN), "diverged", 10);
        return new VariantResult(scenario(name, 0, List.of()), List.of(new RunResult(0, t, 0.01)), Map.of(), null, "", 0.01, null);
    }

    static Expectation.Metric metric(String agg, String qualifier, String name) {
        return new Expectation.Metric(agg, qualifier, name, null, false, (char) 0, 0);
    }

    static Expectation.Comparison cmp(Expectation.Term l, Expectation.Op op, Expectation.Term r) {
        return new Expectation.Comparison("expectation", l, op, r, null, null, null, AT);
    }
}
