package dev.trainspec.scenario.yaml;

import dev.trainspec.scenario.Origin;

import java.util.ArrayList;
import java.util.List;

/**
 * The YAML document as plain values that remember where they were written. Only
 * {@link YamlReader} knows SnakeYAML; merging, validation and the schema work on these nodes.
 */
sealed interface Node permits Node.Scalar, Node.Seq, Node.Mapping {
    Origin origin();

    /** The YAML 1.1 type the scalar resolved to (timestamps and binary stay text). */
    enum Kind { STR, INT, FLOAT, BOOL, NULL }

    /** PLAIN and QUOTED scalars start their text at (or one column after) the origin. */
    enum Style { PLAIN, QUOTED, BLOCK }

    record Scalar(String text, Kind kind, Style style, Origin origin) implements Node {
        boolean isNull() {
            return kind == Kind.NULL;
        }

        /** Column of the text's first character: quoted scalars start after the quote. */
        int textColumn() {
            return origin.column() + (style == Style.QUOTED ? 1 : 0);
        }
    }

    record Seq(List<Node> items, Origin origin) implements Node {
        public Seq {
            items = List.copyOf(items);
        }
    }

    record Entry(Scalar key, Node value) {}

    record Mapping(List<Entry> entries, Origin origin) implements Node {
        public Mapping {
            entries = List.copyOf(entries);
        }

        Entry entry(String key) {
            for (Entry e : entries) if (e.key().text().equals(key)) return e;
            return null;
        }

        Node get(String key) {
            Entry e = entry(key);
            return e == null ? null : e.value();
        }

        boolean has(String key) {
            return entry(key) != null;
        }

        Mapping without(String key) {
            List<Entry> kept = new ArrayList<>();
            for (Entry e : entries) if (!e.key().text().equals(key)) kept.add(e);
            return kept.size() == entries.size() ? this : new Mapping(kept, origin);
        }
    }
}
