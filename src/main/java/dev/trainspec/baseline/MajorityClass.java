package dev.trainspec.baseline;

import dev.trainspec.engine.data.Dataset;

/**
 * scikit-learn's {@code DummyClassifier(strategy="most_frequent")}: always the most frequent
 * training label, the smallest one on a tie. On regression data (targets) it is
 * {@code DummyRegressor(strategy="mean")}: always the training mean.
 */
public final class MajorityClass implements Baseline {
    public static final String NAME = "majority_class";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Fitted fit(Dataset train) {
        if (train.rows() == 0) throw new IllegalArgumentException("cannot fit a baseline on 0 training rows");
        if (!train.isClassification()) {
            double sum = 0;
            for (double t : train.targets()) sum += t;
            return new ConstantFit(sum / train.rows());
        }
        int max = 0;
        for (int label : train.labels()) max = Math.max(max, label);
        int[] counts = new int[max + 1];
        for (int label : train.labels()) counts[label]++;
        int best = 0;
        for (int label = 1; label < counts.length; label++) if (counts[label] > counts[best]) best = label;
        return new ConstantFit(best);
    }

    @Override
    public String toString() {
        return "MajorityClass(most_frequent; on targets mean)";
    }
}
