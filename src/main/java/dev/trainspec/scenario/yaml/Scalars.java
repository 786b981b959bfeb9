package dev.trainspec.scenario.yaml;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** Reading numbers out of YAML scalars as a PyTorch user writes them ({@code 1e-3}, {@code 10_000}). */
final class Scalars {
    private Scalars() {}

    /** YAML 1.1 leaves {@code 1e-3} (no dot) a string; users mean a number. */
    private static final Pattern JAVA_NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");

    /** The integer a scalar holds, or null (not an integer, or beyond a long). */
    static Long asLong(Node n) {
        if (!(n instanceof Node.Scalar s) || s.kind() != Node.Kind.INT) return null;
        String t = s.text().replace("_", "");
        try {
            // BigInteger parsing is quadratic: a million-digit scalar must not stall the loader
            if (DECIMAL.matcher(t).matches()) return t.length() > 40 ? null : new BigInteger(t).longValueExact();
            return Long.decode(t.replace("0o", "0"));
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** The number a scalar holds (infinities and NaN included, ranges reject them), or null. */
    static Double asDouble(Node n) {
        if (!(n instanceof Node.Scalar s)) return null;
        String t = s.text().replace("_", "");
        if (s.kind() == Node.Kind.INT) {
            Long l = asLong(n);
            if (l != null) return l.doubleValue();
            // beyond a long (99999999999999999999): still a number, so ranges name the right type
            return DECIMAL.matcher(t).matches() ? Double.parseDouble(t) : null;
        }
        if (s.kind() == Node.Kind.FLOAT) {
            String lower = t.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".inf")) return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            if (lower.equals(".nan")) return Double.NaN;
        }
        boolean plainText = s.kind() == Node.Kind.STR && s.style() == Node.Style.PLAIN;
        if ((s.kind() == Node.Kind.FLOAT || plainText) && JAVA_NUMBER.matcher(t).matches()) return Double.parseDouble(t);
        return null;
    }
}
