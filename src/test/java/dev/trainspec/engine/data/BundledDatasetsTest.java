package dev.trainspec.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The bundled datasets against scikit-learn 1.2's {@code load_*(return_X_y=True)}
 * (make_bundled_dataset_fixtures.py): every value bit for bit (SHA-256 of the float64 bytes),
 * with the first/last rows and column sums compared first so a miss says where it is.
 */
class BundledDatasetsTest {
    @TestFactory
    List<DynamicTest> sklearnCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> c : Json.cases("bundled_dataset_cases.json")) {
            tests.add(DynamicTest.dynamicTest(c.get("name") + " " + c.get("params"), () -> check(c)));
        }
        return tests;
    }

    private static Dataset load(Map<String, Object> c) {
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) c.get("params");
        return switch ((String) c.get("name")) {
            case "load_iris" -> SklearnDatasets.iris();
            case "load_wine" -> SklearnDatasets.wine();
            case "load_breast_cancer" -> SklearnDatasets.breastCancer();
            case "load_digits" -> SklearnDatasets.digits(((Number) params.getOrDefault("n_class", 10L)).intValue());
            case "load_diabetes" -> SklearnDatasets.diabetes();
            default -> throw new IllegalStateException("unknown case " + c.get("name"));
        };
    }

    private static void check(Map<String, Object> c) throws Exception {
        Dataset d = load(c);
        String name = c.get("name").toString();
        assertEquals(((Number) c.get("rows")).intValue(), d.rows(), name + " rows");
        assertEquals(((Number) c.get("cols")).intValue(), d.cols(), name + " cols");
        assertEquals(((Number) c.get("classes")).intValue(), d.classes(), name + " classes");
        int cols = d.cols();
        double[] x = d.x();
        Exactness.compare(name + " first row", Json.doubles(c.get("first")), java.util.Arrays.copyOfRange(x, 0, cols), 0);
        Exactness.compare(name + " last row", Json.doubles(c.get("last")), java.util.Arrays.copyOfRange(x, x.length - cols, x.length), 0);
        double[] y = targets(d);
        assertEquals(((Number) c.get("y_first")).doubleValue(), y[0], name + " first target");
        assertEquals(((Number) c.get("y_last")).doubleValue(), y[y.length - 1], name + " last target");
        assertEquals(c.get("x_sha256"), sha256(x), name + ": features differ from scikit-learn's somewhere");
        assertEquals(c.get("y_sha256"), sha256(y), name + ": targets differ from scikit-learn's somewhere");
        assertEquals(c.get("column_sums").toString(), numpyColumnSums(x, d.rows(), cols), name + " column sums");
    }

    private static double[] targets(Dataset d) {
        if (!d.isClassification()) return d.targets();
        double[] y = new double[d.rows()];
        for (int i = 0; i < y.length; i++) y[i] = d.labels()[i];
        return y;
    }

    private static String numpyColumnSums(double[] x, int rows, int cols) {
        List<Double> out = new ArrayList<>();
        for (double s : Numpy.columnSums(x, rows, cols)) out.add(s);
        return out.toString();
    }

    private static String sha256(double[] v) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double d : v) b.putDouble(d);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
    }

    @Test
    void digitsRefusesAClassCountOutsideOneToTen() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SklearnDatasets.digits(11));
        assertEquals("n_class must be in [1, 10], got 11", e.getMessage());
    }
}
