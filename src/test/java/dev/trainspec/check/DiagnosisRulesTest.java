package dev.trainspec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.check.diagnosis.StaticRules;
import dev.trainspec.engine.train.History;
import dev.trainspec.engine.train.TrainingRun;
import dev.trainspec.run.DataFacts;
import dev.trainspec.run.RunResult;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.LayerSpec;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Params;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.TrainSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each dynamic rule on hand-written histories: it fires on the pattern, with its numbers, and stays quiet beside it. */
class DiagnosisRulesTest {
    private static final Named INIT = new Named("default", Params.EMPTY, Results.AT);
    private static final List<LayerSpec> MLP = List.of(new LayerSpec.Linear(16, true, INIT, Results.AT),
            new LayerSpec.Activation("relu", Params.EMPTY, Results.AT), new LayerSpec.Linear(2, true, INIT, Results.AT));
    /** 800 training rows (400 + 400), 200 test rows, 2 standardised features. */
    private static final DataFacts FACTS = new DataFacts("make_moons", 800, 4000, 2, 2, new int[] {400, 400},
            List.of(new DataFacts.FeatureStats(0, 1, -2, 2)), List.of(new DataFacts.FeatureStats(0, 1, -2, 2)), false, "f");

    /** A healthy-looking history of {@code epochs} epochs; {@code overrides} replace whole series. */
    private static History history(int epochs, Map<String, double[]> overrides) {
        Map<String, double[]> s = new LinkedHashMap<>();
        double[] loss = new double[epochs];
        double[] acc = new double[epochs];
        double[] ones = new double[epochs];
        double[] half = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            loss[e] = 0.6 / (e + 1) + 0.05;
            acc[e] = 0.95;
            ones[e] = 1;
            half[e] = 0.5;
        }
        s.put("train.loss", loss);
        s.put("train.running_loss", loss.clone());
        s.put("test.accuracy", acc);
        s.put("train.accuracy", acc.clone());
        s.put("train.running_accuracy", acc.clone());
        s.put("grad_norm", ones);
        s.put("first_layer_grad_norm", ones.clone());
        s.put("last_layer_grad_norm", ones.clone());
        s.put("dead_relu_fraction", new double[epochs]);
        s.put("saturated_fraction", new double[epochs]);
        s.put("train.max_class_share", half);
        s.putAll(overrides);
        return History.of(s);
    }

    private static VariantResult variant(Map<String, Map<String, Double>> baselines, History... runs) {
        Scenario base = Results.scenario("base", 0, List.of());
        Scenario s = new Scenario(base.id(), base.file(), base.variant(), base.title(), base.description(), base.tags(), base.seed(),
                base.data(), MLP, base.loss(), new Named("sgd", new Params(Map.of("lr", 0.1), Map.of()), Results.AT), base.schedule(),
                new TrainSpec(runs[0].epochs(), 32, true, null, null, Results.AT), List.copyOf(baselines.keySet()), runs.length,
                List.of(), null, null, "", Results.AT);
        List<RunResult> rr = new ArrayList<>();
        for (int i = 0; i < runs.length; i++) rr.add(new RunResult(i, new TrainingRun(runs[i], null, "done", 100), 0.01));
        return new VariantResult(s, rr, baselines, FACTS, "", 0.01, null);
    }

    private static Finding find(VariantResult r, String code) {
        return Diagnosis.of(r).stream().filter(f -> f.code().equals(code)).findFirst().orElse(null);
    }

    @Test
    void healthyHistoryHasNoFinding() {
        assertEquals(List.of(), Diagnosis.of(variant(Map.of(), history(20, Map.of()))));
    }

    @Test
    void belowLinearBaselineQuotesBothAccuraciesAndThePoints() {
        Map<String, Map<String, Double>> lr = Map.of("logistic_regression", Map.of("test.accuracy", 0.91));
        double[] low = new double[20];
        java.util.Arrays.fill(low, 0.85);
        Finding f = find(variant(lr, history(20, Map.of("test.accuracy", low))), "below_linear_baseline");
        assertNotNull(f);
        assertEquals("test.accuracy 0.85 vs logistic_regression 0.91 on the same split (6 points below a linear model)", f.evidence());
        double[] close = low.clone();
        java.util.Arrays.fill(close, 0.902); // within 1 point (and two standard errors of 4000 rows: 0.9 points)
        assertNull(find(variant(lr, history(20, Map.of("test.accuracy", close))), "below_linear_baseline"));
    }

    @Test
    void collapseIsCountedOverRunsAndQuotesTheFirst() {
        double[] collapsed = {0.6, 0.9, 0.95, 0.7, 0.5, 0.5};
        History bad = history(6, Map.of("test.accuracy", collapsed));
        Finding f = find(variant(Map.of(), bad, history(6, Map.of()), bad), "accuracy_collapse");
        assertNotNull(f);
        assertEquals(Finding.Severity.ERROR, f.severity());
        assertEquals("2 of 3 runs; seed 0: test accuracy reached 0.95 in epoch 3 then fell to 0.5 (chance 0.5)", f.evidence());
    }

    @Test
    void majorityClassOnlyReadsThePredictedClassShare() {
        double[] one = {0.5, 1, 1, 1, 1, 1};
        Finding f = find(variant(Map.of(), history(6, Map.of("train.max_class_share", one))), "majority_class_only");
        assertNotNull(f);
        assertTrue(f.evidence().startsWith("the model predicts one class for 100% of training rows (train accuracy "), f.evidence());
        assertTrue(f.evidence().endsWith(": the largest class, which holds 50%)"), f.evidence());
    }

    @Test
    void majorityClassOnlySaysWhenTheOneClassIsNotTheLargest() {
        // all rows predicted as the smaller class: the accuracy is that class's share, under the largest one's
        History h = history(6, Map.of("train.max_class_share", new double[] {0.5, 1, 1, 1, 1, 1},
                "train.accuracy", new double[] {0.5, 0.36, 0.36, 0.36, 0.36, 0.36}));
        Finding f = find(variant(Map.of(), h), "majority_class_only");
        assertNotNull(f);
        assertTrue(f.evidence().endsWith("(train accuracy 0.36: not the largest class, which holds 50%)"), f.evidence());
    }

    @Test
    void vanishingGradientsCompareTheFirstAndLastLayer() {
        double[] tiny = new double[10];
        java.util.Arrays.fill(tiny, 1e-5);
        Finding f = find(variant(Map.of(), history(10, Map.of("first_layer_grad_norm", tiny))), "vanishing_gradients");
        assertNotNull(f);
        assertTrue(f.evidence().startsWith("the first layer's gradient norm is 1.000e-05 times the last layer's"), f.evidence());
        double[] fine = tiny.clone();
        java.util.Arrays.fill(fine, 0.01); // 1e-2 of the last layer: above the 1e-3 threshold
        assertNull(find(variant(Map.of(), history(10, Map.of("first_layer_grad_norm", fine))), "vanishing_gradients"));
    }

    @Test
    void explodingGradientsNeedAHundredfoldGrowth() {
        double[] grows = {1, 2, 5, 20, 150, 90};
        Finding f = find(variant(Map.of(), history(6, Map.of("grad_norm", grows))), "exploding_gradients");
        assertNotNull(f);
        assertEquals("the mean gradient norm reached 150 in epoch 5, 150x its epoch-1 value 1", f.evidence());
        double[] mild = {1, 2, 5, 20, 50, 90};
        assertNull(find(variant(Map.of(), history(6, Map.of("grad_norm", mild))), "exploding_gradients"));
    }

    @Test
    void explodingGradientsNameTheFirstNonFiniteEpoch() {
        // nan1.yaml of the sweep: the norm is NaN from epoch 2 on; every epoch after a NaN used to win the "peak"
        double[] nan = {1.16, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        Finding f = find(variant(Map.of(), history(5, Map.of("grad_norm", nan))), "exploding_gradients");
        assertNotNull(f);
        assertEquals("the gradient norm became NaN in epoch 2 (epoch 1: 1.16)", f.evidence());
        double[] inf = {1, 3, Double.POSITIVE_INFINITY, Double.NaN, 2};
        assertEquals("the gradient norm became inf in epoch 3 (epoch 1: 1)",
                find(variant(Map.of(), history(5, Map.of("grad_norm", inf))), "exploding_gradients").evidence());
    }

    @Test
    void flatLossAtChanceIsAPlateauAndASteadyCrawlIsALowLearningRate() {
        double[] flat = new double[12];
        double[] crawl = new double[12];
        for (int e = 0; e < 12; e++) {
            flat[e] = 0.6931 + (e % 2) * 1e-4;
            crawl[e] = 0.70 - 0.002 * e;
        }
        Map<String, double[]> flatRun = Map.of("train.loss", flat, "train.running_loss", flat);
        assertNotNull(find(variant(Map.of(), history(12, flatRun)), "plateau"));
        assertNull(find(variant(Map.of(), history(12, flatRun)), "learning_rate_too_low"));
        Map<String, double[]> crawlRun = Map.of("train.loss", crawl, "train.running_loss", crawl);
        Finding low = find(variant(Map.of(), history(12, crawlRun)), "learning_rate_too_low");
        assertNotNull(low);
        assertTrue(low.evidence().contains("fell steadily from 0.7 to 0.678 over 12 epochs") && low.evidence().endsWith("with sgd lr 0.1"),
                low.evidence());
    }

    /**
     * PyTorch trains BatchNorm1d on one [C, L] row when L > 1 (L values per channel) and refuses
     * only one value per channel: batch_size 1 is a finding for batch_norm on flat or [C, 1] rows.
     */
    @Test
    void batchSize1IsAFindingOnlyForBatchNormOnOneValuePerChannel() {
        LayerSpec bn = new LayerSpec.BatchNorm(0.1, 1e-5, Results.AT);
        LayerSpec flatten = new LayerSpec.Flatten(Results.AT);
        LayerSpec out = new LayerSpec.Linear(2, true, INIT, Results.AT);
        List<LayerSpec> overL = List.of(new LayerSpec.Unflatten(List.of(1, 2), Results.AT), bn, flatten, out);
        List<LayerSpec> overOne = List.of(new LayerSpec.Unflatten(List.of(2, 1), Results.AT), bn, flatten, out);
        List<LayerSpec> overLThenFlat = List.of(new LayerSpec.Unflatten(List.of(1, 2), Results.AT), bn, flatten,
                new LayerSpec.Linear(8, true, INIT, Results.AT), bn, out);
        assertEquals(List.of(), batchSize1Findings(overL), "one [1, 2] row: 2 values per channel");
        assertEquals(List.of("batch_norm_batch_size_1"), batchSize1Findings(overOne), "one [2, 1] row: 1 value per channel");
        assertEquals(List.of("batch_norm_batch_size_1"), batchSize1Findings(overLThenFlat), "the second batch_norm reads flat rows");
    }

    private static List<String> batchSize1Findings(List<LayerSpec> model) {
        Scenario s = variant(Map.of(), history(3, Map.of())).scenario();
        Scenario one = new Scenario(s.id(), s.file(), s.variant(), s.title(), s.description(), s.tags(), s.seed(), s.data(), model,
                s.loss(), s.optimizer(), s.schedule(), new TrainSpec(3, 1, true, null, null, Results.AT), List.of(), 1, List.of(),
                null, null, "", Results.AT);
        return StaticRules.of(new VariantResult(one, List.of(), Map.of(), FACTS, "", 0.01, null)).stream().map(Finding::code)
                .filter(c -> c.equals("batch_norm_batch_size_1")).toList();
    }

    @Test
    void aVariantThatCouldNotRunStillGetsItsStaticFindings() {
        VariantResult ok = variant(Map.of(), history(3, Map.of()));
        Scenario s = ok.scenario();
        Scenario bn = new Scenario(s.id(), s.file(), s.variant(), s.title(), s.description(), s.tags(), s.seed(), s.data(),
                List.of(new LayerSpec.Linear(8, true, INIT, Results.AT), new LayerSpec.BatchNorm(0.1, 1e-5, Results.AT)),
                s.loss(), s.optimizer(), s.schedule(), new TrainSpec(3, 1, true, null, null, Results.AT), List.of(), 1, List.of(),
                null, null, "", Results.AT);
        VariantResult failed = new VariantResult(bn, List.of(), Map.of(), FACTS, "", 0.01, "t.yaml:7:5: train: Expected more than 1 value");
        VariantOutcome o = Checker.judge(failed, Map.of());
        assertEquals(List.of("batch_norm_batch_size_1"), o.diagnosis().stream().map(Finding::code).toList());
    }
}
