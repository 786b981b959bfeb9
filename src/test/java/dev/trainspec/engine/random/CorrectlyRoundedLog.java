package dev.trainspec.engine.random;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The natural logarithm rounded to the nearest double, as glibc's {@code log} (what numpy's
 * legacy gauss calls) returns it, where {@link Math#log} may be 1 ulp off (about 3 in 10,000
 * Gaussian draws). Table-driven in double-double arithmetic:
 *
 * <pre>
 *   x = 2^k * m, m in [1, 2);  c = 1 + j/128 nearest m;  r = (m - c) / c, |r| <= 2^-8
 *   log x = k * ln2 + log c + log1p(r)
 * </pre>
 *
 * {@code m - c} is exact (Sterbenz), {@code r} is carried as a double-double through an FMA
 * remainder, {@code log c} and {@code ln2} are tabulated to 106 bits, and log1p's Taylor series
 * keeps its two leading terms exact. The sum before the last rounding is within about 2^-70
 * relative of log x, so the result is the correctly rounded value unless log x lies that close
 * to a midpoint between two doubles (tested on tens of millions of inputs against glibc:
 * src/test/python/make_log_fixtures.py). Test scope: it is the oracle that shows the 1-ulp
 * misses of the Gaussian draws against numpy are glibc's rounding, not Java's (see CorrectlyRoundedLogTest).
 */
final class CorrectlyRoundedLog {
    private static final int TABLE_BITS = 7;
    private static final int SIZE = 1 << TABLE_BITS;
    private static final double[] LOG_C_HI = new double[SIZE + 1];
    private static final double[] LOG_C_LO = new double[SIZE + 1];
    private static final double LN2_HI;
    private static final double LN2_LO;
    private static final double TWO_54 = 0x1p54;

    static {
        MathContext mc = new MathContext(50);
        for (int j = 0; j <= SIZE; j++) {
            BigDecimal log = lnNear1(BigDecimal.ONE.add(BigDecimal.valueOf(j).divide(BigDecimal.valueOf(SIZE), mc)), mc);
            LOG_C_HI[j] = log.doubleValue();
            LOG_C_LO[j] = log.subtract(new BigDecimal(LOG_C_HI[j]), mc).doubleValue();
        }
        LN2_HI = LOG_C_HI[SIZE];
        LN2_LO = LOG_C_LO[SIZE];
    }

    private CorrectlyRoundedLog() {}

    /** ln(c) = 2 atanh((c - 1) / (c + 1)) for c in [1, 2]: the series' ratio is at most 1/9. */
    private static BigDecimal lnNear1(BigDecimal c, MathContext mc) {
        BigDecimal z = c.subtract(BigDecimal.ONE).divide(c.add(BigDecimal.ONE), mc);
        BigDecimal z2 = z.multiply(z, mc);
        BigDecimal term = z;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal eps = new BigDecimal("1e-45");
        for (int n = 1; term.abs().compareTo(eps) > 0; n += 2) {
            sum = sum.add(term.divide(BigDecimal.valueOf(n), mc), mc);
            term = term.multiply(z2, mc);
        }
        return sum.multiply(BigDecimal.valueOf(2), mc);
    }

    static double log(double x) {
        if (!(x > 0) || x == Double.POSITIVE_INFINITY) return Math.log(x);  // NaN, -inf, 0 -> -inf, inf
        int k = 0;
        if (x < Double.MIN_NORMAL) {
            x *= TWO_54;
            k = -54;
        }
        long bits = Double.doubleToRawLongBits(x);
        k += (int) (bits >>> 52) - 1023;
        double m = Double.longBitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        int j = (int) ((m - 1.0) * SIZE + 0.5);
        double c = 1.0 + (double) j / SIZE;
        double t = m - c;                                 // exact: m and c within a factor 2
        double s = t / c;
        double sLo = Math.fma(-s, c, t) / c;              // r = s + sLo to about 2^-106 relative
        double sqHi = s * s;
        double sqLo = Math.fma(s, s, -sqHi);
        // log1p(r) = r - r^2/2 + r^3 (1/3 - r/4 + ... + r^7/10); the tail's rounding is ~2^-70 of r
        double tail = s * sqHi * (1.0 / 3 + s * (-1.0 / 4 + s * (1.0 / 5 + s * (-1.0 / 6 + s * (1.0 / 7
                + s * (-1.0 / 8 + s * (1.0 / 9 + s * (-1.0 / 10))))))));
        double pHi = k * LN2_HI;
        double pLo = Math.fma(k, LN2_HI, -pHi) + k * LN2_LO;
        double hi = pHi + LOG_C_HI[j];
        double lo = twoSumError(pHi, LOG_C_HI[j], hi) + pLo + LOG_C_LO[j];
        double h2 = hi + s;
        lo += twoSumError(hi, s, h2);
        double half = -0.5 * sqHi;
        double h3 = h2 + half;
        lo += twoSumError(h2, half, h3);
        lo += -0.5 * sqLo + tail + sLo * (1.0 - s);
        return h3 + lo;
    }

    /** The rounding error of {@code sum = a + b} (Knuth's TwoSum, any order of magnitudes). */
    private static double twoSumError(double a, double b, double sum) {
        double bb = sum - a;
        return (a - (sum - bb)) + (b - bb);
    }
}
