package dev.trainspec.run;

import dev.trainspec.baseline.Baseline;
import dev.trainspec.baseline.Fitted;
import dev.trainspec.baseline.Scores;
import dev.trainspec.engine.data.Dataset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Fits a scenario's {@code baselines:} on the network's own split (the preprocessed train rows)
 * and scores them on both splits. Classification: {@code train.accuracy}, {@code test.accuracy},
 * and for logistic regression {@code train.loss}, {@code test.loss} (mean log loss). Regression:
 * {@code train.r2}, {@code test.r2}, {@code train.mae}, {@code test.mae}.
 */
public final class Baselines {
    private Baselines() {}

    /** Per baseline name, in the order given, its metrics by name. Unknown names: IllegalArgumentException. */
    public static Map<String, Map<String, Double>> fit(List<String> names, PreparedData data) {
        if (names.isEmpty()) return new LinkedHashMap<>();
        return fit(names, data.train(), data.test());
    }

    /** The same on explicit splits (preprocessed float64 rows); a repeated name is fitted once. */
    public static Map<String, Map<String, Double>> fit(List<String> names, Dataset train, Dataset test) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (String name : names) {
            if (out.containsKey(name)) continue;
            Fitted fitted = Baseline.named(name).fit(train);
            out.put(name, score(fitted, train, test));
        }
        return out;
    }

    static Map<String, Double> score(Fitted fitted, Dataset train, Dataset test) {
        Map<String, Double> m = new LinkedHashMap<>();
        double[] trainPredicted = fitted.predict(train);
        double[] testPredicted = fitted.predict(test);
        if (train.isClassification()) {
            m.put("train.accuracy", Scores.accuracy(train, trainPredicted));
            m.put("test.accuracy", Scores.accuracy(test, testPredicted));
            OptionalDouble trainLoss = fitted.logLoss(train);
            OptionalDouble testLoss = fitted.logLoss(test);
            if (trainLoss.isPresent()) m.put("train.loss", trainLoss.getAsDouble());
            if (testLoss.isPresent()) m.put("test.loss", testLoss.getAsDouble());
        } else {
            m.put("train.r2", Scores.r2(train, trainPredicted));
            m.put("test.r2", Scores.r2(test, testPredicted));
            m.put("train.mae", Scores.meanAbsoluteError(train, trainPredicted));
            m.put("test.mae", Scores.meanAbsoluteError(test, testPredicted));
        }
        return m;
    }
}
