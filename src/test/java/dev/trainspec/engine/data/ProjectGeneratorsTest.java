package dev.trainspec.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.random.RandomState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The project generators against a second implementation of their documented formulas in
 * numpy (make_project_generator_fixtures.py); misses allowed: 1 ulp from libm's log (see
 * GeneratorsTest), float32 values exact, and for make_spirals the difference between Java's
 * Math.cos/sin and numpy's AVX-512 cos/sin on this machine (a few ulps; the Java values are the
 * definition, the numpy script only a cross-check).
 */
class ProjectGeneratorsTest {
    private static final double SPIRAL_TRIG_REL = 1e-15;

    @TestFactory
    List<DynamicTest> numpyFormulas() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> c : Json.cases("project_generator_cases.json")) {
            tests.add(DynamicTest.dynamicTest(c.get("fn") + " " + c.get("args"), () -> check(c)));
        }
        return tests;
    }

    private static void check(Map<String, Object> c) {
        List<?> a = (List<?>) c.get("args");
        Dataset d = switch ((String) c.get("fn")) {
            case "make_threshold" -> MakeThreshold.makeThreshold(i(a, 0), dbl(a, 1), dbl(a, 2), dbl(a, 3), new RandomState(i(a, 4)));
            case "make_xor" -> MakeXor.makeXor(i(a, 0), a.get(1) == null ? null : dbl(a, 1), new RandomState(i(a, 2)));
            case "make_spirals" -> MakeSpirals.makeSpirals(i(a, 0), i(a, 1), a.get(2) == null ? null : dbl(a, 2), new RandomState(i(a, 3)));
            case "make_embeddings" -> MakeEmbeddings.makeEmbeddings(i(a, 0), i(a, 1), i(a, 2), dbl(a, 3), new RandomState(i(a, 4)));
            default -> throw new IllegalStateException();
        };
        String what = c.get("fn") + " " + a;
        assertArrayEquals(Json.ints(c.get("y")), d.labels(), what + " labels");
        if (c.get("fn").equals("make_spirals")) Exactness.compareScaled(what + " x", Json.matrix(c.get("x")), d.x(), SPIRAL_TRIG_REL);
        else Exactness.compare(what + " x", Json.matrix(c.get("x")), d.x(), GeneratorsTest.LIBM_ULPS);
    }

    private static int i(List<?> a, int k) {
        return ((Number) a.get(k)).intValue();
    }

    private static double dbl(List<?> a, int k) {
        return ((Number) a.get(k)).doubleValue();
    }

    @Test
    void embeddingsAreUnitRowsWithShiftedClassMeans() {
        Dataset d = MakeEmbeddings.makeEmbeddings(4000, 64, 8, 0.5, new RandomState(1));
        assertTrue(d.isFloat32());
        float[] x = d.xFloat32();
        assertTrue(x == d.xFloat32(), "float32 storage is returned without a copy");
        int ones = 0;
        double[] meanDiff = new double[64];
        for (int r = 0; r < d.rows(); r++) {
            double sq = 0;
            for (int j = 0; j < 64; j++) {
                sq += (double) x[r * 64 + j] * x[r * 64 + j];
                meanDiff[j] += (d.labels()[r] == 1 ? 1 : -1) * x[r * 64 + j];
            }
            assertEquals(1.0, Math.sqrt(sq), 1e-6, "row " + r + " norm");
            ones += d.labels()[r];
        }
        assertEquals(2000, ones);
        for (int j = 0; j < 64; j++) {
            double m = meanDiff[j] / 2000;
            if (j < 8) assertTrue(m > 0.08, "informative dim " + j + " separates: " + m);
            else assertTrue(Math.abs(m) < 0.02, "noise dim " + j + ": " + m);
        }
    }

    @Test
    void thresholdLabelsFollowX() {
        Dataset d = MakeThreshold.makeThreshold(500, 1.0, 2.0, 0.7, new RandomState(4));
        for (int i = 0; i < 500; i++) assertEquals(d.get(i, 0) >= 0.7 ? 1 : 0, d.labels()[i]);
    }

    @Test
    void sameSeedSameBits() {
        assertArrayEquals(MakeSpirals.makeSpirals(99, 3, 0.2, new RandomState(5)).x(), MakeSpirals.makeSpirals(99, 3, 0.2, new RandomState(5)).x());
        assertArrayEquals(MakeXor.makeXor(99, 0.2, new RandomState(5)).x(), MakeXor.makeXor(99, 0.2, new RandomState(5)).x());
    }

    @Test
    void messages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MakeEmbeddings.makeEmbeddings(10, 4, 5, 0.5, new RandomState(0)));
        assertEquals("n_informative must be <= n_features, found 5 > 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MakeEmbeddings.makeEmbeddings(5_000_000, 512, 5, 0.5, new RandomState(0)));
        assertTrue(e.getMessage().contains("more than one float32 array can hold"));
    }
}
