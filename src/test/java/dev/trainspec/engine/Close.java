package dev.trainspec.engine;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Element-wise comparison with a reference and a report of the miss: NaN must meet NaN and an
 * infinity the same infinity; finite values must satisfy |a - e| <= rtol * (|e| + max|e|), i.e.
 * relative to the element, with a floor relative to the tensor's largest finite value so that
 * values cancelling to near zero are judged on the tensor's scale.
 */
public final class Close {
    private Close() {}

    /** Returns the largest scaled miss (for reporting); fails when it exceeds rtol. */
    public static double assertClose(String what, float[] expected, float[] actual, double rtol) {
        if (expected.length != actual.length) fail(what + ": expected " + expected.length + " values, got " + actual.length);
        double scale = 0;
        for (float e : expected) if (Float.isFinite(e)) scale = Math.max(scale, Math.abs(e));
        double worst = 0;
        int worstAt = -1;
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i];
            float a = actual[i];
            if (!Float.isFinite(e) || !Float.isFinite(a)) {
                boolean same = Float.isNaN(e) ? Float.isNaN(a) : e == a;
                if (!same) fail(what + "[" + i + "]: expected " + e + ", got " + a);
                continue;
            }
            double miss = Math.abs((double) a - e) / (Math.abs(e) + scale + Double.MIN_VALUE);
            if (miss > worst) {
                worst = miss;
                worstAt = i;
            }
        }
        if (worst > rtol) {
            fail(what + ": largest relative miss " + worst + " > " + rtol + " at [" + worstAt + "]: expected "
                    + expected[worstAt] + ", got " + actual[worstAt]);
        }
        return worst;
    }

    /** A scalar: same non-finite value, or |a - e| <= rtol * |e|. */
    public static double assertClose(String what, double expected, double actual, double rtol) {
        if (!Double.isFinite(expected) || !Double.isFinite(actual)) {
            boolean same = Double.isNaN(expected) ? Double.isNaN(actual) : expected == actual;
            if (!same) fail(what + ": expected " + expected + ", got " + actual);
            return 0;
        }
        double miss = Math.abs(actual - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
        if (miss > rtol) fail(what + ": relative miss " + miss + " > " + rtol + ": expected " + expected + ", got " + actual);
        return miss;
    }
}
