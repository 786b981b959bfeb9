package dev.trainspec.scenario.yaml;

import dev.trainspec.scenario.Origin;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only SnakeYAML user: composes one document into {@link Node}s (never constructs objects),
 * with SnakeYAML's 0-based marks turned into 1-based line and column. Refuses what a scenario
 * never needs and an attacker might: custom tags, alias bombs, deep nesting, huge files,
 * recursive aliases, duplicate keys.
 */
final class YamlReader {
    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 64;
    static final int MAX_CODE_POINTS = 1_000_000;
    /** Values after expanding aliases; a scenario has a few hundred. */
    static final int MAX_VALUES = 100_000;

    private static final Set<Tag> STANDARD = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.SEQ, Tag.MAP, Tag.TIMESTAMP);
    private static final Pattern EXPECTED_BUT = Pattern.compile("expected (.*), but (?:got|found) (.*)", Pattern.DOTALL);

    private final Path file;
    private final Problems problems;
    private final Set<org.yaml.snakeyaml.nodes.Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private int values;
    private boolean tooMany;

    private YamlReader(Path file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The document's root, or null when it is empty or not YAML (the problem is recorded). */
    static Node read(String text, Path file, Problems problems) {
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            problems.add(new Origin(file, 1, 1), "", "a file of at most " + MAX_CODE_POINTS + " characters",
                    text.codePointCount(0, text.length()) + " characters", "");
            return null;
        }
        org.yaml.snakeyaml.nodes.Node root;
        try {
            root = new Composer(new ParserImpl(new StreamReader(text), options()), new Resolver(), options()).getSingleNode();
        } catch (MarkedYAMLException e) {
            problems.add(syntax(file, e));
            return null;
        } catch (ReaderException e) {
            problems.add(at(text, e.getPosition(), file), "", "printable text (YAML allows no control characters)",
                    String.format("the character U+%04X", e.getCodePoint()), "");
            return null;
        } catch (YAMLException e) {
            String expected = limitExpected(e.getMessage());
            problems.add(new Origin(file, 1, 1), "", expected, expected.equals("valid YAML") ? firstLine(e.getMessage()) : "more", "");
            return null;
        }
        if (root == null) return null;
        YamlReader reader = new YamlReader(file, problems);
        Node converted = reader.convert(root, "");
        return reader.tooMany ? null : converted;
    }

    static LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(false);
        o.setMaxAliasesForCollections(MAX_ALIASES);
        o.setNestingDepthLimit(MAX_DEPTH);
        o.setCodePointLimit(MAX_CODE_POINTS);
        o.setAllowRecursiveKeys(false);
        o.setMergeOnCompose(true);
        o.setProcessComments(false);
        o.setTagInspector(tag -> false);
        return o;
    }

    private Node convert(org.yaml.snakeyaml.nodes.Node n, String path) {
        Origin at = origin(n.getStartMark());
        if (++values > MAX_VALUES) {
            if (!tooMany) problems.add(new Origin(file, 1, 1), "", "at most " + MAX_VALUES + " values after expanding aliases",
                    "more (an alias bomb?)", "");
            tooMany = true;
            return new Node.Scalar("", Node.Kind.NULL, Node.Style.PLAIN, at);
        }
        Tag tag = n.getTag();
        if (!STANDARD.contains(tag)) {
            problems.add(at, path, "a value without a tag (or one of !!str, !!int, !!float, !!bool, !!null, !!seq, !!map)",
                    "the tag '" + tag.getValue().replace("tag:yaml.org,2002:", "!!") + "'", "");
            return new Node.Scalar("", Node.Kind.NULL, Node.Style.PLAIN, at);
        }
        if (n instanceof ScalarNode s) return scalar(s, at);
        if (!open.add(n)) {
            problems.add(at, path, "a value that does not contain itself", "a recursive alias", "");
            return new Node.Scalar("", Node.Kind.NULL, Node.Style.PLAIN, at);
        }
        try {
            if (n instanceof SequenceNode seq) {
                List<Node> items = new ArrayList<>();
                for (org.yaml.snakeyaml.nodes.Node item : seq.getValue()) items.add(convert(item, path + "[" + items.size() + "]"));
                return new Node.Seq(items, at);
            }
            return mapping((MappingNode) n, path, at);
        } finally {
            open.remove(n);
        }
    }

    private Node mapping(MappingNode m, String path, Origin at) {
        List<Node.Entry> entries = new ArrayList<>();
        Map<String, Node.Scalar> seen = new java.util.HashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (tooMany) break;
            Node k = convert(t.getKeyNode(), path);
            if (!(k instanceof Node.Scalar key) || key.isNull()) {
                problems.add(k.origin(), path, "a key that is a plain word", Problems.render(k), "");
                continue;
            }
            String childPath = path.isEmpty() ? key.text() : path + "." + key.text();
            Node.Scalar first = seen.putIfAbsent(key.text(), key);
            if (first != null) {
                problems.add(key.origin(), childPath, "each key once", "it again",
                        "first at line " + first.origin().line());
                continue;
            }
            entries.add(new Node.Entry(key, convert(t.getValueNode(), childPath)));
        }
        return new Node.Mapping(entries, at);
    }

    private static final Set<String> CORE_BOOLEANS = Set.of("true", "True", "TRUE", "false", "False", "FALSE");

    private static Node scalar(ScalarNode s, Origin at) {
        Node.Kind kind;
        Tag tag = s.getTag();
        if (tag.equals(Tag.INT)) kind = Node.Kind.INT;
        else if (tag.equals(Tag.FLOAT)) kind = Node.Kind.FLOAT;
        // YAML 1.2's core schema, as editors (the YAML language server) and the JSON Schema read it:
        // only true and false are booleans; YAML 1.1's yes/no/on/off are text, refused where a boolean belongs
        else if (tag.equals(Tag.BOOL)) kind = CORE_BOOLEANS.contains(s.getValue()) ? Node.Kind.BOOL : Node.Kind.STR;
        else if (tag.equals(Tag.NULL)) kind = Node.Kind.NULL;
        else kind = Node.Kind.STR;
        Node.Style style = switch (s.getScalarStyle()) {
            case PLAIN -> Node.Style.PLAIN;
            case SINGLE_QUOTED, DOUBLE_QUOTED -> Node.Style.QUOTED;
            default -> Node.Style.BLOCK;
        };
        return new Node.Scalar(s.getValue(), kind, style, at);
    }

    /** The line and column of the code point at {@code position} (SnakeYAML's reader counts code points). */
    private static Origin at(String text, int position, Path file) {
        int line = 1;
        int column = 1;
        int i = 0;
        for (int cp = 0; cp < position && i < text.length(); cp++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Origin(file, line, column);
    }

    private Origin origin(Mark m) {
        return new Origin(file, m.getLine() + 1, m.getColumn() + 1);
    }

    /** "expected ',' or ']', but got ':'" becomes expected/found; other messages are the found part. */
    static dev.trainspec.scenario.Problem syntax(Path file, MarkedYAMLException e) {
        Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Origin at = m == null ? new Origin(file, 1, 1) : new Origin(file, m.getLine() + 1, m.getColumn() + 1);
        String problem = firstLine(e.getProblem() == null ? e.getMessage() : e.getProblem());
        String context = e.getContext() == null ? "" : firstLine(e.getContext());
        if (problem.startsWith("Global tag is not allowed: ")) {
            return new dev.trainspec.scenario.Problem(at, "", "a value without a tag (or one of !!str, !!int, !!float, !!bool, !!null, !!seq, !!map)",
                    "the tag '" + problem.substring("Global tag is not allowed: ".length()).replace("tag:yaml.org,2002:", "!!") + "'", "");
        }
        if (problem.startsWith("found undefined alias ")) {
            return new dev.trainspec.scenario.Problem(at, "", "an anchor (&name) defined before its alias",
                    "the undefined alias *" + problem.substring("found undefined alias ".length()), "");
        }
        if (problem.startsWith("but found ") && context.startsWith("expected ")) {
            // "expected a single document in the stream" / "but found another document"
            return new dev.trainspec.scenario.Problem(at, "", context.substring("expected ".length()),
                    problem.substring("but found ".length()), "");
        }
        if (problem.startsWith("found ")) problem = problem.substring("found ".length());
        Matcher em = EXPECTED_BUT.matcher(problem);
        if (em.matches()) return new dev.trainspec.scenario.Problem(at, "", em.group(1), em.group(2).trim(), context);
        String hint = context.isEmpty() ? "YAML syntax" : "YAML syntax, " + context;
        return new dev.trainspec.scenario.Problem(at, "", "valid YAML", problem, hint);
    }

    private static String limitExpected(String message) {
        if (message == null) return "valid YAML";
        if (message.contains("aliases")) return "at most " + MAX_ALIASES + " aliases of lists or mappings";
        if (message.contains("Nesting Depth")) return "at most " + MAX_DEPTH + " levels of nesting";
        if (message.contains("code points")) return "a file of at most " + MAX_CODE_POINTS + " characters";
        return "valid YAML";
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }
}
