package dev.trainspec.scenario.yaml;

import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.yaml.Type.Field;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a node against a type of the definitions table and returns its plain value: Long,
 * Double, Boolean, String, List, {@link Obj} (mappings of known keys, defaults filled in),
 * {@link Named} (choices), Map (user-named keys), or the node itself for expectation lines and
 * variant overrides (they are read later). Returns null after recording a problem, and keeps
 * going so that every problem of the file is found.
 */
final class Validator {
    private final Problems problems;
    /** The top-level keys were to come from a file the scenario extends, which did not resolve: their absence is that one problem. */
    private final boolean inheritanceFailed;

    Validator(Problems problems) {
        this(problems, false);
    }

    Validator(Problems problems, boolean inheritanceFailed) {
        this.problems = problems;
        this.inheritanceFailed = inheritanceFailed;
    }

    Object value(Type type, Node n, String path) {
        if (type instanceof Type.AnyOf a) return anyOf(a, n, path);
        if (type instanceof Type.Struct s) return struct(s, n, path);
        if (type instanceof Type.Choice c) return choice(c, n, path);
        if (type instanceof Type.ListOf l) return list(l, n, path);
        if (type instanceof Type.MapOf m) return mapOf(m, n, path);
        if (type instanceof Type.Override) {
            if (n instanceof Node.Mapping) return n;
            if (n instanceof Node.Scalar s && s.isNull()) return new Node.Mapping(List.of(), n.origin());
            return fail(n, path, type);
        }
        if (!(n instanceof Node.Scalar s) || s.isNull()) return fail(n, path, type);
        if (type instanceof Type.Int t) {
            Long v = Scalars.asLong(s);
            if (v != null && v >= t.min() && v <= t.max()) return v;
            if (beyondInt(n) && t.max() == Defs.INT_MAX) {
                problems.at(n, path, t.describe(), INT_HINT);
                return null;
            }
            return fail(n, path, type);
        }
        if (type instanceof Type.Num t) {
            Double v = Scalars.asDouble(s);
            return v != null && t.accepts(v) ? v : fail(n, path, type);
        }
        if (type instanceof Type.Bool) {
            if (s.kind() == Node.Kind.BOOL) return isTrue(s.text());
            problems.at(n, path, type.describe(), YAML_11_BOOLEANS.contains(s.text().toLowerCase(java.util.Locale.ROOT))
                    ? "YAML 1.2, as editors read it: only true and false are booleans" : "");
            return null;
        }
        if (type instanceof Type.Keyword k) {
            if (k.values().contains(s.text())) return s.text();
            problems.at(n, path, type.describe(), Suggest.hint(s.text(), k.values()));
            return null;
        }
        if (type instanceof Type.Text t) {
            return t.pattern() == null || t.pattern().matcher(s.text()).matches() ? s.text() : fail(n, path, type);
        }
        if (type instanceof Type.Line) return s;
        throw new IllegalStateException("no validation for " + type);
    }

    private static final Set<String> YAML_11_BOOLEANS = Set.of("yes", "no", "on", "off", "y", "n");

    private Object fail(Node n, String path, Type type) {
        problems.at(n, path, type.describe(), "");
        return null;
    }

    /** The reader leaves only YAML 1.2's true and false as booleans. */
    private static boolean isTrue(String text) {
        return text.equalsIgnoreCase("true");
    }

