package dev.trainspec.check;

import static dev.trainspec.check.Results.AT;
import static dev.trainspec.check.Results.cmp;
import static dev.trainspec.check.Results.metric;
import static dev.trainspec.check.Results.variant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.Expectation;
import dev.trainspec.scenario.Expectation.Constant;
import dev.trainspec.scenario.Expectation.Op;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpectationCheckerTest {
    private static final double[] FAST = {0.80, 0.96, 0.97};
    private static final double[] SLOW = {0.70, 0.90, 0.955};

    private static Verdict check(VariantResult v, Expectation e) {
        return new ExpectationChecker(v, Map.of(v.name(), v), Set.of()).check(e);
    }

    @Test
    void finalValueOfASingleRun() {
        VariantResult v = variant("base", List.of(), FAST);
        Verdict ok = check(v, cmp(metric(null, null, "test.accuracy"), Op.GE, new Constant(0.95)));
        assertTrue(ok.passed());
        assertEquals(0.97, ok.observed());
        assertEquals("observed 0.97", ok.detail());
        assertFalse(check(v, cmp(metric(null, null, "test.accuracy"), Op.GT, new Constant(0.97))).passed());
    }

    @Test
    void withoutAggregateEveryRunMustHoldAndTheWorstIsReported() {
        VariantResult v = variant("base", List.of(), FAST, SLOW);
        Verdict fail = check(v, cmp(metric(null, null, "test.accuracy"), Op.GE, new Constant(0.96)));
        assertFalse(fail.passed());
        assertEquals(0.955, fail.observed());
        assertTrue(fail.detail().contains("worst of 2 runs (seed 1)"), fail.detail());
        Verdict mean = check(v, cmp(metric("mean", null, "test.accuracy"), Op.GE, new Constant(0.96)));
        assertTrue(mean.passed());
        assertEquals((0.97 + 0.955) / 2, mean.observed(), 1e-12);
        assertEquals(0.955, check(v, cmp(metric("min", null, "test.accuracy"), Op.GE, new Constant(0))).observed());
        assertEquals(Math.sqrt(2 * 0.0075 * 0.0075), check(v, cmp(metric("std", null, "test.accuracy"), Op.GE, new Constant(0))).observed(), 1e-12);
    }

    @Test
    void atEpochBestAndArithmetic() {
        VariantResult v = variant("base", List.of(), FAST);
        var atTwo = new Expectation.Metric(null, null, "test.accuracy", 2, false, '+', 0.01);
        assertEquals(0.97, check(v, cmp(atTwo, Op.GE, new Constant(0))).observed(), 1e-12);
        var bestLoss = new Expectation.Metric(null, null, "train.loss", null, true, (char) 0, 0);
        assertEquals(1 - 0.97, check(v, cmp(bestLoss, Op.LE, new Constant(1))).observed(), 1e-12);
        var beyond = new Expectation.Metric(null, null, "test.accuracy", 9, false, (char) 0, 0);
        Verdict missing = check(v, cmp(beyond, Op.GE, new Constant(0)));
        assertFalse(missing.passed());
        assertTrue(missing.detail().contains("epoch 9 was not reached"), missing.detail());
    }

    @Test
    void withinEpochsReportsTheFirstEpochThatHolds() {
        VariantResult v = variant("base", List.of(), FAST, SLOW);
        Expectation.Comparison within2 = new Expectation.Comparison("w", metric(null, null, "test.accuracy"), Op.GE, new Constant(0.95), 2, null, null, AT);
        Verdict fail = check(v, within2);
        assertFalse(fail.passed());
        assertEquals(3, fail.observed());
        Expectation.Comparison within3 = new Expectation.Comparison("w", metric(null, null, "test.accuracy"), Op.GE, new Constant(0.95), 3, null, null, AT);
        assertTrue(check(v, within3).passed());
        Expectation.Comparison never = new Expectation.Comparison("w", metric(null, null, "test.accuracy"), Op.GE, new Constant(0.99), 3, null, null, AT);
        assertTrue(check(v, never).detail().startsWith("never held in 3 epochs"));
    }

    @Test
    void anAggregateWithinEpochsCountsOnlyTheEpochsEveryRunReached() {
        // within_agg_earlystop.yaml of the sweep: early stopping ended the runs at different epochs
        VariantResult v = variant("base", List.of(), new double[] {0.5, 0.7, 0.9, 0.95}, new double[] {0.5, 0.6}, new double[] {0.6, 0.8, 0.9});
        Expectation.Comparison meanWithin = new Expectation.Comparison("w", metric("mean", null, "test.accuracy"), Op.GE, new Constant(0.6), 4, null, null, AT);
        Verdict held = check(v, meanWithin);
        assertTrue(held.passed(), held.detail());
        assertEquals(2, held.observed());
        // at epoch 3 only two runs have a value: the mean there is not defined, as `mean ... at epoch 3` is not
        Expectation.Comparison late = new Expectation.Comparison("w", metric("mean", null, "test.accuracy"), Op.GE, new Constant(0.75), 4, null, null, AT);
        Verdict never = check(v, late);
        assertFalse(never.passed());
        assertEquals("never held in 2 epochs (mean over 3 runs ends at epoch 2, the last that every run reached; the runs ran 4, 2, 3 epochs)",
                never.detail());
    }

    @Test
    void withinEpochsFollowsEachRunToItsOwnLastEpoch() {
        // the bound lasts as long as the longest run, not as long as the first one
        VariantResult v = variant("base", List.of(), new double[] {0.5, 0.95}, new double[] {0.5, 0.7, 0.9, 0.95});
        Expectation.Comparison within4 = new Expectation.Comparison("w", metric(null, null, "test.accuracy"), Op.GE, new Constant(0.9), 4, null, null, AT);
        Verdict held = check(v, within4);
        assertTrue(held.passed(), held.detail());
        assertEquals("first held at epoch 3 in the slowest of 2 runs (seed 1)", held.detail());
        // a run that stopped before the bound held never held it, whatever the other runs did
        VariantResult stopped = variant("base", List.of(), new double[] {0.5, 0.7, 0.9, 0.95}, new double[] {0.5, 0.6});
        assertEquals("never held in 2 epochs in the slowest of 2 runs (seed 1)", check(stopped, within4).detail());
    }

    @Test
    void baselineQualifierAndMissingBaseline() {
        VariantResult v = variant("base", List.of(), FAST);
        assertTrue(check(v, cmp(metric(null, null, "test.accuracy"), Op.GE, metric(null, "logistic_regression", "test.accuracy"))).passed());
        Verdict none = check(v, cmp(metric(null, null, "test.accuracy"), Op.GE, metric(null, "linear_svm", "test.accuracy")));
        assertFalse(none.passed());
        assertTrue(none.detail().contains("linear_svm was not fitted"), none.detail());
    }

    @Test
    void significanceUsesAOneSidedWelchTest() {
        double[][] good = {{0.98}, {0.985}, {0.99}, {0.975}, {0.98}};
        double[][] bad = {{0.95}, {0.94}, {0.955}, {0.96}, {0.945}};
        VariantResult a = variant("base", List.of(), good);
        VariantResult b = variant("full_batch", List.of(), bad);
        Expectation.Comparison c = new Expectation.Comparison("c", metric("mean", "base", "test.accuracy"), Op.GT,
                metric("mean", "full_batch", "test.accuracy"), null, 0.05, null, AT);
        Verdict v = new ExpectationChecker(a, Map.of("base", a, "full_batch", b), Set.of()).check(c);
        assertTrue(v.passed(), v.detail());
        // scipy 1.10: ttest_ind(good, bad, equal_var=False, alternative='greater').pvalue = 6.50105096558712e-05
        assertEquals(6.50105096558712e-05, v.p(), 1e-12);
        Expectation.Comparison reverse = new Expectation.Comparison("c", metric("mean", "full_batch", "test.accuracy"), Op.GT,
                metric("mean", "base", "test.accuracy"), null, 0.05, null, AT);
        assertFalse(new ExpectationChecker(a, Map.of("base", a, "full_batch", b), Set.of()).check(reverse).passed());
    }

    @Test
    void constantRunsOnBothSidesAreSignificantlyApartOrSayWhyThereIsNoPValue() {
        // welch_zero_variance.yaml of the sweep: every run scored 0.4 on one side, 44/45 on the other
        double[][] raw = {{0.4}, {0.4}, {0.4}, {0.4}, {0.4}};
        double[][] scaled = {{44.0 / 45}, {44.0 / 45}, {44.0 / 45}, {44.0 / 45}, {44.0 / 45}};
        VariantResult a = variant("base", List.of(), raw);
        VariantResult b = variant("scaled", List.of(), scaled);
        Map<String, VariantResult> both = Map.of("base", a, "scaled", b);
        Expectation.Comparison better = new Expectation.Comparison("c", metric("mean", "scaled", "test.accuracy"), Op.GT,
                metric("mean", "base", "test.accuracy"), null, 0.01, null, AT);
        Verdict v = new ExpectationChecker(a, both, Set.of()).check(better);
        assertTrue(v.passed(), v.detail());
        assertEquals("observed 0.9778 vs 0.4, one-sided Welch t-test p = 0 over 5 vs 5 runs", v.detail());
        Expectation.Comparison same = new Expectation.Comparison("c", metric("mean", "base", "test.accuracy"), Op.GE,
                metric("mean", "base", "test.accuracy"), null, 0.01, null, AT);
        Verdict none = new ExpectationChecker(a, both, Set.of()).check(same);
        assertFalse(none.passed());
        assertTrue(none.detail().endsWith("p = NaN over 5 vs 5 runs (both sides are the same constant)"), none.detail());
    }

    @Test
    void withoutAggregateASignificanceTestMustAlsoHoldInEveryRun() {
        // everyp.yaml of the sweep: significant on average, but one run of base is not 0.15 above its slow run
        double[][] base = {{0.90}, {0.92}, {0.91}, {0.93}, {0.70}};
        double[][] slow = {{0.50}, {0.52}, {0.51}, {0.50}, {0.60}};
        VariantResult a = variant("base", List.of(), base);
        VariantResult b = variant("slow", List.of(), slow);
        Expectation.Metric right = new Expectation.Metric(null, "slow", "test.accuracy", null, false, '+', 0.15);
        Expectation.Comparison every = new Expectation.Comparison("c", metric(null, "base", "test.accuracy"), Op.GT, right, null, 0.1, "welch", AT);
        Verdict v = new ExpectationChecker(a, Map.of("base", a, "slow", b), Set.of()).check(every);
        assertTrue(v.p() < 0.1, v.detail());
        assertFalse(v.passed(), v.detail());
        assertEquals(0.70, v.observed(), 1e-12);
        assertEquals(0.75, v.bound(), 1e-12);
        assertTrue(v.detail().startsWith("observed 0.7 vs 0.75, worst of 5 runs (seed 4), one-sided Welch t-test p = "), v.detail());
        Expectation.Comparison mean = new Expectation.Comparison("c", metric("mean", "base", "test.accuracy"), Op.GT,
                new Expectation.Metric("mean", "slow", "test.accuracy", null, false, '+', 0.15), null, 0.1, "welch", AT);
        assertTrue(new ExpectationChecker(a, Map.of("base", a, "slow", b), Set.of()).check(mean).passed());
    }

    @Test
    void theObservedValueIsTheMetricWhicheverSideTheNumberIsOn() {
        VariantResult v = variant("base", List.of(), FAST, SLOW);
        Verdict left = check(v, cmp(new Constant(0.96), Op.LT, metric(null, null, "test.accuracy")));
        assertFalse(left.passed());
        assertEquals(0.955, left.observed());
        assertEquals(0.96, left.bound());
        assertEquals("observed 0.955, worst of 2 runs (seed 1)", left.detail());
        Verdict mean = check(v, cmp(new Constant(0.1), Op.LE, metric("mean", null, "test.accuracy")));
        assertEquals((0.97 + 0.955) / 2, mean.observed(), 1e-12);
        assertEquals(0.1, mean.bound());
        // metrics on both sides: the left one is observed, the right one the bound (unchanged convention)
        Verdict both = check(v, cmp(metric("min", null, "test.accuracy"), Op.GE, metric("max", null, "test.accuracy")));
        assertEquals(0.955, both.observed());
        assertEquals(0.97, both.bound());
    }

    @Test
    void stdOfOneRunIsUndefinedAndFailsEveryBound() {
        VariantResult v = variant("base", List.of(), FAST);
        Verdict below = check(v, cmp(metric("std", null, "test.accuracy"), Op.LT, new Constant(0.1)));
        assertFalse(below.passed());
        assertTrue(Double.isNaN(below.observed()));
        assertEquals("observed NaN (std needs at least 2 runs, test.accuracy has 1)", below.detail());
        assertFalse(check(v, cmp(metric("std", null, "test.accuracy"), Op.GE, new Constant(0))).passed());
    }

    @Test
    void healthCheckFailsOnNonFiniteUnlessExpected() {
        VariantResult bad = Results.nonFinite("base");
        VariantOutcome o = Checker.judge(bad, Map.of("base", bad));
        assertEquals(Status.FAILED, o.status());
        assertTrue(o.failures().get(0).detail().contains("epoch 2, step 3"), o.failures().get(0).detail());
        assertTrue(o.diagnosis().stream().anyMatch(f -> f.code().equals("non_finite")));
    }
}
