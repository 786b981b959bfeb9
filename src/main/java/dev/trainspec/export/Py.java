package dev.trainspec.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Python source literals for scenario values (Long, Double, Boolean, String, null, lists).
 * Doubles are written so that Python's float() reads back the same float64: Java's shortest
 * round-trip digits, with {@code 1e-08} rather than {@code 1.0E-8} because that is how a Python
 * user writes them.
 */
final class Py {
    private Py() {}

    static String literal(Object v) {
        if (v == null) return "None";
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof Double d) return number(d);
        if (v instanceof Float f) return number(f.doubleValue());
        if (v instanceof Number n) return Long.toString(n.longValue());
        if (v instanceof String s) return string(s);
        if (v instanceof List<?> l) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            for (Object o : l) j.add(literal(o));
            return j.toString();
        }
        throw new IllegalStateException("no Python literal for " + v.getClass().getSimpleName() + " " + v);
    }

    /** A pair such as betas or feature_range, written as PyTorch's and scikit-learn's docs write it. */
    static String tuple(List<?> values) {
        StringJoiner j = new StringJoiner(", ", "(", values.size() == 1 ? ",)" : ")");
        for (Object o : values) j.add(literal(o));
        return j.toString();
    }

    static String number(double d) {
        if (Double.isNaN(d)) return "float(\"nan\")";
        if (Double.isInfinite(d)) return d > 0 ? "float(\"inf\")" : "-float(\"inf\")";
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) return s;
        String mantissa = s.substring(0, e).replaceFirst("\\.0$", "");
        String exponent = s.substring(e + 1);
        boolean negative = exponent.startsWith("-");
        String digits = negative ? exponent.substring(1) : exponent;
        return mantissa + "e" + (negative ? "-" : "+") + (digits.length() == 1 ? "0" + digits : digits);
    }

    static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\x%02x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * {@code key=value} items in the map's order, keys renamed where PyTorch spells them otherwise
     * ({@code t_max} is {@code T_max}), lists under {@code tuples} written as tuples (scikit-learn
     * refuses a list for {@code feature_range}).
     */
    static List<String> keywords(Map<String, Object> values, Map<String, String> renamed, Set<String> tuples) {
        List<String> out = new ArrayList<>();
        values.forEach((k, v) -> out.add(renamed.getOrDefault(k, k) + "="
                + (tuples.contains(k) && v instanceof List<?> l ? tuple(l) : literal(v))));
        return out;
    }

    /** Longer lines are wrapped as black formats a call: one item a line. */
    private static final int WIDTH = 100;

    /**
     * {@code open + items + close} on one line when it fits in {@link #WIDTH} columns after
     * {@code indent}, else one item a line, indented four more.
     */
    static String wrap(String indent, String open, List<String> items, String close) {
        String one = indent + open + String.join(", ", items) + close;
        if (one.length() <= WIDTH) return one;
        StringBuilder sb = new StringBuilder(indent).append(open).append('\n');
        for (String item : items) sb.append(indent).append("    ").append(item).append(",\n");
        return sb.append(indent).append(close).toString();
    }
}
