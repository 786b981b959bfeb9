package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainspec.engine.data.Dataset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bridge: names in order, the metric names of scenarios/README.md section 3, and their values. */
class BaselinesTest {
    /** Two separable clusters on a line; test rows mirror them. */
    private static Dataset line(double[] xs, int[] labels) {
        return new Dataset(xs, xs.length, 1, labels, null, 2);
    }

    @Test
    void classificationMetricsPerBaselineInTheGivenOrder() {
        Dataset train = line(new double[] {-2, -1.5, -1, 1, 1.5, 2, 2.5}, new int[] {0, 0, 0, 1, 1, 1, 1});
        Dataset test = line(new double[] {-3, 3, 0.5, -0.5}, new int[] {0, 1, 0, 0});
        Map<String, Map<String, Double>> m = Baselines.fit(List.of("majority_class", "logistic_regression", "linear_svm"), train, test);
        assertEquals(List.of("majority_class", "logistic_regression", "linear_svm"), List.copyOf(m.keySet()));
        assertEquals(List.of("train.accuracy", "test.accuracy"), List.copyOf(m.get("majority_class").keySet()));
        assertEquals(4.0 / 7, m.get("majority_class").get("train.accuracy"), 1e-15);
        assertEquals(1.0 / 4, m.get("majority_class").get("test.accuracy"), 1e-15);
        assertEquals(List.of("train.accuracy", "test.accuracy", "train.loss", "test.loss"), List.copyOf(m.get("logistic_regression").keySet()));
        assertEquals(1.0, m.get("logistic_regression").get("train.accuracy"), 0.0);
        assertEquals(1.0, m.get("linear_svm").get("train.accuracy"), 0.0);
    }

    @Test
    void regressionMetrics() {
        double[] xs = {0, 1, 2, 3, 4, 5};
        Dataset train = new Dataset(xs, 6, 1, null, new double[] {1, 3, 5, 7, 9, 11}, 0);
        Dataset test = new Dataset(new double[] {6, 7}, 2, 1, null, new double[] {13, 15}, 0);
        Map<String, Double> mean = Baselines.fit(List.of("majority_class"), train, test).get("majority_class");
        assertEquals(List.of("train.r2", "test.r2", "train.mae", "test.mae"), List.copyOf(mean.keySet()));
        assertEquals(0.0, mean.get("train.r2"), 1e-12);
        assertEquals(3.0, mean.get("train.mae"), 1e-12);
        assertEquals(8.0, mean.get("test.mae"), 1e-12);
    }

    @Test
    void unknownNameIsAnError() {
        Dataset d = line(new double[] {0, 1}, new int[] {0, 1});
        assertThrows(IllegalArgumentException.class, () -> Baselines.fit(List.of("logistic_regresion"), d, d));
    }
}
