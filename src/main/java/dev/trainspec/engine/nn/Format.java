package dev.trainspec.engine.nn;

import java.math.BigDecimal;

/** Numbers in describe() strings as a user writes them: 0.01, 0.5, 1, never 1.0E-4. */
final class Format {
    private Format() {}

    static String number(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
