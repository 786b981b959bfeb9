package dev.trainspec.scenario.yaml;

import dev.trainspec.scenario.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code sweep: {optimizer.adam.lr: [0.001, 0.01], train.batch_size: [16, 64]}} becomes one
 * variant per cell of the cartesian product, named after its values
 * ({@code lr_0_001__batch_size_16}), each an override such as
 * {@code {optimizer: {adam: {lr: 0.001}}, train: {batch_size: 16}}}. The variants are appended to
 * {@code variants:} before validation, so a wrong key path is reported like any wrong key, at
 * the sweep line that wrote it. The first path varies slowest, as in nested loops.
 * <p>
 * The variants, explicit ones and cells, are counted before any cell is built ({@link #MAX_VARIANTS}), numbers are named by their
 * value ({@code 1e-2} and {@code 0.01} are both {@code lr_0_01}), and a name given twice (two
 * cells, or a cell and an explicit variant) is an error naming both places: one name would
 * otherwise hide the other's result in JUnit and overwrite its snapshot entry.
 */
final class Sweep {
    private Sweep() {}

    /** The tree with the sweep's cells added to {@code variants} (and {@code sweep} removed), and the cells' names. */
    record Expanded(Node.Mapping tree, java.util.Set<String> cells) {}

    /**
     * The most variants one file may have, explicit ones and sweep cells together: each is
     * validated, trained, checked and reported, so a few lines of YAML must not ask for millions
     * of them. 256 keeps the loader well under a second (each variant is the whole file, merged and
     * validated) and is more than any grid worth training in one pull request; a larger study
     * splits over several files.
     */
    static final long MAX_VARIANTS = 256;

    static Expanded expand(Node.Mapping tree, Problems problems) {
        int explicit = tree.get("variants") instanceof Node.Mapping m ? m.entries().size() : 0;
        if (!(tree.get("sweep") instanceof Node.Mapping sweep)) {
            if (explicit > MAX_VARIANTS) {
                problems.at(tree.get("variants"), "variants", "at most " + MAX_VARIANTS + " variants in one file", explicit + " variants",
                        "split them over several files");
                return new Expanded(tree.without("variants"), java.util.Set.of());
            }
            return new Expanded(tree, java.util.Set.of());
        }
        java.util.Set<String> cells = new java.util.HashSet<>();
        Map<Node.Scalar, List<Node>> axes = new LinkedHashMap<>();
        for (Node.Entry axis : sweep.entries()) {
            if (!(axis.value() instanceof Node.Seq values) || values.items().isEmpty()) {
                problems.at(axis.value(), "sweep." + axis.key().text(), "a non-empty list of values", Problems.render(axis.value()), "");
                continue;
            }
            axes.put(axis.key(), values.items());
        }
        long count = 1;
        for (List<Node> values : axes.values()) count = Math.min(count * values.size(), MAX_VARIANTS + 1);
        if (count + explicit > MAX_VARIANTS) {
            StringBuilder sizes = new StringBuilder();
            java.math.BigInteger all = java.math.BigInteger.ONE;
            for (List<Node> values : axes.values()) {
                sizes.append(sizes.isEmpty() ? "" : " x ").append(values.size());
                all = all.multiply(java.math.BigInteger.valueOf(values.size()));
            }
            String plus = explicit == 0 ? "" : " and " + explicit + " explicit variant(s)";
            problems.at(sweep, "sweep", "at most " + MAX_VARIANTS + " variants in one file, sweep combinations included",
                    sizes + " values = " + all + " combinations" + plus, "sweep fewer values, or split the sweep over several files");
            return new Expanded(tree.without("sweep").without("variants"), java.util.Set.of());
        }
        List<Node.Entry> variants = new ArrayList<>();
        Map<String, Node.Scalar> named = new java.util.HashMap<>();
        if (tree.get("variants") instanceof Node.Mapping existing) {
            variants.addAll(existing.entries());
            for (Node.Entry e : existing.entries()) named.putIfAbsent(e.key().text(), e.key());
        }
        for (List<Map.Entry<Node.Scalar, Node>> cell : product(new ArrayList<>(axes.entrySet()), 0)) {
            StringBuilder name = new StringBuilder();
            Node.Mapping override = new Node.Mapping(List.of(), sweep.origin());
            for (Map.Entry<Node.Scalar, Node> choice : cell) {
                String path = choice.getKey().text();
                name.append(name.isEmpty() ? "" : "__").append(label(path, choice.getValue()));
                override = put(override, path.split("\\."), 0, choice.getValue(), choice.getKey().origin());
            }
            Origin at = cell.isEmpty() ? sweep.origin() : cell.get(0).getKey().origin();
            Node.Scalar first = named.putIfAbsent(name.toString(), new Node.Scalar(name.toString(), Node.Kind.STR, Node.Style.PLAIN, at));
            if (first != null) {
                problems.at(sweep, "sweep", "combinations whose names differ from each other and from the variants",
                        "a second variant named " + Problems.quote(name.toString()), "the first is at " + first.origin());
                continue;
            }
            cells.add(name.toString());
            variants.add(new Node.Entry(new Node.Scalar(name.toString(), Node.Kind.STR, Node.Style.PLAIN, at), override));
        }
        List<Node.Entry> entries = new ArrayList<>();
        for (Node.Entry e : tree.entries()) {
            if (!e.key().text().equals("sweep") && !e.key().text().equals("variants")) entries.add(e);
        }
        entries.add(new Node.Entry(new Node.Scalar("variants", Node.Kind.STR, Node.Style.PLAIN, sweep.origin()),
                new Node.Mapping(variants, sweep.origin())));
        return new Expanded(new Node.Mapping(entries, tree.origin()), cells);
    }

    private static List<List<Map.Entry<Node.Scalar, Node>>> product(List<Map.Entry<Node.Scalar, List<Node>>> axes, int from) {
        List<List<Map.Entry<Node.Scalar, Node>>> out = new ArrayList<>();
        if (from == axes.size()) {
            out.add(List.of());
            return out;
        }
        for (Node value : axes.get(from).getValue()) {
            for (List<Map.Entry<Node.Scalar, Node>> rest : product(axes, from + 1)) {
                List<Map.Entry<Node.Scalar, Node>> cell = new ArrayList<>();
                cell.add(Map.entry(axes.get(from).getKey(), value));
                cell.addAll(rest);
                out.add(cell);
            }
        }
        return out;
    }

    /** "optimizer.adam.lr" = 0.001 -> "lr_0_001": the last key and the value, as a variant name. */
    private static String label(String path, Node value) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        String text = value instanceof Node.Scalar s ? canonical(s) : "value";
        String cleaned = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return key + "_" + (cleaned.isEmpty() ? "value" : cleaned);
    }

    /** A number by its value, as Python prints a float (0.01 for 1e-2, 10000 for 10_000); other text as written. */
    private static String canonical(Node.Scalar s) {
        Double d = s.kind() == Node.Kind.STR && s.style() != Node.Style.PLAIN ? null : Scalars.asDouble(s);
        if (d == null || !Double.isFinite(d)) return s.text();
        java.math.BigDecimal exact = java.math.BigDecimal.valueOf(d).stripTrailingZeros();
        return Math.abs(exact.scale()) <= 12 ? exact.toPlainString() : Double.toString(d);
    }

    private static Node.Mapping put(Node.Mapping into, String[] keys, int depth, Node value, Origin origin) {
        String key = keys[depth];
        Node child = depth == keys.length - 1 ? value
                : put(into.get(key) instanceof Node.Mapping m ? m : new Node.Mapping(List.of(), origin), keys, depth + 1, value, origin);
        List<Node.Entry> entries = new ArrayList<>(into.without(key).entries());
        entries.add(new Node.Entry(new Node.Scalar(key, Node.Kind.STR, Node.Style.PLAIN, origin), child));
        return new Node.Mapping(entries, into.origin());
    }
}
