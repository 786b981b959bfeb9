package dev.trainspec.engine.data;

import java.util.List;

/**
 * How to read a CSV file into a classification data set. {@code label} and each feature are a
 * column name (a String, needs {@code header}) or a 0-based index (an Integer or Long,
 * negative counts from the end like Python); a null label is the last column, null features
 * every column but the label.
 */
public record CsvOptions(Object label, List<Object> features, char delimiter, boolean header) {
    public CsvOptions {
        if (features != null) features = List.copyOf(features);
    }

    public static CsvOptions defaults() {
        return new CsvOptions(null, null, ',', true);
    }
}
