package dev.trainspec.scenario.yaml;

import dev.trainspec.scenario.Expectation;
import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.Workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads one scenario file: read (strict UTF-8), compose (safe YAML), resolve {@code extends},
 * validate against the definitions table, then build the base scenario and one scenario per
 * variant (the file deep-merged with the variant's override, in file order). Every problem of
 * the file is collected and thrown together.
 * <p>
 * Comparisons: a top-level expectation that names a variant other than {@code base} on either
 * side is checked once, after every variant ran, with unqualified metrics meaning base; it goes
 * to {@link ScenarioFile#comparisons()} and is not inherited by the variants. Every other
 * top-level expectation belongs to base and is inherited by variants that do not replace
 * {@code expect}. In a variant's own {@code expect}, unqualified metrics mean that variant.
 */
public final class ScenarioReader {
    private ScenarioReader() {}

    public static ScenarioFile load(Path file, Workspace workspace) {
        Problems problems = new Problems();
        String text = SourceText.read(file, workspace, problems);
        problems.throwIfAny();
        return load(text, file, workspace, problems);
    }

    /** The file's content given as bytes (from a pull request, a fuzzer, stdin); extends and csv resolve next to {@code file}. */
    public static ScenarioFile load(byte[] content, Path file, Workspace workspace) {
        Problems problems = new Problems();
        String text = SourceText.decode(content, file, problems);
        problems.throwIfAny();
        return load(text, file, workspace, problems);
    }

    private static ScenarioFile load(String text, Path file, Workspace workspace, Problems problems) {
        Map<Path, String> sources = new HashMap<>();
        sources.put(file, text);
        Node root = YamlReader.read(text, file, problems);
        problems.throwIfAny();
        if (!(root instanceof Node.Mapping top)) {
            Origin start = root == null ? new Origin(file, 1, 1) : root.origin();
            problems.add(start, "", Definitions.SCENARIO.describe(), root == null ? "an empty file" : Problems.render(root), "");
            throw new ScenarioException(problems.list());
        }
        int before = problems.size();
        Node.Mapping extended = new Extends(workspace, problems, sources).resolve(top, file);
        // extends did not resolve: each key the file meant to inherit would be one more "expected the key" problem, five
        // false ones before the real one; the file's other problems are still all reported in this pass
        boolean inheritanceFailed = problems.size() > before;
        Sweep.Expanded swept = Sweep.expand(extended, problems);
        Node.Mapping tree = swept.tree();
        String id = id(tree, file, workspace, problems);
        Locator locator = new Locator(sources);
        ScenarioBuilder builder = new ScenarioBuilder(id, file, text, workspace.root(), locator);

        Obj base = new Validator(problems, inheritanceFailed).struct(Definitions.SCENARIO, tree, "");
        Node.Mapping variants = tree.get("variants") instanceof Node.Mapping m ? m : new Node.Mapping(List.of(), tree.origin());
        List<String> names = variantNames(variants, problems);

        // every variant's settings first: a line may test another variant's runs, and how many it has is its repeat
        Map<String, Integer> repeats = new HashMap<>();
        if (base != null) repeats.put(Vocabulary.BASE, ScenarioBuilder.repeat(base));
        Node.Mapping under = tree.without("variants");
        List<Validated> validated = new ArrayList<>();
        for (Node.Entry v : variants.entries()) {
            if (!(v.value() instanceof Node.Mapping || v.value() instanceof Node.Scalar s && s.isNull())) continue;
            String name = v.key().text();
            Node.Mapping override = overrideOf(v, problems);
            Set<Node> written = Collections.newSetFromMap(new IdentityHashMap<>());
            collect(override, written);
            // a mistake in a sweep path is the same in every cell: report it once, at the sweep line
            Problems scoped = swept.cells().contains(name) ? problems.scope("sweep", written, null) : problems.scope("variants." + name, written, name);
            Node merged = Merge.over(Definitions.SCENARIO, under, override);
            Obj s = new Validator(scoped, inheritanceFailed).struct(Definitions.SCENARIO, merged, "");
            if (s != null) repeats.put(name, ScenarioBuilder.repeat(s));
            validated.add(new Validated(v, override, scoped, s));
        }

        List<Scenario> scenarios = new ArrayList<>();
        List<Expectation> comparisons = new ArrayList<>();
        Set<Node> comparisonNodes = Collections.newSetFromMap(new IdentityHashMap<>());
        if (base != null) {
            List<Expectation> own = new ArrayList<>();
            List<?> lines = (List<?>) base.get("expect");
            for (Expectation e : builder.expectations(base, Vocabulary.BASE, names, repeats, Set.of(), problems)) {
                if (namesVariant(e, names)) {
                    comparisons.add(e);
                    for (Object line : lines) if (((Node.Scalar) line).origin().equals(e.origin())) comparisonNodes.add((Node) line);
                } else {
                    own.add(e);
                }
            }
            scenarios.add(builder.build(base, Vocabulary.BASE, new Origin(file, 1, 1), own, problems));
        } else {
            builder.checkExpectations(tree.get("expect"), names, problems); // every problem of the file in one pass
        }
        for (Validated v : validated) {
            String name = v.entry().key().text();
            if (v.settings() == null || base == null) {
                builder.checkExpectations(v.override().get("expect"), names, v.problems()); // their mistakes in the same pass
                continue;
            }
            List<Expectation> expect = builder.expectations(v.settings(), name, names, repeats, comparisonNodes, v.problems());
            scenarios.add(builder.build(v.settings(), name, v.entry().key().origin(), expect, v.problems()));
        }
        problems.throwIfAny();
        return new ScenarioFile(id, file, scenarios, comparisons);
    }

    /** A variant's override, its problems' scope and its validated settings (null when invalid). */
    private record Validated(Node.Entry entry, Node.Mapping override, Problems problems, Obj settings) {}

    /**
     * The explicit id, else the file's path under scenarios/. That default obeys the rule of an
     * explicit id ({@link Definitions#ID}): a file name from a pull request may hold a newline, a
     * pipe or an escape sequence, and an id is written into results, comments and CI logs.
     */
    private static String id(Node.Mapping tree, Path file, Workspace workspace, Problems problems) {
        if (tree.get("id") instanceof Node.Scalar s && s.kind() == Node.Kind.STR) return s.text();
        String id = workspace.defaultId(file);
        if (!Definitions.ID.pattern().matcher(id).matches()) {
            // the words of an explicit id's problem, short: the comment's cell keeps 140 characters and the found value is the news
            problems.add(new Origin(file, 1, 1), "id", Definitions.ID.describe(), Problems.quote(id),
                    "the default id, from the file's name: rename the file or set id:");
        }
        return id;
    }

    private static List<String> variantNames(Node.Mapping variants, Problems problems) {
        List<String> names = new ArrayList<>();
        for (Node.Entry e : variants.entries()) {
            String name = e.key().text();
            if (Vocabulary.reserved(name)) {
                problems.at(e.key(), "variants", "a variant name that is not a word of expectations (base, train, test, "
                        + "aggregates, metrics, baselines)", Problems.quote(name),
                        name.equals(Vocabulary.BASE) ? "base is the file itself; give the variant another name" : "");
            }
            names.add(name);
        }
        return names;
    }

    /** The override without keys a variant may not hold (file-only or unknown ones, reported). */
    private static Node.Mapping overrideOf(Node.Entry variant, Problems problems) {
        if (!(variant.value() instanceof Node.Mapping m)) return new Node.Mapping(List.of(), variant.key().origin());
        String path = "variants." + variant.key().text();
        List<String> allowed = Definitions.VARIANT.keys();
        for (Node.Entry e : m.entries()) {
            String key = e.key().text();
            if (Definitions.FILE_ONLY.contains(key)) {
                problems.at(e.key(), path, "a key a variant may change (any but " + String.join(", ", Definitions.FILE_ONLY) + ")",
                        Problems.quote(key), "");
            } else if (!allowed.contains(key)) {
                problems.unknownKey(e.key(), path, allowed);
            } else {
                continue;
            }
            m = m.without(key);
        }
        return m;
    }

    private static boolean namesVariant(Expectation e, List<String> variants) {
        if (!(e instanceof Expectation.Comparison c)) return false;
        return qualifies(c.left(), variants) || qualifies(c.right(), variants);
    }

    private static boolean qualifies(Expectation.Term t, List<String> variants) {
        return t instanceof Expectation.Metric m && m.qualifier() != null && variants.contains(m.qualifier());
    }

    private static void collect(Node n, Set<Node> into) {
        into.add(n);
        if (n instanceof Node.Seq s) for (Node i : s.items()) collect(i, into);
        if (n instanceof Node.Mapping m) {
            for (Node.Entry e : m.entries()) {
                into.add(e.key());
                collect(e.value(), into);
            }
        }
    }
}
