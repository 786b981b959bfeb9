package dev.trainspec.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.data.Dataset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Edge cases and contracts: ties, single-class training data, determinism, names, bad values. */
class BaselineBehaviourTest {
    private static Dataset labelled(int[] labels, int classes) {
        double[] x = new double[labels.length * 2];
        for (int i = 0; i < labels.length; i++) {
            x[2 * i] = labels[i] + 0.1 * i;
            x[2 * i + 1] = -labels[i] + 0.05 * i * i;
        }
        return new Dataset(x, labels.length, 2, labels, null, classes);
    }

    @Test
    void majorityTieGoesToTheSmallestLabel() {
        Fitted f = new MajorityClass().fit(labelled(new int[] {2, 1, 2, 1, 0}, 3));
        assertEquals(1.0, f.predict(labelled(new int[] {0}, 3))[0], 0.0);
    }

    @Test
    void singleTrainingClassPredictsThatClass() {
        Dataset train = labelled(new int[] {2, 2, 2}, 3);
        assertEquals(2.0, new LogisticRegression().fit(train).predict(train)[1], 0.0);
        assertEquals(2.0, new LinearSvm().fit(train).predict(train)[1], 0.0);
    }

    @Test
    void classesAbsentFromTrainingAreNeverPredicted() {
        Dataset train = labelled(new int[] {0, 2, 0, 2, 0, 2}, 4);
        LinearFit f = (LinearFit) new LogisticRegression().fit(train);
        assertArrayEquals(new int[] {0, 2}, f.classes());
        for (double p : f.predict(labelled(new int[] {1, 3, 0, 2}, 4))) assertTrue(p == 0 || p == 2, "predicted " + p);
    }

    @Test
    void sameDataSameBits() {
        Dataset train = Fixtures.csv("sklearn/classification_n300_f5_k4_cpc1_rs1.csv", true);
        for (Baseline b : new Baseline[] {new LogisticRegression(), new LinearSvm()}) {
            LinearFit first = (LinearFit) b.fit(train);
            LinearFit second = (LinearFit) b.fit(train);
            for (int k = 0; k < first.coef().length; k++) assertArrayEquals(first.coef()[k], second.coef()[k], 0.0, b.name());
            assertArrayEquals(first.intercept(), second.intercept(), 0.0, b.name());
        }
    }

    @Test
    void namesAndUnknownNames() {
        for (String name : Baseline.NAMES) assertEquals(name, Baseline.named(name).name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Baseline.named("svm"));
        assertEquals("unknown baseline 'svm': expected one of logistic_regression, linear_svm, majority_class", e.getMessage());
    }

    @Test
    void badHyperParametersAreRejectedLikeScikitLearn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LogisticRegression(-1, 1e-8, 10));
        assertEquals("The 'C' parameter of LogisticRegression must be a float in the range (0, inf]. Got -1.0 instead.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LinearSvm(0, 1e-8, 10));
    }

    @Test
    void predictingRowsOfAnotherWidthIsAnError() {
        Fitted f = new LogisticRegression().fit(labelled(new int[] {0, 1, 0, 1}, 2));
        Dataset wide = new Dataset(new double[3], 1, 3, new int[] {0}, null, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.predict(wide));
        assertEquals("X has 3 features, but the model was fitted with 2 features", e.getMessage());
    }
}
