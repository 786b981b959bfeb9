package dev.trainspec.engine.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * scikit-learn 1.2's bundled toy datasets, as {@code load_*(return_X_y=True)} returns them: the
 * same rows in the same order with the same float64 values. The files are scikit-learn's own
 * (BSD-3-Clause; origins in docs/datasets.md), shipped inside the artifact so a scenario needs
 * neither Python nor a download. Numbers are parsed with {@link Double#parseDouble}, which rounds
 * correctly like Python's {@code float()}, so the values are bit-identical.
 */
public final class SklearnDatasets {
    private static final String FOLDER = "sklearn/";

    private SklearnDatasets() {}

    /** {@code load_iris}: 150 x 4, 3 classes. */
    public static Dataset iris() {
        return labelledCsv("iris.csv");
    }

    /** {@code load_wine}: 178 x 13, 3 classes. */
    public static Dataset wine() {
        return labelledCsv("wine_data.csv");
    }

    /** {@code load_breast_cancer}: 569 x 30, 2 classes (0 malignant, 1 benign), features up to ~4,250. */
    public static Dataset breastCancer() {
        return labelledCsv("breast_cancer.csv");
    }

    /**
     * {@code load_digits(n_class)}: 8x8 images flattened row by row (pixel_r_c at r * 8 + c),
     * values 0..16; {@code n_class < 10} keeps the rows whose digit is below it, in file order.
     */
    public static Dataset digits(int nClass) {
        if (nClass < 1 || nClass > 10) throw new IllegalArgumentException("n_class must be in [1, 10], got " + nClass);
        List<double[]> rows = numbers("digits.csv.gz", ",");
        int cols = rows.get(0).length - 1;
        List<double[]> kept = new ArrayList<>();
        for (double[] r : rows) if (r[cols] < nClass) kept.add(r);
        double[] x = new double[kept.size() * cols];
        int[] y = new int[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            System.arraycopy(kept.get(i), 0, x, i * cols, cols);
            y[i] = (int) kept.get(i)[cols];
        }
        return Dataset.classification(x, kept.size(), cols, y, nClass);
    }

    /**
     * {@code load_diabetes()} (scaled=True): the raw 442 x 10 table passed through
     * {@code sklearn.preprocessing.scale} and divided by sqrt(442), as scikit-learn does; the
     * target is the disease progression (25..346), a regression target.
     */
    public static Dataset diabetes() {
        List<double[]> raw = numbers("diabetes_data_raw.csv.gz", " ");
        List<double[]> target = numbers("diabetes_target.csv.gz", " ");
        int n = raw.size();
        int cols = raw.get(0).length;
        double[] x = new double[n * cols];
        for (int i = 0; i < n; i++) System.arraycopy(raw.get(i), 0, x, i * cols, cols);
        SklearnScale.scale(x, n, cols);
        double norm = Math.pow(n, 0.5);
        for (int i = 0; i < x.length; i++) x[i] /= norm;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = target.get(i)[0];
        return Dataset.regression(x, n, cols, y, 1);
    }

    /**
     * scikit-learn's load_csv_data: a header "n_samples,n_features,name..." then rows of features
     * with the integer class last.
     */
    private static Dataset labelledCsv(String file) {
        List<double[]> rows = numbers(file, ",");
        int cols = rows.get(0).length - 1;
        double[] x = new double[rows.size() * cols];
        int[] y = new int[rows.size()];
        int classes = 0;
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * cols, cols);
            y[i] = (int) rows.get(i)[cols];
            classes = Math.max(classes, y[i] + 1);
        }
        return Dataset.classification(x, rows.size(), cols, y, classes);
    }

    /** The rows of a bundled file: a .csv has load_csv_data's header line first, a .csv.gz (np.loadtxt) none. */
    private static List<double[]> numbers(String file, String delimiter) {
        try (InputStream raw = SklearnDatasets.class.getResourceAsStream(FOLDER + file)) {
            if (raw == null) throw new IllegalStateException("the bundled dataset " + file + " is missing from the artifact");
            InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            List<double[]> rows = new ArrayList<>();
            boolean header = !file.endsWith(".gz");
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) continue;
                String[] fields = line.trim().split(delimiter.equals(" ") ? " +" : delimiter);
                if (header) {
                    header = false;
                    continue;
                }
                double[] r = new double[fields.length];
                for (int j = 0; j < fields.length; j++) r[j] = Double.parseDouble(fields[j]);
                rows.add(r);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
