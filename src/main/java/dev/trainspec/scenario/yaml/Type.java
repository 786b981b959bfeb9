package dev.trainspec.scenario.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a value of the scenario language may be. The definitions table is written in these
 * types; the validator, the merger and the JSON Schema all read the same table.
 */
sealed interface Type {
    /** For messages: "expected " + describe(). */
    String describe();

    record Int(long min, long max) implements Type {
        public String describe() {
            // the int range is the engine's, not a choice of the language: named only when exceeded
            boolean noMax = max == Long.MAX_VALUE || max == Integer.MAX_VALUE;
            boolean noMin = min == Long.MIN_VALUE || min == Integer.MIN_VALUE;
            if (min == 1 && noMax) return "a positive integer";
            if (min == 0 && noMax) return "an integer >= 0";
            if (noMin && noMax) return "an integer";
            if (noMax) return "an integer >= " + min;
            return "an integer in [" + min + ", " + max + "]";
        }
    }

    record Num(double min, boolean minOpen, double max, boolean maxOpen) implements Type {
        public String describe() {
            boolean noMax = max == Double.POSITIVE_INFINITY;
            if (min == Double.NEGATIVE_INFINITY && noMax) return "a number";
            if (min == 0 && noMax) return minOpen ? "a positive number" : "a number >= 0";
            if (noMax) return "a number " + (minOpen ? "> " : ">= ") + fmt(min);
            return "a number in " + (minOpen ? "(" : "[") + fmt(min) + ", " + fmt(max) + (maxOpen ? ")" : "]");
        }

        boolean accepts(double v) {
            if (!Double.isFinite(v)) return false;
            return (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max);
        }
    }

    record Bool() implements Type {
        public String describe() {
            return "true or false";
        }
    }

    /** Free text; pattern (when not null) must match the whole text. */
    record Text(String what, Pattern pattern) implements Type {
        public String describe() {
            return what;
        }
    }

    /** One of a fixed set of words. */
    record Keyword(List<String> values) implements Type {
        public Keyword {
            values = List.copyOf(values);
        }

        public String describe() {
            return values.size() == 1 ? "'" + values.get(0) + "'" : "one of " + String.join(", ", values);
        }
    }

    /** single: a lone item may stand for a list of one ({@code tags: smoke}). */
    record ListOf(Type item, int min, int max, boolean single, String what) implements Type {
        public String describe() {
            return what;
        }
    }

    /**
     * A mapping of known keys. shorthand: the key a lone scalar stands for ({@code dropout: 0.5} is
     * {@code {p: 0.5}}); positional: the keys a list stands for ({@code uniform: [a, b]}); embedded:
     * a choice whose name is one of the mapping's keys ({@code data: {make_moons: ..., split: ...}}).
     */
    record Struct(String what, List<Field> fields, String shorthand, List<String> positional, Choice embedded)
            implements Type {
        public Struct {
            fields = List.copyOf(fields);
            positional = List.copyOf(positional);
        }

        public String describe() {
            return what;
        }

        Field field(String key) {
            for (Field f : fields) if (f.key().equals(key)) return f;
            return null;
        }

        List<String> keys() {
            List<String> keys = new ArrayList<>();
            for (Field f : fields) keys.add(f.key());
            return keys;
        }
    }

    /** One of named alternatives: a bare name or a mapping with one key, the name, over its parameters. */
    record Choice(String what, List<Alt> alts) implements Type {
        public Choice {
            alts = List.copyOf(alts);
        }

        public String describe() {
            return what;
        }

        Alt alt(String name) {
            for (Alt a : alts) if (a.name().equals(name)) return a;
            return null;
        }

        List<String> names() {
            return alts.stream().map(Alt::name).collect(Collectors.toList());
        }
    }

    record AnyOf(List<Type> types) implements Type {
        public AnyOf {
            types = List.copyOf(types);
        }

        public String describe() {
            return types.stream().map(Type::describe).collect(Collectors.joining(" or "));
        }
    }

    /** A mapping from names the user picks (variant names) to values. */
    record MapOf(Text key, Type value, String what) implements Type {
        public String describe() {
            return what;
        }
    }

    /** One line of the expectation language (parsed later, with the file's variants known). */
    record Line(String what) implements Type {
        public String describe() {
            return what;
        }
    }

    /** A part of a scenario merged over the file (a variant); checked after merging. */
    record Override(String what) implements Type {
        public String describe() {
            return what;
        }
    }

    /**
     * One key of a {@link Struct}. A written null normally means "the default", as if the key were
     * left out; with {@code nullIsValue} it is a value of its own and reaches the engine as null
     * (scikit-learn's None where None is not the default: make_classification's {@code shift:
     * null} draws a random shift, while leaving it out gives 0.0).
     */
    record Field(String key, Type type, boolean required, Object dflt, String doc, boolean nullIsValue) {
        Field(String key, Type type, boolean required, Object dflt, String doc) {
            this(key, type, required, dflt, doc, false);
        }
    }

    record Alt(String name, Struct params, String doc) {}

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }
}
