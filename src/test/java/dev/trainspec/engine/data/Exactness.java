package dev.trainspec.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.opentest4j.AssertionFailedError;

/** Value-by-value comparison of doubles with the miss reported in ulps (llm.c's check_tensor, in spirit). */
final class Exactness {
    private Exactness() {
    }

    /** Distance in units in the last place, counting across zero. */
    static long ulps(double a, double b) {
        if (a == b) return 0;
        if (Double.isNaN(a) || Double.isNaN(b)) return Long.MAX_VALUE;
        return Math.abs(ordered(a) - ordered(b));
    }

    private static long ordered(double d) {
        long bits = Double.doubleToRawLongBits(d);
        return bits < 0 ? Long.MIN_VALUE - bits : bits;
    }

    /** Counts values that differ and the largest miss; fails if any exceeds maxUlps. */
    static Report compare(String what, double[] expected, double[] actual, long maxUlps) {
        assertEquals(expected.length, actual.length, what + ": length");
        int differing = 0;
        long worst = 0;
        int worstAt = -1;
        for (int i = 0; i < expected.length; i++) {
            long u = ulps(expected[i], actual[i]);
            if (u != 0) differing++;
            if (u > worst) {
                worst = u;
                worstAt = i;
            }
        }
        Report r = new Report(what, expected.length, differing, worst);
        System.out.println(r);
        if (worst > maxUlps) {
            throw new AssertionFailedError(r + "; worst at index " + worstAt + ": expected " + expected[worstAt] + ", actual " + actual[worstAt]
                    + " (allowed " + maxUlps + " ulp)", expected[worstAt], actual[worstAt]);
        }
        return r;
    }

    /**
     * For values that went through a BLAS product whose kernel (and so summation order) depends
     * on the CPU: reports the ulp miss, and fails only if a value misses by more than
     * {@code relTol} times the largest magnitude in the array.
     */
    static Report compareScaled(String what, double[] expected, double[] actual, double relTol) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        int differing = 0;
        long worstUlps = 0;
        double worstAbs = 0;
        int worstAt = -1;
        for (int i = 0; i < expected.length; i++) {
            long u = ulps(expected[i], actual[i]);
            if (u != 0) differing++;
            worstUlps = Math.max(worstUlps, u);
            double miss = Math.abs(expected[i] - actual[i]);
            if (miss > worstAbs || Double.isNaN(miss)) {
                worstAbs = miss;
                worstAt = i;
            }
        }
        Report r = new Report(what, expected.length, differing, worstUlps);
        System.out.println(r + ", max abs miss " + worstAbs + " (scale " + scale + ")");
        if (!(worstAbs <= relTol * scale)) {
            throw new AssertionFailedError(r + "; worst abs miss " + worstAbs + " at index " + worstAt + " > " + relTol + " x " + scale,
                    expected[worstAt], actual[worstAt]);
        }
        return r;
    }

    static void assertFixture(Fixture f, Dataset d, long maxUlps) {
        assertEquals(f.rows(), d.rows(), f.name() + ": rows");
        assertEquals(f.cols(), d.cols(), f.name() + ": cols");
        if (f.labels() != null) assertArrayEquals(f.labels(), d.labels(), f.name() + ": labels");
        else compare(f.name() + " targets", f.targets(), d.targets(), maxUlps);
        compare(f.name() + " x", f.x(), d.x(), maxUlps);
    }

    record Report(String what, int values, int differing, long maxUlps) {
        @Override
        public String toString() {
            return what + ": " + differing + " of " + values + " values differ, max " + maxUlps + " ulp";
        }
    }
}
