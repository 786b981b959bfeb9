package dev.trainspec.scenario.yaml;

import dev.trainspec.scenario.yaml.Type.Field;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema (draft-07, what yaml-language-server supports best) of the scenario language,
 * generated from the definitions table: descriptions, enums, defaults, required keys, and no
 * unknown keys. It is looser than the loader where a file is merged with another: inside variants
 * and in a file that {@code extends} another nothing is required (an override or a child is
 * merged over its base), and expectation lines are plain strings. Scalars are read as YAML 1.2,
 * like the loader: only true and false are booleans.
 */
public final class SchemaWriter {

    public static String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("$id", "https://trainspec.dev/trainspec.schema.json");
        root.put("title", "trainspec scenario");
        root.put("description", "A training scenario: data, model, loss, optimizer, training and expected bounds (scenarios/README.md).");
        // a file that extends another is completed by it, so nothing is required in it
        root.put("if", Map.of("required", List.of("extends")));
        root.put("then", Map.of("$ref", "#/definitions/extending"));
        root.put("else", schema(Definitions.SCENARIO));
        Map<String, Object> definitions = new LinkedHashMap<>();
        definitions.put("variant", variant());
        definitions.put("extending", new SchemaWriter(true).of(Definitions.SCENARIO));
        root.put("definitions", definitions);
        return Json.write(root) + "\n";
    }

    /** A variant may hold any scenario key but the file-only ones, and none is required anywhere (it is merged over the file). */
    private static Map<String, Object> variant() {
        return new SchemaWriter(true).of(Definitions.VARIANT);
    }

    private final boolean partial;

    private SchemaWriter(boolean partial) {
        this.partial = partial;
    }

    static Map<String, Object> schema(Type type) {
        return new SchemaWriter(false).of(type);
    }

    private Map<String, Object> of(Type type) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (type instanceof Type.Int t) {
            s.put("type", "integer");
            // the engine's int range is checked by the loader, not a bound an editor should suggest
            if (t.min() != Long.MIN_VALUE && t.min() != Integer.MIN_VALUE) s.put("minimum", t.min());
            if (t.max() != Long.MAX_VALUE && t.max() != Defs.INT_MAX) s.put("maximum", t.max());
        } else if (type instanceof Type.Num t) {
            s.put("type", "number");
            if (t.min() != Double.NEGATIVE_INFINITY) s.put(t.minOpen() ? "exclusiveMinimum" : "minimum", t.min());
            if (t.max() != Double.POSITIVE_INFINITY) s.put(t.maxOpen() ? "exclusiveMaximum" : "maximum", t.max());
        } else if (type instanceof Type.Bool) {
            s.put("type", "boolean");
        } else if (type instanceof Type.Text t) {
            s.put("type", "string");
            if (t.pattern() != null) s.put("pattern", "^(?:" + t.pattern().pattern() + ")$");
        } else if (type instanceof Type.Keyword k) {
            s.put("enum", k.values());
        } else if (type instanceof Type.Line l) {
            s.put("type", "string");
            s.put("description", l.what() + ": [AGG] [QUALIFIER.]SPLIT.METRIC [at epoch N | best] OP term"
                    + " [within N epochs] [(p < ALPHA)], or diagnosis includes|excludes CODE");
        } else if (type instanceof Type.Override) {
            s.put("$ref", "#/definitions/variant");
        } else if (type instanceof Type.ListOf l) {
            Map<String, Object> array = new LinkedHashMap<>();
            array.put("type", "array");
            array.put("items", of(l.item()));
            if (l.min() > 0) array.put("minItems", l.min());
            if (l.max() != Integer.MAX_VALUE) array.put("maxItems", l.max());
            if (!l.single()) return array;
            s.put("anyOf", List.of(of(l.item()), array));
        } else if (type instanceof Type.AnyOf a) {
            List<Object> options = new ArrayList<>();
            for (Type t : a.types()) options.add(of(t));
            s.put("anyOf", options);
        } else if (type instanceof Type.MapOf m) {
            s.put("type", "object");
            Map<String, Object> names = new LinkedHashMap<>(of(m.key()));
            if (m.key() == Definitions.VARIANT_NAME) names.put("not", Map.of("enum", Vocabulary.reservedNames()));
            s.put("propertyNames", names);
            s.put("additionalProperties", of(m.value()));
        } else if (type instanceof Type.Choice c) {
            return choice(c);
        } else if (type instanceof Type.Struct st) {
            return struct(st);
        } else {
            throw new IllegalStateException("no schema for " + type);
        }
        return s;
    }

    private Map<String, Object> struct(Type.Struct t) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Field f : t.fields()) {
            Map<String, Object> p = new LinkedHashMap<>();
            // the loader reads a written null (`weights:`) as the default of any key that has one, and as itself where null is a
            // value (nullIsValue): either way an editor must not flag it
            if (f.nullIsValue() || !f.required()) p.put("anyOf", List.of(Map.of("type", "null"), of(f.type())));
            else p.putAll(of(f.type()));
            p.put("description", f.doc());
            if (f.dflt() != null && !(f.dflt() instanceof Map)) p.put("default", f.dflt());
            properties.put(f.key(), p);
            if (f.required() && !partial) required.add(f.key());
        }
        List<Object> oneOf = new ArrayList<>();
        if (t.embedded() != null) {
            for (Type.Alt alt : t.embedded().alts()) {
                properties.put(alt.name(), params(alt));
                // an override may keep the base's choice (a variant that changes only data.preprocess)
                if (!partial) oneOf.add(Map.of("required", List.of(alt.name())));
            }
        }
        object.put("properties", properties);
        if (!required.isEmpty()) object.put("required", required);
        object.put("additionalProperties", false);
        if (!oneOf.isEmpty()) object.put("oneOf", oneOf);
        List<Object> shapes = new ArrayList<>();
        if (t.shorthand() != null) shapes.add(of(t.field(t.shorthand()).type()));
        if (!t.positional().isEmpty()) {
            List<Object> items = new ArrayList<>();
            for (String key : t.positional()) items.add(of(t.field(key).type()));
            Map<String, Object> array = new LinkedHashMap<>();
            array.put("type", "array");
            array.put("items", items);
            array.put("minItems", items.size());
            array.put("maxItems", items.size());
            shapes.add(array);
        }
        if (shapes.isEmpty()) return object;
        shapes.add(object);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("anyOf", shapes);
        return s;
    }

    /** A bare name (when no parameter is required) or a one-key mapping from the name to its parameters. */
    private Map<String, Object> choice(Type.Choice c) {
        List<String> bare = new ArrayList<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Type.Alt alt : c.alts()) {
            if (partial || alt.params().fields().stream().noneMatch(Field::required)) bare.add(alt.name());
            properties.put(alt.name(), params(alt));
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("type", "object");
        object.put("properties", properties);
        object.put("additionalProperties", false);
        object.put("minProperties", 1);
        object.put("maxProperties", 1);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("description", c.describe());
        if (bare.isEmpty()) {
            s.putAll(object);
            return s;
        }
        s.put("anyOf", List.of(Map.of("enum", bare), object));
        return s;
    }

    /** An alternative's parameters: null (the bare name), or a mapping of them ({} when it takes none), as the loader reads them. */
    private Map<String, Object> params(Type.Alt alt) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("description", alt.doc());
        boolean optional = partial || alt.params().fields().stream().noneMatch(Field::required);
        Map<String, Object> params = of(alt.params());
        if (!optional) {
            s.putAll(params);
            return s;
        }
        s.put("anyOf", List.of(Map.of("type", "null"), params));
        return s;
    }
}
