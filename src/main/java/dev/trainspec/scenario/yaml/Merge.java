package dev.trainspec.scenario.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * Deep merge of YAML trees, driven by the definitions table: mappings merge key by key, a list
 * or a scalar replaces what was below it, and a choice that names another alternative replaces
 * the one below instead of merging with it ({@code optimizer: {adam: ...}} over {@code sgd}
 * gives adam alone; over {@code sgd} again it merges the parameters). Nodes keep their
 * origins, so a merged value still points at the file and line it came from.
 */
final class Merge {
    private Merge() {}

    static Node over(Type type, Node under, Node over) {
        if (under == null) return over;
        if (over == null) return under;
        if (!(under instanceof Node.Mapping u) || !(over instanceof Node.Mapping o)) return over;
        if (type instanceof Type.AnyOf a) type = mappingType(a);
        if (type instanceof Type.Override) type = Definitions.SCENARIO;
        if (type instanceof Type.Choice c) return choice(c, u, o);
        if (type instanceof Type.Struct s) return struct(s, u, o);
        Type values = type instanceof Type.MapOf m ? m.value() : null;
        return keys(u, o, key -> values);
    }

    private static Node choice(Type.Choice c, Node.Mapping u, Node.Mapping o) {
        if (u.entries().size() != 1 || o.entries().size() != 1) return o;
        Node.Entry ue = u.entries().get(0);
        Node.Entry oe = o.entries().get(0);
        if (!ue.key().text().equals(oe.key().text())) return o;
        Type.Alt alt = c.alt(oe.key().text());
        Node merged = over(alt == null ? null : alt.params(), ue.value(), oe.value());
        return new Node.Mapping(List.of(new Node.Entry(oe.key(), merged)), o.origin());
    }

    private static Node struct(Type.Struct s, Node.Mapping u, Node.Mapping o) {
        if (s.embedded() != null) {
            Type.Choice c = s.embedded();
            boolean overNames = o.entries().stream().anyMatch(e -> c.alt(e.key().text()) != null);
            if (overNames) {
                for (Node.Entry e : u.entries()) {
                    String k = e.key().text();
                    if (c.alt(k) != null && !o.has(k)) u = u.without(k);
                }
            }
        }
        return keys(u, o, key -> {
            Type.Field f = s.field(key);
            if (f != null) return f.type();
            Type.Alt alt = s.embedded() == null ? null : s.embedded().alt(key);
            return alt == null ? null : alt.params();
        });
    }

    /** Keys of under in their order (merged where over has them too), then over's new keys. */
    private static Node keys(Node.Mapping u, Node.Mapping o, java.util.function.Function<String, Type> typeOf) {
        List<Node.Entry> out = new ArrayList<>();
        for (Node.Entry e : u.entries()) {
            Node.Entry oe = o.entry(e.key().text());
            out.add(oe == null ? e : new Node.Entry(oe.key(), over(typeOf.apply(oe.key().text()), e.value(), oe.value())));
        }
        for (Node.Entry e : o.entries()) if (!u.has(e.key().text())) out.add(e);
        return new Node.Mapping(out, o.origin());
    }

    private static Type mappingType(Type.AnyOf a) {
        for (Type t : a.types()) {
            if (t instanceof Type.Struct || t instanceof Type.Choice || t instanceof Type.MapOf || t instanceof Type.Override) return t;
        }
        return null;
    }
}
