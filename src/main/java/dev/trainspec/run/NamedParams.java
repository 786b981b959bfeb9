package dev.trainspec.run;

import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Params;
import java.util.List;

/**
 * Reads a scenario choice's parameters as the loader filled them in: every parameter with a
 * default in the definitions table is present (a choice built in code gets them from
 * {@link dev.trainspec.scenario.yaml.ChoiceDefaults}), so no default is written here. A missing
 * or mistyped value is a bug, reported as IllegalStateException naming the parameter; a missing
 * value the table requires (sgd's lr) gets PyTorch's message.
 */
final class NamedParams {
    private final Named named;
    private final Params params;

    NamedParams(Named named) {
        this.named = named;
        this.params = named.params() == null ? Params.EMPTY : named.params();
    }

    double number(String key) {
        return as(key, Number.class).doubleValue();
    }

    /** A parameter that PyTorch requires (torch's message when it is missing). */
    double requiredNumber(String key) {
        if (!params.has(key))
            throw new IllegalArgumentException(named.name() + ": parameter group didn't specify a value of required optimization parameter " + key);
        return number(key);
    }

    int integer(String key) {
        Number n = as(key, Number.class);
        if (n.doubleValue() != Math.rint(n.doubleValue()) || Math.abs(n.doubleValue()) > Integer.MAX_VALUE)
            throw new IllegalArgumentException(named.name() + ": " + key + " must be an integer, got " + n);
        return n.intValue();
    }

    int requiredInteger(String key) {
        if (!params.has(key)) throw new IllegalArgumentException(named.name() + ": missing required parameter " + key);
        return integer(key);
    }

    boolean flag(String key) {
        return as(key, Boolean.class);
    }

    String text(String key) {
        return as(key, String.class);
    }

    double[] numbers(String key) {
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
                + (v == null ? "" : " (" + v.getClass().getSimpleName() + ")") + ", not the type its definition declares"
                + (v == null ? " (a choice built in code needs ChoiceDefaults.of)" : ""));
    }
}