    private List<Object> list(Type.ListOf t, Node n, String path) {
        List<Node> items;
        if (n instanceof Node.Seq seq) items = seq.items();
        else if (t.single() && n instanceof Node.Scalar s && !s.isNull()) items = List.of(n);
        else {
            fail(n, path, t);
            return null;
        }
        if (items.size() < t.min() || items.size() > t.max()) {
            problems.at(n, path, t.describe(), "a list of " + items.size() + (items.size() == 1 ? " item" : " items"), "");
            return null;
        }
        List<Object> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            Object v = value(t.item(), items.get(i), path + "[" + i + "]");
            ok &= v != null;
            out.add(v);
        }
        return ok ? out : null;
    }

    private Map<String, Object> mapOf(Type.MapOf t, Node n, String path) {
        if (n instanceof Node.Scalar s && s.isNull()) return Map.of();
        if (!(n instanceof Node.Mapping m)) {
            fail(n, path, t);
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Node.Entry e : m.entries()) {
            String key = e.key().text();
            if (value(t.key(), e.key(), path) == null) continue;
            out.put(key, value(t.value(), e.value(), join(path, key)));
        }
        return out;
    }

    Obj struct(Type.Struct t, Node n, String path) {
        Node.Mapping m = asMapping(t, n, path);
        if (m == null) return null;
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Origin> origins = new LinkedHashMap<>();
        Named embedded = null;
        Node.Entry firstAlt = null;
        Set<String> suggested = new java.util.HashSet<>();
        boolean ok = true;
        for (Node.Entry e : m.entries()) {
            String key = e.key().text();
            Field f = t.field(key);
            if (f != null) {
                boolean nullValue = isNull(e.value()) && f.nullIsValue();
                boolean asDefault = isNull(e.value()) && !f.required() && !nullValue;
                Object v = nullValue ? null
                        : asDefault ? fallback(f, e.value().origin(), join(path, key)) : value(f.type(), e.value(), join(path, key));
                ok &= v != null || asDefault || nullValue;
                values.put(key, v);
                origins.put(key, e.value().origin());
            } else if (t.embedded() != null && t.embedded().alt(key) != null) {
                if (firstAlt != null) {
                    problems.at(e.key(), path, "one " + firstWords(t.embedded()),
                            "two: '" + firstAlt.key().text() + "' and '" + key + "'", "keep one of them");
                    ok = false;
                    continue;
                }
                firstAlt = e;
                embedded = choice(t.embedded(), new Node.Mapping(List.of(e), e.key().origin()), path);
                ok &= embedded != null;
            } else {
                String close = problems.unknownKey(e.key(), path, known(t));
                if (close != null) suggested.add(close);
                ok = false;
            }
        }
        if (t.embedded() != null && firstAlt == null) {
            problems.at(m, path, t.embedded().describe(), "none", "");
            ok = false;
        }
        for (Field f : t.fields()) {
            if (values.containsKey(f.key())) continue;
            if (f.required()) {
                ok = false;
                if (suggested.contains(f.key()) || inheritanceFailed && path.isEmpty()) continue;
                problems.at(m, path, "the key '" + f.key() + "' (" + f.doc() + ")", "a mapping without it", "");
                ok = false;
            } else {
                values.put(f.key(), fallback(f, m.origin(), join(path, f.key())));
                origins.put(f.key(), m.origin());
            }
        }
        return ok ? new Obj(values, origins, n.origin(), embedded) : null;
    }

    /** The mapping a node stands for: itself, or a shorthand scalar, or a positional list. */
    private Node.Mapping asMapping(Type.Struct t, Node n, String path) {
        if (n instanceof Node.Mapping m) return m;
        if (n instanceof Node.Scalar s && s.isNull()) return new Node.Mapping(List.of(), n.origin());
        if (t.shorthand() != null && n instanceof Node.Scalar s) return single(t.shorthand(), s);
        if (Shapes.listShorthand(t) && n instanceof Node.Seq) return single(t.shorthand(), n);
        if (!t.positional().isEmpty() && n instanceof Node.Seq seq) {
            if (seq.items().size() != t.positional().size()) {
                problems.at(n, path, t.describe(), "a list of " + seq.items().size() + " items", "");
                return null;
            }
            List<Node.Entry> entries = new ArrayList<>();
            for (int i = 0; i < seq.items().size(); i++) {
                Node item = seq.items().get(i);
                entries.add(new Node.Entry(new Node.Scalar(t.positional().get(i), Node.Kind.STR, Node.Style.PLAIN, item.origin()), item));
            }
            return new Node.Mapping(entries, n.origin());
        }
        fail(n, path, t);
        return null;
    }

    private static Node.Mapping single(String key, Node value) {
        Node.Scalar k = new Node.Scalar(key, Node.Kind.STR, Node.Style.PLAIN, value.origin());
        return new Node.Mapping(List.of(new Node.Entry(k, value)), value.origin());
    }

    /** A default is validated as if the user had written it, so it takes the same shape as a written value. */
    private Object fallback(Field f, Origin at, String path) {
        if (f.dflt() == null) return null;
        return value(f.type(), Defaults.node(f.dflt(), at), path);
    }

    Named choice(Type.Choice t, Node n, String path) {
        Node.Scalar name;
        Node params = null;
        if (n instanceof Node.Scalar s && !s.isNull()) {
            name = s;
        } else if (n instanceof Node.Mapping m && m.entries().size() == 1) {
            name = m.entries().get(0).key();
            params = m.entries().get(0).value();
        } else if (n instanceof Node.Mapping m && !m.entries().isEmpty()) {
            List<String> keys = m.entries().stream().map(e -> e.key().text()).toList();
            boolean named = keys.stream().anyMatch(k -> t.alt(k) != null);
            problems.at(n, path, t.describe() + " with its parameters below its name",
                    "a mapping of " + keys.size() + " keys (" + String.join(", ", keys) + ")",
                    named ? "indent the parameters under the name" : "");
            return null;
        } else {
            fail(n, path, t);
            return null;
        }
        Type.Alt alt = t.alt(name.text());
        if (alt == null) {
            problems.at(name, path, t.describe(), Suggest.hint(name.text(), t.names()));
            return null;
        }
        String p = join(path, alt.name());
        // `relu`, `relu:` and `relu: {}` all say "no parameters"; anything else is a mistake
        if (params != null && !isNull(params) && !isEmptyMapping(params) && alt.params().fields().isEmpty()) {
            problems.at(params, p, "nothing or {} (" + alt.name() + " takes no parameters)", "");
            return null;
        }
        Obj obj = struct(alt.params(), params == null ? new Node.Mapping(List.of(), name.origin()) : params, p);
        return obj == null ? null : new Named(alt.name(), obj.params(), name.origin());
    }

    /** The first alternative that accepts the node; when none does, the closest one's problems. */
    private Object anyOf(Type.AnyOf t, Node n, String path) {
        List<Type> fitting = new ArrayList<>();
        for (Type option : t.types()) if (Shapes.fits(option, n)) fitting.add(option);
        Problems only = null;
        for (Type option : fitting) {
            Problems trial = problems.fork();
            Object v = new Validator(trial).value(option, n, path);
            if (trial.isEmpty()) return v;
            if (fitting.size() == 1) only = trial;
        }
        if (only != null) {
            problems.addAll(only);
            return null;
        }
        String hint = n instanceof Node.Scalar s && s.kind() == Node.Kind.STR ? Suggest.hint(s.text(), words(t)) : "";
        if (beyondInt(n) && t.types().stream().anyMatch(o -> o instanceof Type.Int i && i.max() == Defs.INT_MAX)) hint = INT_HINT;
        problems.at(n, path, t.describe(), hint);
        return null;
    }

    private static final String INT_HINT = "at most " + Defs.INT_MAX + ": the engine counts in Java ints";

    /** An integer written in the file that no Java int holds (a long, or beyond even that). */
    private static boolean beyondInt(Node n) {
        if (!(n instanceof Node.Scalar s) || s.kind() != Node.Kind.INT) return false;
        Double d = Scalars.asDouble(s);
        return d != null && Math.abs(d) > Defs.INT_MAX;
    }

    private static Set<String> words(Type t) {
        Set<String> out = new LinkedHashSet<>();
        if (t instanceof Type.Keyword k) out.addAll(k.values());
        if (t instanceof Type.Choice c) out.addAll(c.names());
        if (t instanceof Type.AnyOf a) for (Type o : a.types()) out.addAll(words(o));
        return out;
    }

    private static List<String> known(Type.Struct t) {
        List<String> keys = new ArrayList<>(t.keys());
        if (t.embedded() != null) keys.addAll(t.embedded().names());
        return keys;
    }

    private static String firstWords(Type.Choice c) {
        String what = c.describe();
        int paren = what.indexOf(" (");
        return (paren < 0 ? what : what.substring(0, paren)).replaceFirst("^an? ", "");
    }

    private static boolean isNull(Node n) {
        return n instanceof Node.Scalar s && s.isNull();
    }

    private static boolean isEmptyMapping(Node n) {
        return n instanceof Node.Mapping m && m.entries().isEmpty();
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
