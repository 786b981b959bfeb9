package dev.trainspec.baseline;

import static dev.trainspec.baseline.SklearnParityTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.data.Dataset;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 000: 13,000 x 512 L2-normalised embeddings (test: 4,000 rows of seed 1), regenerated
 * bit for bit, against scikit-learn 1.2.1 (fixture embed512_n13000_seed0_test4000_seed1.json):
 * accuracies within 0.5 points of scikit-learn's estimators, logistic regression coefficients
 * within {@link #COEF_TOLERANCE} of newton-cg (tol 1e-8), and fit times for the report.
 */
class Embeddings512Test {
    static final double COEF_TOLERANCE = 1e-5;
    /** Generous: a slow CI machine must not fail this; the report quotes the measured time. */
    static final double MAX_FIT_SECONDS = 20;

    static Dataset train;
    static Dataset test;
    static Map<String, Object> fixture;

    @BeforeAll
    static void generate() {
        train = Embeddings512.make(13_000, 0);
        test = Embeddings512.make(4_000, 1);
        fixture = Fixtures.json("baseline/embed512_n13000_seed0_test4000_seed1.json");
    }

    @Test
    void generatorReproducesNumpyBitForBit() {
        Map<String, Object> checks = Fixtures.map(fixture, "checks");
        assertEquals(Fixtures.number(checks, "y_train_sum"), Arrays.stream(train.labels()).sum(), 0.0);
        assertEquals(Fixtures.number(checks, "y_test_sum"), Arrays.stream(test.labels()).sum(), 0.0);
        assertArrayEquals(Fixtures.vector(checks.get("x_train_first")), Arrays.copyOfRange(train.x(), 0, 8), 0.0);
        assertArrayEquals(Fixtures.vector(checks.get("x_train_last")), Arrays.copyOfRange(train.x(), train.x().length - 8, train.x().length), 0.0);
        assertArrayEquals(Fixtures.vector(checks.get("x_test_first")), Arrays.copyOfRange(test.x(), 0, 8), 0.0);
    }

    @Test
    void logisticRegressionC1() {
        checkLogistic("logistic_regression_C1", new LogisticRegression());
    }

    /** The seed's own setting: LogisticRegression(C=10) reaches train accuracy 0.929. */
    @Test
    void logisticRegressionC10() {
        checkLogistic("logistic_regression_C10", new LogisticRegression(10.0, 1e-8, 10_000));
    }

    private static void checkLogistic(String key, LogisticRegression model) {
        Map<String, Object> expected = Fixtures.map(Fixtures.map(fixture, "baselines"), key);
        long t0 = System.nanoTime();
        LinearFit fit = (LinearFit) model.fit(train);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double trainAccuracy = Scores.accuracy(train, fit.predict(train));
        double testAccuracy = Scores.accuracy(test, fit.predict(test));
        double[][] coef = Fixtures.matrix(Fixtures.map(expected, "tight").get("coef"));
        double coefMiss = Fixtures.maxAbsDiff(coef, fit.coef());
        double interceptMiss = Math.abs(Fixtures.vector(Fixtures.map(expected, "tight").get("intercept"))[0] - fit.intercept()[0]);
        System.out.printf("%s 13000x512: fit %.2f s (sklearn newton-cg %.2f s), train %.4f test %.4f, coef maxdiff %.2e (max |coef| %.3g), intercept diff %.2e, %s%n",
                key, seconds, Fixtures.number(expected, "seconds"), trainAccuracy, testAccuracy, coefMiss, Fixtures.maxAbs(coef), interceptMiss, fit.convergence());
        Map<String, Object> defaults = Fixtures.map(expected, "default");
        assertClose("train accuracy", Fixtures.number(defaults, "train_accuracy"), trainAccuracy, SklearnParityTest.ACCURACY_POINTS);
        assertClose("test accuracy", Fixtures.number(defaults, "test_accuracy"), testAccuracy, SklearnParityTest.ACCURACY_POINTS);
        assertTrue(fit.convergence().converged(), fit.convergence()::toString);
        double scale = Math.max(1, Fixtures.maxAbs(coef));
        assertTrue(coefMiss <= COEF_TOLERANCE * scale, () -> "coef differs from sklearn by " + coefMiss);
        assertTrue(interceptMiss <= COEF_TOLERANCE * scale, () -> "intercept differs from sklearn by " + interceptMiss);
        double trainLoss = Fixtures.number(Fixtures.map(expected, "tight"), "train_loss");
        assertClose("train log loss", trainLoss, fit.logLoss(train).orElseThrow(), 1e-6 * trainLoss);
        assertTrue(seconds <= MAX_FIT_SECONDS, () -> "fit took " + seconds + " s");
    }

    @Test
    void linearSvm() {
        Map<String, Object> expected = Fixtures.map(Fixtures.map(fixture, "baselines"), "linear_svm");
        long t0 = System.nanoTime();
        LinearFit fit = (LinearFit) new LinearSvm().fit(train);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double trainAccuracy = Scores.accuracy(train, fit.predict(train));
        double testAccuracy = Scores.accuracy(test, fit.predict(test));
        double[][] coef = Fixtures.matrix(Fixtures.map(expected, "tight").get("coef"));
        double coefMiss = Fixtures.maxAbsDiff(coef, fit.coef());
        System.out.printf("linear_svm 13000x512: fit %.2f s (liblinear primal %.2f s), train %.4f test %.4f, coef maxdiff %.2e (max |coef| %.3g), %s%n",
                seconds, Fixtures.number(expected, "seconds"), trainAccuracy, testAccuracy, coefMiss, Fixtures.maxAbs(coef), fit.convergence());
        Map<String, Object> defaults = Fixtures.map(expected, "default");
        assertClose("train accuracy", Fixtures.number(defaults, "train_accuracy"), trainAccuracy, SklearnParityTest.ACCURACY_POINTS);
        assertClose("test accuracy", Fixtures.number(defaults, "test_accuracy"), testAccuracy, SklearnParityTest.ACCURACY_POINTS);
        assertTrue(fit.convergence().converged(), fit.convergence()::toString);
        assertTrue(coefMiss <= COEF_TOLERANCE * Math.max(1, Fixtures.maxAbs(coef)), () -> "coef differs from sklearn by " + coefMiss);
        assertTrue(seconds <= MAX_FIT_SECONDS, () -> "fit took " + seconds + " s");
    }

    @Test
    void majorityClass() {
        Map<String, Object> defaults = Fixtures.map(Fixtures.map(Fixtures.map(fixture, "baselines"), "majority_class"), "default");
        Fitted fit = new MajorityClass().fit(train);
        assertEquals(Fixtures.number(defaults, "train_accuracy"), Scores.accuracy(train, fit.predict(train)), 1e-12);
        assertEquals(Fixtures.number(defaults, "test_accuracy"), Scores.accuracy(test, fit.predict(test)), 1e-12);
    }
}
