package dev.trainspec.engine.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Why Gaussian draws still miss numpy's by 1 ulp on ~0.03% of draws: glibc's {@code log} (which
 * numpy's legacy gauss calls) is not correctly rounded on ~0.08% of the polar method's
 * arguments, and Java's {@code Math.log} is (nearly) always. A correctly rounded log therefore
 * cannot make the draws bit-exact; only glibc's own algorithm and tables could.
 * Fixtures: src/test/python/make_log_fixtures.py (mpmath at 200 bits).
 */
class CorrectlyRoundedLogTest {
    private static List<double[]> rows(String name) throws IOException {
        List<double[]> out = new ArrayList<>();
        try (InputStream in = CorrectlyRoundedLogTest.class.getResourceAsStream("/random/" + name)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.trim().split(" ");
                double[] r = new double[f.length];
                for (int i = 0; i < f.length; i++) r[i] = Double.parseDouble(f[i]);
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void theOracleIsCorrectlyRoundedOnEveryKindOfArgument() throws IOException {
        List<double[]> cases = rows("cr_log_cases.txt");
        assertTrue(cases.size() > 2500, "cases: " + cases.size());
        int mathLogMisses = 0;
        for (double[] c : cases) {
            assertEquals(c[1], CorrectlyRoundedLog.log(c[0]), 0.0, "log(" + Double.toHexString(c[0]) + ")");
            if (Math.log(c[0]) != c[1]) mathLogMisses++;
        }
        // Math.log is allowed 1 ulp; on this sample it is rarely off
        assertTrue(mathLogMisses <= cases.size() / 100, "Math.log misses " + mathLogMisses + " of " + cases.size());
    }

    @Test
    void whereGlibcMissesJavasMathLogIsTheCorrectlyRoundedOne() throws IOException {
        List<double[]> misses = rows("glibc_log_misses.txt");
        assertEquals(400, misses.size());
        int javaRight = 0;
        for (double[] m : misses) {
            double x = m[0];
            double glibc = m[1];
            double correct = m[2];
            assertEquals(correct, CorrectlyRoundedLog.log(x), 0.0, "oracle at " + Double.toHexString(x));
            assertEquals(1, Math.abs(Double.doubleToLongBits(glibc) - Double.doubleToLongBits(correct)), "glibc is 1 ulp off at " + Double.toHexString(x));
            if (Math.log(x) == correct) javaRight++;
        }
        // measured: 399 of 400 on JDK 17 (HotSpot intrinsic); the residual numpy misses are glibc's rounding
        assertTrue(javaRight >= 390, "Math.log correctly rounded on " + javaRight + " of the 400 arguments where glibc is not");
    }
}
