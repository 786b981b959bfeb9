package dev.trainspec.baseline;

import dev.trainspec.engine.data.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Reads the reference fixtures of src/test/python/baseline_reference.py and the CSVs they point at. */
final class Fixtures {
    private Fixtures() {}

    static String resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) throw new IllegalStateException("missing test resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String path) {
        return (Map<String, Object>) Json.parse(resource(path));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Map)) throw new IllegalStateException("fixture has no object " + key);
        return (Map<String, Object>) v;
    }

    static double number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Double d)) throw new IllegalStateException("fixture has no number " + key);
        return d;
    }

    static double[] vector(Object list) {
        List<?> l = (List<?>) list;
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = (Double) l.get(i);
        return out;
    }

    static double[][] matrix(Object list) {
        List<?> l = (List<?>) list;
        double[][] out = new double[l.size()][];
        for (int i = 0; i < out.length; i++) out[i] = vector(l.get(i));
        return out;
    }

    static int[] indices(Object list) {
        double[] v = vector(list);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (int) v[i];
        return out;
    }

    /** A fixture CSV (header x0..xN,y): labels when {@code classification}, else targets. */
    static Dataset csv(String path, boolean classification) {
        String[] lines = resource(path).split("\n");
        int cols = lines[0].split(",").length - 1;
        int rows = 0;
        for (int i = 1; i < lines.length; i++) if (!lines[i].isBlank()) rows++;
        double[] x = new double[rows * cols];
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            String[] f = lines[r + 1].trim().split(",");
            for (int j = 0; j < cols; j++) x[r * cols + j] = Double.parseDouble(f[j]);
            y[r] = Double.parseDouble(f[cols]);
        }
        if (!classification) return new Dataset(x, rows, cols, null, y, 0);
        int[] labels = new int[rows];
        int classes = 0;
        for (int r = 0; r < rows; r++) {
            labels[r] = (int) y[r];
            classes = Math.max(classes, labels[r] + 1);
        }
        return new Dataset(x, rows, cols, labels, null, classes);
    }

    /** max |a - b| over all entries, to report how far a fit is from the reference. */
    static double maxAbsDiff(double[][] a, double[][] b) {
        if (a.length != b.length) throw new AssertionError("shapes differ: " + a.length + " vs " + b.length + " rows");
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != b[i].length) throw new AssertionError("shapes differ in row " + i);
            for (int j = 0; j < a[i].length; j++) m = Math.max(m, Math.abs(a[i][j] - b[i][j]));
        }
        return m;
    }

    static double maxAbs(double[][] a) {
        double m = 0;
        for (double[] row : a) for (double v : row) m = Math.max(m, Math.abs(v));
        return m;
    }
}
