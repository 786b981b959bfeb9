package dev.trainspec.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.trainspec.engine.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each baseline against scikit-learn 1.2.1 on the fixture data sets (moons, circles, blobs with 4
 * classes, make_classification with 4 classes), split by train_test_split(test_size=0.25,
 * random_state=0); numbers from src/test/python/baseline_reference.py.
 * <ul>
 *   <li>accuracies within 0.5 points of scikit-learn's estimator with its defaults;</li>
 *   <li>coefficients and intercepts within {@link #COEF_TOLERANCE} (relative to the largest
 *       coefficient) of the same objective solved tightly by scikit-learn (lbfgs tol 1e-10;
 *       liblinear primal Newton tol 1e-10), and the same accuracies exactly;</li>
 *   <li>logistic regression's mean log loss within {@link #LOSS_TOLERANCE} (relative).</li>
 * </ul>
 */
class SklearnParityTest {
    static final double ACCURACY_POINTS = 0.005;
    /** With the default gradient tolerance 1e-8; the near-separable blobs leave the intercepts 1.5e-5 off. */
    static final double COEF_TOLERANCE = 1e-4;
    static final double TIGHT_GRADIENT = 1e-11;
    static final double TIGHT_COEF_TOLERANCE = 1e-7;
    static final double LOSS_TOLERANCE = 1e-6;
    static final List<String> DATA = List.of("moons_n200_noise0.2_rs42", "circles_n150_noise0.05_factor0.5_rs7",
            "blobs_n120_f3_c4_sd1.5_rs3", "classification_n300_f5_k4_cpc1_rs1");

    @TestFactory
    List<DynamicTest> baselinesMatchScikitLearn() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : DATA) {
            Map<String, Object> fixture = Fixtures.json("baseline/" + name + ".json");
            Map<String, Object> split = Fixtures.map(fixture, "split");
            Dataset all = Fixtures.csv((String) fixture.get("csv"), true);
            Dataset train = all.select(Fixtures.indices(split.get("train")));
            Dataset test = all.select(Fixtures.indices(split.get("test")));
            Map<String, Object> expected = Fixtures.map(fixture, "baselines");
            for (String baseline : Baseline.NAMES) {
                tests.add(dynamicTest(baseline + " on " + name, () -> check(baseline, Fixtures.map(expected, baseline), train, test)));
                if (!baseline.equals(MajorityClass.NAME)) {
                    tests.add(dynamicTest(baseline + " solved to 1e-11 on " + name, () -> checkTight(baseline, Fixtures.map(expected, baseline), train)));
                }
            }
        }
        return tests;
    }

    static void check(String baseline, Map<String, Object> expected, Dataset train, Dataset test) {
        Fitted fitted = Baseline.named(baseline).fit(train);
        double trainAccuracy = Scores.accuracy(train, fitted.predict(train));
        double testAccuracy = Scores.accuracy(test, fitted.predict(test));
        Map<String, Object> defaults = Fixtures.map(expected, "default");
        assertClose("train accuracy vs sklearn defaults", Fixtures.number(defaults, "train_accuracy"), trainAccuracy, ACCURACY_POINTS);
        assertClose("test accuracy vs sklearn defaults", Fixtures.number(defaults, "test_accuracy"), testAccuracy, ACCURACY_POINTS);
        if (baseline.equals(MajorityClass.NAME)) {
            assertEquals(Fixtures.number(defaults, "constant"), fitted.predict(train)[0], 0.0, "most frequent class");
            return;
        }
        assertTrue(fitted.convergence().converged(), () -> "solver did not converge: " + fitted.convergence());
        Map<String, Object> tight = Fixtures.map(expected, "tight");
        assertEquals(Fixtures.number(tight, "train_accuracy"), trainAccuracy, 0.0, "train accuracy vs tightly solved sklearn");
        assertEquals(Fixtures.number(tight, "test_accuracy"), testAccuracy, 0.0, "test accuracy vs tightly solved sklearn");
        LinearFit linear = (LinearFit) fitted;
        double[][] coef = Fixtures.matrix(tight.get("coef"));
        double[][] intercept = {Fixtures.vector(tight.get("intercept"))};
        double scale = Math.max(1.0, Fixtures.maxAbs(coef));
        double coefMiss = Fixtures.maxAbsDiff(coef, linear.coef());
        double interceptMiss = Fixtures.maxAbsDiff(intercept, new double[][] {linear.intercept()});
        System.out.printf("%s: coef maxdiff %.2e, intercept maxdiff %.2e (scale %.3g), %s%n", baseline, coefMiss, interceptMiss, scale, fitted.convergence());
        assertTrue(coefMiss <= COEF_TOLERANCE * scale, () -> "coef differs from sklearn by " + coefMiss + " > " + COEF_TOLERANCE * scale);
        assertTrue(interceptMiss <= COEF_TOLERANCE * scale, () -> "intercept differs from sklearn by " + interceptMiss + " > " + COEF_TOLERANCE * scale);
        if (baseline.equals(LogisticRegression.NAME)) {
            double trainLoss = fitted.logLoss(train).orElseThrow();
            double testLoss = fitted.logLoss(test).orElseThrow();
            assertClose("train log loss", Fixtures.number(tight, "train_loss"), trainLoss, LOSS_TOLERANCE * Fixtures.number(tight, "train_loss"));
            assertClose("test log loss", Fixtures.number(tight, "test_loss"), testLoss, LOSS_TOLERANCE * Fixtures.number(tight, "test_loss"));
        }
    }

    /** The solver reaches scikit-learn's optimum when asked for a tighter gradient tolerance. */
    static void checkTight(String baseline, Map<String, Object> expected, Dataset train) {
        Baseline model = baseline.equals(LogisticRegression.NAME) ? new LogisticRegression(1.0, TIGHT_GRADIENT, 10_000) : new LinearSvm(1.0, TIGHT_GRADIENT, 10_000);
        LinearFit fit = (LinearFit) model.fit(train);
        Map<String, Object> tight = Fixtures.map(expected, "tight");
        double[][] coef = Fixtures.matrix(tight.get("coef"));
        double scale = Math.max(1.0, Fixtures.maxAbs(coef));
        double coefMiss = Fixtures.maxAbsDiff(coef, fit.coef());
        double interceptMiss = Fixtures.maxAbsDiff(new double[][] {Fixtures.vector(tight.get("intercept"))}, new double[][] {fit.intercept()});
        System.out.printf("%s tol %.0e: coef maxdiff %.2e, intercept maxdiff %.2e (scale %.3g), %s%n", baseline, TIGHT_GRADIENT, coefMiss, interceptMiss, scale, fit.convergence());
        assertTrue(fit.convergence().converged(), () -> "solver did not converge: " + fit.convergence());
        assertTrue(coefMiss <= TIGHT_COEF_TOLERANCE * scale, () -> "coef differs from sklearn by " + coefMiss + " > " + TIGHT_COEF_TOLERANCE * scale);
        assertTrue(interceptMiss <= TIGHT_COEF_TOLERANCE * scale, () -> "intercept differs from sklearn by " + interceptMiss + " > " + TIGHT_COEF_TOLERANCE * scale);
    }

    static void assertClose(String what, double expected, double actual, double tolerance) {
        assertTrue(Math.abs(expected - actual) <= tolerance,
                () -> String.format(java.util.Locale.ROOT, "%s: expected %.10g, observed %.10g, miss %.3g > tolerance %.3g",
                        what, expected, actual, Math.abs(expected - actual), tolerance));
    }
}
