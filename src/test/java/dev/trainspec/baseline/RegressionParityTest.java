package dev.trainspec.baseline;

import static dev.trainspec.baseline.SklearnParityTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.data.Dataset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On targets (make_regression 150 x 4, noise 10, random_state 0; split 0.25 / 0), against
 * scikit-learn 1.2.1: logistic_regression is Ridge(alpha=1), linear_svm is
 * LinearSVR(squared_epsilon_insensitive, epsilon=0, C=1), majority_class is DummyRegressor(mean).
 * Closed-form solutions, so r2 / MAE within 1e-9 and coefficients within 1e-9 of Ridge (relative
 * to the largest); within 1e-8 of LinearSVR, whose liblinear solver stops with a gradient of 3e-5
 * (numpy's closed form agrees with ours to 1e-12 there).
 */
class RegressionParityTest {
    static final double TOLERANCE = 1e-9;
    static final double SVR_COEF_TOLERANCE = 1e-8;
    static final String NAME = "regression_n150_f4_noise10_rs0";

    private static Map<String, Object> fixture = Fixtures.json("baseline/" + NAME + ".json");

    private static void check(String baseline) {
        Map<String, Object> split = Fixtures.map(fixture, "split");
        Dataset all = Fixtures.csv((String) fixture.get("csv"), false);
        Dataset train = all.select(Fixtures.indices(split.get("train")));
        Dataset test = all.select(Fixtures.indices(split.get("test")));
        Map<String, Object> expected = Fixtures.map(Fixtures.map(fixture, "baselines"), baseline);
        Fitted fitted = Baseline.named(baseline).fit(train);
        double[] trainPredicted = fitted.predict(train);
        double[] testPredicted = fitted.predict(test);
        assertClose("train r2", Fixtures.number(expected, "train_r2"), Scores.r2(train, trainPredicted), TOLERANCE);
        assertClose("test r2", Fixtures.number(expected, "test_r2"), Scores.r2(test, testPredicted), TOLERANCE);
        double mae = Fixtures.number(expected, "train_mae");
        assertClose("train mae", mae, Scores.meanAbsoluteError(train, trainPredicted), TOLERANCE * mae);
        double testMae = Fixtures.number(expected, "test_mae");
        assertClose("test mae", testMae, Scores.meanAbsoluteError(test, testPredicted), TOLERANCE * testMae);
        if (fitted instanceof LinearFit linear) {
            double[][] coef = Fixtures.matrix(expected.get("coef"));
            double scale = Math.max(1, Fixtures.maxAbs(coef)) * (baseline.equals(LinearSvm.NAME) ? SVR_COEF_TOLERANCE / TOLERANCE : 1);
            double coefMiss = Fixtures.maxAbsDiff(coef, linear.coef());
            double interceptMiss = Math.abs(Fixtures.vector(expected.get("intercept"))[0] - linear.intercept()[0]);
            assertTrue(coefMiss <= TOLERANCE * scale, () -> "coef differs from sklearn by " + coefMiss);
            assertTrue(interceptMiss <= TOLERANCE * scale, () -> "intercept differs from sklearn by " + interceptMiss);
        } else {
            assertClose("mean", Fixtures.number(expected, "constant"), trainPredicted[0], TOLERANCE * Math.abs(trainPredicted[0]));
        }
    }

    @Test
    void logisticRegressionBecomesRidge() {
        check(LogisticRegression.NAME);
    }

    @Test
    void linearSvmBecomesSquaredLossLinearSvr() {
        check(LinearSvm.NAME);
    }

    @Test
    void majorityClassBecomesTheMean() {
        check(MajorityClass.NAME);
    }
}
