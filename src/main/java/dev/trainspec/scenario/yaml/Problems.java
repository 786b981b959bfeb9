package dev.trainspec.scenario.yaml;

import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.Problem;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.Workspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects every problem of a file, in the order found, without duplicates (a base value is
 * validated once for the base and again inside each variant). A scope for a variant prefixes
 * the key path of values written in the variant's override and marks other new problems with
 * the variant's name.
 */
final class Problems {
    private final Map<String, Problem> all;
    private final Set<Node> overrideNodes;
    private final String prefix;
    private final String variant;

    Problems() {
        this(new LinkedHashMap<>(), Collections.newSetFromMap(new IdentityHashMap<>()), "", null);
    }

    private Problems(Map<String, Problem> all, Set<Node> overrideNodes, String prefix, String variant) {
        this.all = all;
        this.overrideNodes = overrideNodes;
        this.prefix = prefix;
        this.variant = variant;
    }

    /** A view for a variant: overrideNodes are the nodes written in its override (by identity). */
    Problems scope(String prefix, Set<Node> overrideNodes, String variant) {
        return new Problems(all, overrideNodes, prefix, variant);
    }

    void add(Origin origin, String path, String expected, String found, String hint) {
        add(new Problem(origin, path, expected, found, hint));
    }

    void add(Problem p) {
        all.putIfAbsent(p.message(), p);
    }

    /**
     * An unknown key at {@code key}: the suggestion leads ("unknown key 'optimiser' \u2014 did you
     * mean 'optimizer'?"), the keys it could be follow. Returns the suggestion, or null.
     */
    String unknownKey(Node.Scalar key, String path, List<String> allowed) {
        String close = Suggest.closest(key.text(), allowed);
        at(key, path, null, "unknown key " + quote(key.text()) + (close == null ? "" : " \u2014 did you mean '" + close + "'?"),
                "expected one of the keys " + String.join(", ", allowed));
        return close;
    }

    /** A problem with the value at {@code node}; found is the node as written. */
    void at(Node node, String path, String expected, String hint) {
        at(node, path, expected, render(node), hint);
    }

    void at(Node node, String path, String expected, String found, String hint) {
        at(node, node.origin(), path, expected, found, hint);
    }

    /** A problem inside {@code node} at a more precise place (a column inside an expectation). */
    void at(Node node, Origin where, String path, String expected, String found, String hint) {
        Problem plain = new Problem(where, path, expected, found, hint);
        if (overrideNodes.contains(node)) {
            add(new Problem(where, join(prefix, path), expected, found, hint));
        } else if (variant == null || all.containsKey(plain.message())) {
            add(plain);
        } else {
            String h = (hint == null || hint.isEmpty() ? "" : hint + "; ") + "in variant '" + variant + "'";
            add(new Problem(where, path, expected, found, h));
        }
    }

    /** A scratch collector with the same scope, for trying one alternative of an anyOf. */
    Problems fork() {
        return new Problems(new LinkedHashMap<>(), overrideNodes, prefix, variant);
    }

    void addAll(Problems other) {
        for (Problem p : other.all.values()) add(p);
    }

    int size() {
        return all.size();
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    /** In file order (by file, line, column), so a long list reads top to bottom. */
    List<Problem> list() {
        List<Problem> out = new ArrayList<>(all.values());
        out.sort(java.util.Comparator.comparing((Problem p) -> p.origin().file().toString())
                .thenComparingInt(p -> p.origin().line()).thenComparingInt(p -> p.origin().column()));
        return out;
    }

    void throwIfAny() {
        if (!all.isEmpty()) throw new ScenarioException(list());
    }

    static String join(String prefix, String path) {
        if (prefix.isEmpty()) return path;
        if (path.isEmpty()) return prefix;
        return path.startsWith("[") ? prefix + path : prefix + "." + path;
    }

    /** How a value reads in a message: numbers and booleans as written, text in quotes. */
    static String render(Node node) {
        if (node == null) return "nothing";
        if (node instanceof Node.Seq) return "a list";
        if (node instanceof Node.Mapping) return "a mapping";
        Node.Scalar s = (Node.Scalar) node;
        if (s.isNull()) return s.text().isEmpty() || s.text().equals("~") ? "nothing" : s.text();
        if (s.kind() == Node.Kind.STR) return quote(s.text());
        return s.text();
    }

    /**
     * The expected and found of a problem with a path written in the file ({@code extends},
     * {@code csv.path}) that the workspace refused: {@code kind} names the file ("CSV file"),
     * {@code inside} is what a path leaving the workspace is told it should be.
     */
    record Refusal(String expected, String found, String hint) {
        static Refusal of(Workspace.Refused e, String kind, String inside, String written) {
            return switch (e.reason()) {
                case MISSING -> new Refusal("an existing " + kind, quote(written) + " (no such file)", "");
                case OUTSIDE -> new Refusal(inside, quote(written) + ", " + e.found(), "");
                case GIT_FOLDER -> new Refusal(inside + ", outside its .git folder", quote(written) + ", " + e.found(), GIT_HINT);
                case TOO_LARGE, UNUSABLE -> new Refusal("a " + kind + ": " + e.expected(), quote(written) + ", " + e.found(), "");
            };
        }
    }

    /** Why .git is off limits, for every refusal of a path through it. */
    static final String GIT_HINT = "git's own folder may hold credentials, such as a CI token in .git/config; use a file of the working tree";

    /** A value in quotes, cut at 60 characters; other control characters are escaped where the message is printed ({@link Problem#message()}). */
    static String quote(String text) {
        String t = text.replace("\n", "\\n");
        return "'" + (t.length() > 60 ? t.substring(0, 57) + "..." : t) + "'";
    }
}
