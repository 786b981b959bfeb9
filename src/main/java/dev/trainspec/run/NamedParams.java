package dev.trainspec.run;

import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Params;
import java.util.List;

/**
 * Reads a scenario choice's parameters with PyTorch's default for any that is absent, so the
 * factories work on records the loader filled in and on hand-built ones alike. A value of the
 * wrong type is a loader bug, reported as IllegalStateException naming the parameter.
 */
final class NamedParams {
    private final Named named;
    private final Params params;

    NamedParams(Named named) {
        this.named = named;
        this.params = named.params() == null ? Params.EMPTY : named.params();
    }

    double number(String key, double dflt) {
        return params.has(key) ? as(key, Number.class).doubleValue() : dflt;
    }

    /** A parameter that PyTorch requires (torch's message when it is missing). */
    double requiredNumber(String key) {
        if (!params.has(key))
            throw new IllegalArgumentException(named.name() + ": parameter group didn't specify a value of required optimization parameter " + key);
        return as(key, Number.class).doubleValue();
    }

    int integer(String key, int dflt) {
        if (!params.has(key)) return dflt;
        Number n = as(key, Number.class);
        if (n.doubleValue() != Math.rint(n.doubleValue()) || Math.abs(n.doubleValue()) > Integer.MAX_VALUE)
            throw new IllegalArgumentException(named.name() + ": " + key + " must be an integer, got " + n);
        return n.intValue();
    }

    int requiredInteger(String key) {
        if (!params.has(key)) throw new IllegalArgumentException(named.name() + ": missing required parameter " + key);
        return integer(key, 0);
    }

    boolean flag(String key, boolean dflt) {
        return params.has(key) ? as(key, Boolean.class) : dflt;
    }

    String text(String key, String dflt) {
        return params.has(key) ? as(key, String.class) : dflt;
    }

    double[] numbers(String key, double[] dflt) {
        if (!params.has(key)) return dflt.clone();
        List<?> list = as(key, List.class);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n)) throw wrongType(key, list);
            out[i] = n.doubleValue();
        }
        return out;
    }

    private <T> T as(String key, Class<T> type) {
        Object v = params.values().get(key);
        if (!type.isInstance(v)) throw wrongType(key, v);
        return type.cast(v);
    }

    private IllegalStateException wrongType(String key, Object v) {
        return new IllegalStateException(named.name() + ": parameter '" + key + "' holds " + v
                + (v == null ? "" : " (" + v.getClass().getSimpleName() + ")") + ", not the type its definition declares");
    }
}
