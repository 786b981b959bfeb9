package dev.trainspec.scenario.yaml;

/** Whether a node has the outward shape a type accepts (scalar, list, mapping), before its content is checked. */
final class Shapes {
    private Shapes() {}

    static boolean fits(Type type, Node n) {
        boolean scalar = n instanceof Node.Scalar s && !s.isNull();
        boolean isNull = n instanceof Node.Scalar s && s.isNull();
        if (type instanceof Type.AnyOf a) return a.types().stream().anyMatch(t -> fits(t, n));
        if (type instanceof Type.ListOf l) return n instanceof Node.Seq || l.single() && scalar;
        if (type instanceof Type.Struct s) {
            return n instanceof Node.Mapping || isNull || s.shorthand() != null && scalar
                    || (!s.positional().isEmpty() || listShorthand(s)) && n instanceof Node.Seq;
        }
        if (type instanceof Type.Choice) return n instanceof Node.Mapping || scalar;
        if (type instanceof Type.MapOf || type instanceof Type.Override) return n instanceof Node.Mapping || isNull;
        if (type instanceof Type.Int) return Scalars.asDouble(n) != null;
        if (type instanceof Type.Num) return Scalars.asDouble(n) != null;
        if (type instanceof Type.Bool) return n instanceof Node.Scalar s && s.kind() == Node.Kind.BOOL;
        return scalar;
    }

    /** A struct whose main key takes a list may be written as that list ({@code unflatten: [1, 8, 8]}). */
    static boolean listShorthand(Type.Struct s) {
        return s.shorthand() != null && s.positional().isEmpty() && s.field(s.shorthand()).type() instanceof Type.ListOf;
    }
}
