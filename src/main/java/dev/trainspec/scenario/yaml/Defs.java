package dev.trainspec.scenario.yaml;

import dev.trainspec.scenario.yaml.Type.Alt;
import dev.trainspec.scenario.yaml.Type.Field;
import dev.trainspec.scenario.yaml.Type.Struct;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Small constructors that keep the definitions table readable. */
final class Defs {
    private Defs() {}

    /** A default that means "as if an empty mapping were written": every parameter at its default. */
    static final Map<String, Object> EMPTY = Map.of();

    /**
     * The engine holds counts, sizes, epochs and indices in Java ints: a larger value must be a
     * problem at its line, not an ArithmeticException when the scenario is built.
     */
    static final long INT_MAX = Integer.MAX_VALUE;
    static final Type.Int POSITIVE_INT = integer(1, INT_MAX);
    static final Type.Int NON_NEGATIVE_INT = integer(0, INT_MAX);
    static final Type.Int ANY_INT = integer(Integer.MIN_VALUE, INT_MAX);
    /** numpy's legacy RandomState takes seeds in [0, 2^32 - 1]. */
    static final Type.Int SEED = integer(0, 4294967295L);
    static final Type.Num NUMBER = new Type.Num(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
    static final Type.Num POSITIVE = new Type.Num(0, true, Double.POSITIVE_INFINITY, false);
    static final Type.Num NON_NEGATIVE = new Type.Num(0, false, Double.POSITIVE_INFINITY, false);
    static final Type.Num PROBABILITY = new Type.Num(0, false, 1, false);
    static final Type.Bool BOOL = new Type.Bool();
    static final Type.Text TEXT = new Type.Text("text", null);
    static final Type.Keyword METRIC = new Type.Keyword(Vocabulary.metricNames());

    static Type.Int integer(long min, long max) {
        return new Type.Int(min, max);
    }

    static Type.Num range(double min, boolean minOpen, double max, boolean maxOpen) {
        return new Type.Num(min, minOpen, max, maxOpen);
    }

    static Type.Text text(String what, String regex) {
        return new Type.Text(what, regex == null ? null : Pattern.compile(regex));
    }

    static Type.Keyword keyword(String... values) {
        return new Type.Keyword(List.of(values));
    }

    static Type.ListOf list(Type item, String what) {
        return new Type.ListOf(item, 0, Integer.MAX_VALUE, false, what);
    }

    static Type.ListOf list(Type item, int min, int max, String what) {
        return new Type.ListOf(item, min, max, false, what);
    }

    /** A list that may also be written as its single item. */
    static Type.ListOf listOrOne(Type item, String what) {
        return new Type.ListOf(item, 0, Integer.MAX_VALUE, true, what);
    }

    static Type.AnyOf anyOf(Type... types) {
        return new Type.AnyOf(List.of(types));
    }

    static Field req(String key, Type type, String doc) {
        return new Field(key, type, true, null, doc);
    }

    static Field opt(String key, Type type, Object dflt, String doc) {
        return new Field(key, type, false, dflt, doc);
    }

    /** An optional key whose written null is a value of its own, not its default ({@link Field#nullIsValue}). */
    static Field optOrNull(String key, Type type, Object dflt, String doc) {
        return new Field(key, type, false, dflt, doc, true);
    }

    static Struct struct(String what, Field... fields) {
        return new Struct(what, Arrays.asList(fields), null, List.of(), null);
    }

    /** A mapping that may be written as the value of its one main key ({@code budget: 60}). */
    static Struct shorthand(String what, String key, Field... fields) {
        return new Struct(what, Arrays.asList(fields), key, List.of(), null);
    }

    static Struct positional(String what, List<String> keys, Field... fields) {
        return new Struct(what, Arrays.asList(fields), null, keys, null);
    }

    static Type.Choice choice(String what, Alt... alts) {
        return new Type.Choice(what, Arrays.asList(alts));
    }

    static Alt alt(String name, String doc, Field... params) {
        return new Alt(name, struct("parameters of " + name + " (" + keys(params) + ")", params), doc);
    }

    static Alt alt(String name, String doc, Struct params) {
        return new Alt(name, params, doc);
    }

    static String keys(Field... fields) {
        if (fields.length == 0) return "none";
        StringBuilder sb = new StringBuilder();
        for (Field f : fields) sb.append(sb.length() == 0 ? "" : ", ").append(f.key());
        return sb.toString();
    }
}
