package dev.trainspec.engine.data;

import java.util.List;

/**
 * A classification data set read from CSV, with what the numbers alone lose: the class names
 * (label values as written, in class order) and the feature columns' names (header names, or
 * {@code x<index>} without a header).
 */
public record CsvTable(Dataset data, List<String> classNames, List<String> featureNames) {
    public CsvTable {
        classNames = List.copyOf(classNames);
        featureNames = List.copyOf(featureNames);
    }
}
