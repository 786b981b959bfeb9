package dev.trainspec.baseline;

import dev.trainspec.engine.data.Dataset;
import java.util.Arrays;

/**
 * The classes present in the training labels, sorted (scikit-learn's {@code classes_}), and each
 * row's label as an index into them. Classes absent from training cannot be predicted, as in
 * scikit-learn.
 */
record TrainLabels(int[] classes, int[] index) {
    static TrainLabels of(Dataset train) {
        if (!train.isClassification()) throw new IllegalStateException("regression data has no labels");
        if (train.rows() == 0) throw new IllegalArgumentException("cannot fit a baseline on 0 training rows");
        int[] classes = Arrays.stream(train.labels()).distinct().sorted().toArray();
        int[] index = new int[train.rows()];
        for (int i = 0; i < index.length; i++) index[i] = Arrays.binarySearch(classes, train.labels()[i]);
        return new TrainLabels(classes, index);
    }

    /** +1 where the label is class {@code k} (as an index), -1 elsewhere: one-vs-rest targets. */
    double[] signsFor(int k) {
        double[] s = new double[index.length];
        for (int i = 0; i < s.length; i++) s[i] = index[i] == k ? 1 : -1;
        return s;
    }
}
