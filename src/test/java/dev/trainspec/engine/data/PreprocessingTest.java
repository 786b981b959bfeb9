package dev.trainspec.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Scalers against scikit-learn 1.2 (make_preprocessing_fixtures.py): fitted on the first
 * fit_rows rows, applied to all. Allowed miss: 0 ulp (the summation orders are numpy's).
 */
class PreprocessingTest {
    private static final long ALLOWED_ULPS = 0;

    @TestFactory
    List<DynamicTest> sklearnCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> c : Json.cases("preprocessing_cases.json")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").toString(), () -> check(c)));
        }
        return tests;
    }

    private static void check(Map<String, Object> c) {
        int rows = ((Number) c.get("rows")).intValue();
        int cols = ((Number) c.get("cols")).intValue();
        int fitRows = ((Number) c.get("fit_rows")).intValue();
        Dataset all = new Dataset(Json.matrix(c.get("x")), rows, cols, new int[rows], null, 1);
        Dataset fit = all.select(IntStream.range(0, fitRows).toArray());
        String name = (String) c.get("name");
        for (boolean wm : new boolean[] {true, false}) {
            for (boolean ws : new boolean[] {true, false}) {
                Dataset out = new StandardScaler(wm, ws).fit(fit).transform(all);
                Exactness.compare(name + " standard_scaler(" + wm + "," + ws + ")", Json.matrix(c.get("standard_" + py(wm) + "_" + py(ws))), out.x(), ALLOWED_ULPS);
            }
        }
        ColumnTransform s = (ColumnTransform) new StandardScaler(true, true).fit(fit);
        Exactness.compare(name + " mean_", Json.doubles(c.get("mean")), s.first(), ALLOWED_ULPS);
        Exactness.compare(name + " scale_", Json.doubles(c.get("scale")), s.second(), ALLOWED_ULPS);
        for (double[] range : new double[][] {{0.0, 1.0}, {-3.5, 7.25}}) {
            Dataset out = new MinMaxScaler(range[0], range[1]).fit(fit).transform(all);
            Exactness.compare(name + " min_max_scaler" + range[0] + "," + range[1],
                    Json.matrix(c.get("minmax_" + range[0] + "_" + range[1])), out.x(), ALLOWED_ULPS);
        }
        Exactness.compare(name + " l2", Json.matrix(c.get("l2")), new L2Normalizer().fit(fit).transform(all).x(), ALLOWED_ULPS);
    }

    private static String py(boolean b) {
        return b ? "True" : "False";
    }

    @Test
    void labelsAndTargetsTravelUnchanged() {
        Dataset d = Dataset.regression(new double[] {1, 2, 3, 4, 5, 6}, 3, 2, new double[] {7, 8, 9}, 1);
        Dataset out = new StandardScaler(true, true).fit(d).transform(d);
        assertArrayEquals(new double[] {7, 8, 9}, out.targets());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, d.x(), "input untouched");
    }

    @Test
    void float32StorageStaysFloat32() {
        Dataset d = Dataset.float32Classification(new float[] {3, 4, 0, 0, 1, 0}, 3, 2, new int[] {0, 1, 0}, 2);
        Dataset out = new L2Normalizer().transform(d);
        assertEquals(true, out.isFloat32());
        assertArrayEquals(new float[] {0.6f, 0.8f, 0, 0, 1, 0}, out.xFloat32());
        Dataset scaled = new MinMaxScaler(0, 1).fit(d).transform(d);
        assertArrayEquals(new float[] {1, 1, 0, 0, 1f / 3, 0}, scaled.xFloat32(), 1e-7f);
    }

    @Test
    void sklearnMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MinMaxScaler(1, 0));
        assertEquals("Minimum of desired feature range must be smaller than maximum. Got [1.0, 0.0].", e.getMessage());
        Dataset two = new Dataset(new double[] {1, 2}, 1, 2, new int[1], null, 1);
        Dataset three = new Dataset(new double[] {1, 2, 3}, 1, 3, new int[1], null, 1);
        e = assertThrows(IllegalArgumentException.class, () -> new StandardScaler(true, true).fit(two).transform(three));
        assertEquals("X has 3 features, but standard_scaler is expecting 2 features as input.", e.getMessage());
    }

    @Test
    void noneIsIdentity() {
        Dataset d = new Dataset(new double[] {1, 2}, 1, 2, new int[1], null, 1);
        assertSame(d, Preprocessor.NONE.fit(d).transform(d));
    }
}
