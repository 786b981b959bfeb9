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
 * make_blobs, make_classification, make_gaussian_quantiles and make_regression against
 * scikit-learn 1.2 (make_generator_fixtures.py), value by value with the miss in ulps.
 *
 * <p>Two known sources of misses, both measured and reported:
 * <ul>
 * <li>{@link #LIBM_ULPS}: Gaussian draws take a log; Java's {@code Math.log} and glibc's
 * {@code log} disagree by 1 ulp on about 0.03% of arguments (618 of 2,000,000 draws from
 * RandomState(0)), which moves the drawn normal by about 1 ulp. The misses are glibc's: it is
 * not correctly rounded on ~0.08% of the polar method's arguments, where Math.log is (see
 * engine.random.CorrectlyRoundedLogTest), so a better log in Java cannot remove them.</li>
 * <li>{@link #BLAS_REL}: products numpy hands to OpenBLAS follow the CPU's kernel. The Java side
 * accumulates each dot product in order with FMA, which reproduces the shared reference fixture
 * (classification_n300_f5_k4_cpc1_rs1, 0 ulp); this machine's OpenBLAS (AVX-512 kernels) sums
 * differently, so the locally generated make_classification / make_regression cases are
 * compared relative to the array's magnitude.</li>
 * </ul>
 * make_regression with effective_rank (LAPACK QR) is compared with an absolute tolerance.
 */
class GeneratorsTest {
    static final long LIBM_ULPS = 1;
    static final double BLAS_REL = 1e-14;

    @TestFactory
    List<DynamicTest> sklearnCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> c : Json.cases("generator_cases.json")) {
            tests.add(DynamicTest.dynamicTest(c.get("fn") + " " + c.get("params"), () -> check(c)));
        }
        return tests;
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> c) {
        String fn = (String) c.get("fn");
        Map<String, Object> p = (Map<String, Object>) c.get("params");
        String error = (String) c.get("error");
        if (error != null) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FixtureParams.generate(fn, p));
            String expected = error.contains("[[") ? error.substring(0, error.indexOf("Got")) : error;
            assertTrue(e.getMessage().startsWith(expected), "expected '" + error + "', got '" + e.getMessage() + "'");
            return;
        }
        Dataset d = FixtureParams.generate(fn, p);
        String what = fn + " " + p;
        if (fn.equals("make_regression")) {
            int t = p.containsKey("n_targets") ? ((Number) p.get("n_targets")).intValue() : 1;
            double[] ey = Json.matrix(c.get("y"));
            if (p.get("effective_rank") != null) {
                assertClose(what + " x", Json.matrix(c.get("x")), d.x(), 1e-13);
                assertClose(what + " y", ey, d.targets(), 1e-10);
                return;
            }
            assertEquals(t, d.targetCols());
            Exactness.compare(what + " x", Json.matrix(c.get("x")), d.x(), LIBM_ULPS);
            Exactness.compareScaled(what + " y", ey, d.targets(), BLAS_REL);
            return;
        }
        assertArrayEquals(Json.ints(c.get("y")), d.labels(), what + " labels");
        if (fn.equals("make_classification")) Exactness.compareScaled(what + " x", Json.matrix(c.get("x")), d.x(), BLAS_REL);
        else Exactness.compare(what + " x", Json.matrix(c.get("x")), d.x(), LIBM_ULPS);
    }

    private static void assertClose(String what, double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length, what);
        double worst = 0;
        for (int i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        System.out.println(what + ": max abs miss " + worst);
        assertTrue(worst <= tol, what + ": max abs miss " + worst + " > " + tol);
    }

    @Test
    void publicFixtures() {
        Exactness.assertFixture(Fixture.csv("blobs_n120_f3_c4_sd1.5_rs3.csv"),
                MakeBlobs.makeBlobs(new int[] {120}, false, 3, null, 4, new double[] {1.5}, new double[] {-10, 10}, true, new RandomState(3)), 0);
        MakeClassification.Params p = MakeClassification.Params.defaults();
        p = new MakeClassification.Params(300, 5, 2, 2, 0, 4, 1, null, 0.01, 1.0, true, p.shift(), p.scale(), true);
        Exactness.assertFixture(Fixture.csv("classification_n300_f5_k4_cpc1_rs1.csv"), MakeClassification.makeClassification(p, new RandomState(1)), 0);
    }

    @Test
    void sameSeedSameBits() {
        MakeClassification.Params p = MakeClassification.Params.defaults();
        Dataset a = MakeClassification.makeClassification(p, new RandomState(77));
        Dataset b = MakeClassification.makeClassification(p, new RandomState(77));
        assertArrayEquals(a.x(), b.x());
        assertArrayEquals(a.labels(), b.labels());
    }
}
