package dev.trainspec.engine.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the one-line descriptions of optimizers and schedules, "sgd(lr=0.1, momentum=0.9,
 * dampening=0, nesterov=false, weight_decay=0)": the scenario's name, then every setting (the
 * engine knows no defaults: the scenario's definitions own them and fill them in).
 */
final class Description {
    private final String name;
    private final List<String> parts = new ArrayList<>();

    Description(String name) {
        this.name = name;
    }

    Description always(String key, Object value) {
        parts.add(key + "=" + format(value));
        return this;
    }

    @Override
    public String toString() {
        return name + "(" + String.join(", ", parts) + ")";
    }

    /** Numbers as a person writes them: 0.1, 1e-8, 10 (not 1.0E-8 or 10.0). */
    static String format(Object value) {
        if (value instanceof Double d) return number(d);
        if (value instanceof double[] a) {
            List<String> s = new ArrayList<>();
            for (double x : a) s.add(number(x));
            return "(" + String.join(", ", s) + ")";
        }
        return String.valueOf(value);
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) return s;
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) mantissa = mantissa.substring(0, mantissa.length() - 2);
        return mantissa + "e" + s.substring(e + 1);
    }
}
