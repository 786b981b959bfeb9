package dev.trainspec.scenario.yaml;

import dev.trainspec.scenario.Origin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A default of the definitions table as the node a user would have written for it. */
final class Defaults {
    private Defaults() {}

    static Node node(Object value, Origin at) {
        if (value instanceof Map<?, ?> m) {
            if (!m.isEmpty()) throw new IllegalStateException("only empty mappings are defaults: " + m);
            return new Node.Mapping(List.of(), at);
        }
        if (value instanceof List<?> l) {
            List<Node> items = new ArrayList<>();
            for (Object o : l) items.add(node(o, at));
            return new Node.Seq(items, at);
        }
        if (value instanceof Long) return new Node.Scalar(value.toString(), Node.Kind.INT, Node.Style.PLAIN, at);
        if (value instanceof Double) return new Node.Scalar(value.toString(), Node.Kind.FLOAT, Node.Style.PLAIN, at);
        if (value instanceof Boolean) return new Node.Scalar(value.toString(), Node.Kind.BOOL, Node.Style.PLAIN, at);
        if (value instanceof String) return new Node.Scalar((String) value, Node.Kind.STR, Node.Style.PLAIN, at);
        throw new IllegalStateException("a default of an unexpected kind: " + value);
    }
}
