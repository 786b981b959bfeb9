package dev.trainspec.engine.data;

import java.math.BigDecimal;

/**
 * Python's {@code str()} of the numbers that scikit-learn puts in its error messages, so that
 * ours read the same: {@code None}, ints as is, floats as their shortest repr with Python's
 * switch to exponent form below 1e-4 and from 1e16 ({@code 1e-05}, {@code 1e+16}).
 */
final class PyFormat {
    private PyFormat() {
    }

    static String str(Number n) {
        if (n == null) return "None";
        if (!(n instanceof Double || n instanceof Float)) return n.toString();
        return str(n.doubleValue());
    }

    static String str(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return 1 / d < 0 ? "-0.0" : "0.0";
        BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = b.precision() - b.scale() - 1;
        if (exponent < -4 || exponent >= 16) {
            String digits = b.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = String.format("%02d", Math.abs(exponent));
            return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + e;
        }
        String plain = b.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
