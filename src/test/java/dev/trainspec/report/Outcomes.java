package dev.trainspec.report;

import dev.trainspec.check.Checker;
import dev.trainspec.check.VariantOutcome;
import dev.trainspec.engine.train.History;
import dev.trainspec.engine.train.NonFinite;
import dev.trainspec.engine.train.TrainingRun;
import dev.trainspec.run.DataFacts;
import dev.trainspec.run.RunResult;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.DataSpec;
import dev.trainspec.scenario.Expectation;
import dev.trainspec.scenario.LayerSpec;
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

/**
 * Hand-made results for report tests, judged by the real {@link Checker}: smooth learning curves
 * written out by formula (loss 0.7 * 0.9^e + seed offset, accuracy rising towards 0.97).
 */
public final class Outcomes {
    public static final Path ROOT = Path.of("/repo");

    private Outcomes() {}

    public static Origin at(String id, int line) {
        return new Origin(file(id), line, 3);
    }

    public static Path file(String id) {
        return ROOT.resolve("scenarios").resolve(id + ".yaml");
    }

    public static Scenario scenario(String id, String variant, int repeat, List<Expectation> expect) {
        Origin o = at(id, 7);
        Params sgd = new Params(Map.of("lr", 0.1, "momentum", 0.9), Map.of());
        Params moons = new Params(Map.of("n_samples", 200L, "noise", 0.2), Map.of());
        DataSpec data = new DataSpec(new Named("make_moons", moons, o), List.of(), new DataSpec.SplitSpec(0.2, 42L, true, false, o), o);
        return new Scenario(id, file(id), variant, "Two moons " + variant, "2-16-2 MLP.\nShown in the report.", List.of("seed", "smoke"), 0,
                data, List.<LayerSpec>of(), new Named("cross_entropy", Params.EMPTY, o), new Named("sgd", sgd, o), new Named("none", Params.EMPTY, o),
                new TrainSpec(5, 32, true, null, null, o), List.of(), repeat, expect, null, null, "title: Two moons\nseed: 0\n", o);
    }

    /** {@code mean test.accuracy >= bound} at line 20. */
    public static Expectation.Comparison meanAccuracyAtLeast(String id, double bound) {
        return new Expectation.Comparison("mean test.accuracy >= " + bound,
                new Expectation.Metric("mean", null, "test.accuracy", null, false, (char) 0, 0), Expectation.Op.GE,
                new Expectation.Constant(bound), null, null, null, at(id, 20));
    }

    public static RunResult run(long seed, int epochs) {
        Map<String, double[]> s = new LinkedHashMap<>();
        double[] trainLoss = new double[epochs];
        double[] testLoss = new double[epochs];
        double[] trainAcc = new double[epochs];
        double[] testAcc = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            trainLoss[e] = 0.7 * Math.pow(0.9, e + 1) + 0.01 * seed;
            testLoss[e] = trainLoss[e] + 0.02;
            trainAcc[e] = 0.97 - 0.4 * Math.pow(0.8, e + 1) - 0.005 * seed;
            testAcc[e] = trainAcc[e] - 0.01;
        }
        s.put("train.loss", trainLoss);
        s.put("train.accuracy", trainAcc);
        s.put("test.loss", testLoss);
        s.put("test.accuracy", testAcc);
        return new RunResult(seed, new TrainingRun(History.of(s), null, "completed", 10L * epochs), 0.25);
    }

    public static RunResult diverged(long seed) {
        Map<String, double[]> s = new LinkedHashMap<>();
        s.put("train.loss", new double[] {0.7, 3.5, 1e6, Double.NaN});
        s.put("test.loss", new double[] {0.72, 3.9, 2e6, Double.NaN});
        s.put("train.accuracy", new double[] {0.8, 0.6, 0.5, 0.5});
        s.put("test.accuracy", new double[] {0.78, 0.55, 0.5, 0.5});
        return new RunResult(seed, new TrainingRun(History.of(s), new NonFinite(4, 2, "loss", Double.NaN), "non-finite", 40), 0.1);
    }

    public static DataFacts facts() {
        List<DataFacts.FeatureStats> raw = List.of(new DataFacts.FeatureStats(0.5, 0.87, -1.1, 2.1), new DataFacts.FeatureStats(0.25, 0.5, -0.6, 1.2));
        List<DataFacts.FeatureStats> pre = List.of(new DataFacts.FeatureStats(0, 1, -1.9, 1.8), new DataFacts.FeatureStats(0, 1, -1.7, 1.9));
        return new DataFacts("make_moons", 160, 40, 2, 2, new int[] {81, 79}, raw, pre, false, "3f2a9c0d11e4b7a8");
    }

    public static VariantResult result(Scenario s, List<RunResult> runs) {
        return new VariantResult(s, runs, Map.of("logistic_regression", Map.of("test.accuracy", 0.85, "train.accuracy", 0.86)),
                facts(), "Sequential(linear 2->16, relu, linear 16->2)", 0.25 * runs.size(), null);
    }

    /** A variant of {@code id} with {@code repeat} smooth runs of 5 epochs, judged against {@code mean test.accuracy >= bound}. */
    public static VariantOutcome judged(String id, String variant, int repeat, double bound) {
        Scenario s = scenario(id, variant, repeat, List.of(meanAccuracyAtLeast(id, bound)));
        List<RunResult> runs = new ArrayList<>();
        for (int i = 0; i < repeat; i++) runs.add(run(i, 5));
        return judge(result(s, runs));
    }

    public static VariantOutcome judge(VariantResult r) {
        return Checker.judge(r, Map.of(r.name(), r));
    }
}
