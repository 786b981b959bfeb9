package dev.trainspec.engine.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Resolves the label and feature columns of {@link CsvOptions} against a file's header. */
final class CsvColumns {
    final int label;
    final int[] features;
    private final List<String> names;

    private CsvColumns(int label, int[] features, List<String> names) {
        this.label = label;
        this.features = features;
        this.names = names;
    }

    /** @param names the header's names, or null without a header */
    static CsvColumns resolve(CsvOptions o, List<String> names, int width) {
        int label = o.label() == null ? width - 1 : column("label", o.label(), names, width);
        int[] features;
        if (o.features() == null) {
            features = new int[width - 1];
            for (int c = 0, k = 0; c < width; c++) if (c != label) features[k++] = c;
        } else {
            features = new int[o.features().size()];
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < features.length; i++) {
                String key = "features[" + i + "]";
                features[i] = column(key, o.features().get(i), names, width);
                if (features[i] == label) {
                    throw new CsvOptionException(key, "a column other than the label",
                            show(o.features().get(i)) + ", which is the label column");
                }
                if (!seen.add(features[i])) {
                    throw new CsvOptionException(key, "each column once", show(o.features().get(i)) + " a second time");
                }
            }
        }
        if (features.length == 0) {
            throw new CsvOptionException(o.features() == null ? "label" : "features",
                    "at least one feature column", "a file with " + width + " column" + (width == 1 ? "" : "s") + " and the label");
        }
        return new CsvColumns(label, features, names);
    }

    /** How a column is named in messages: {@code column 'petal_length' (index 2)} or {@code column index 2}. */
    String describe(int column) {
        return names == null ? "column index " + column : "column " + Describe.text(names.get(column)) + " (index " + column + ")";
    }

    private static int column(String key, Object ref, List<String> names, int width) {
        if (ref instanceof Number n) {
            long i = n.longValue();
            if (i < -width || i >= width) {
                throw new CsvOptionException(key, "a column index in 0.." + (width - 1) + " (or -" + width + "..-1 from the end)", i
                        + " (the file has " + width + " column" + (width == 1 ? "" : "s") + ")");
            }
            return (int) (i < 0 ? i + width : i);
        }
        String name = (String) ref;
        if (names == null) {
            throw new CsvOptionException(key, "a column index (the file has no header: header: false)", "the name " + Describe.text(name));
        }
        List<Integer> at = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) if (names.get(c).equals(name)) at.add(c);
        if (at.isEmpty()) {
            throw new CsvOptionException(key, "one of the header's columns " + quoted(names), Describe.text(name));
        }
        if (at.size() > 1) {
            throw new CsvOptionException(key, "a column name that appears once in the header", Describe.text(name)
                    + " at indices " + at + " (use an index)");
        }
        return at.get(0);
    }

    private static String show(Object ref) {
        return ref instanceof String s ? Describe.text(s) : String.valueOf(ref);
    }

    private static String quoted(List<String> names) {
        List<String> q = new ArrayList<>();
        for (String n : names.size() > 12 ? names.subList(0, 12) : names) q.add(Describe.text(n));
        return "[" + String.join(", ", q) + (names.size() > 12 ? ", ... (" + names.size() + " in all)" : "") + "]";
    }
}
