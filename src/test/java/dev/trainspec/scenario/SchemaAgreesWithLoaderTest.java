package dev.trainspec.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Schema = loader: every scenario file of the repository that the loader accepts (bundled, test
 * resources, files with variants, files that extend another and the files they extend) validates
 * under {@code scenarios/trainspec.schema.json} with a real validator (networknt) reading the YAML
 * as an editor does (YAML 1.2), and every golden invalid scenario is rejected by the schema too, but
 * for the mistakes a schema cannot express, listed below with the reason.
 */
class SchemaAgreesWithLoaderTest {
    private static final Path RESOURCES = Path.of("src/test/resources");
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(read(Path.of("scenarios/trainspec.schema.json")));

    /**
     * Golden invalid files whose mistake is beyond a JSON Schema, with the reason: what only the
     * loader can check. Files named {@code expect-*} are all beyond it: an expectation line is a
     * string in the schema, its grammar (metrics, variants, epochs, numbers) is the loader's.
     */
    private static final Map<String, String> BEYOND_THE_SCHEMA = Map.ofEntries(
            Map.entry("binary-tag.yaml", "a YAML tag; the validator's parser turns !!binary into text"),
            Map.entry("second-document.yaml", "a second YAML document; the validator reads the first"),
            Map.entry("duplicate-key.yaml", "JSON keeps the last of two equal keys"),
            Map.entry("duplicate-nested-key.yaml", "JSON keeps the last of two equal keys"),
            Map.entry("lr-overflows-double.yaml", "1e309 is a valid JSON number; it overflows only as a double"),
            Map.entry("classes-not-last.yaml", "'classes' allowed only in the last linear layer: a rule across list items"),
            Map.entry("csv-escape.yaml", "a path that leaves the workspace: the file system's"),
            Map.entry("extends-absolute.yaml", "extends names a file: the file system's"),
            Map.entry("extends-cycle-a.yaml", "a cycle of extends: the file system's"),
            Map.entry("extends-cycle-b.yaml", "a cycle of extends: the file system's"),
            Map.entry("extends-escape.yaml", "a path that leaves the workspace: the file system's"),
            Map.entry("extends-missing.yaml", "a missing file: the file system's"),
            Map.entry("extends-missing-inherits.yaml", "a missing file: the file system's"),
            Map.entry("variant-combination.yaml", "an expectation's epoch against the variant's train.epochs"));

    private static boolean beyondTheSchema(String name) {
        return name.startsWith("expect-") || BEYOND_THE_SCHEMA.containsKey(name);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> yamlUnder(Path... dirs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static boolean loads(Path file) {
        try {
            ScenarioLoader.load(file, new Workspace(file.toAbsolutePath().getParent()));
            return true;
        } catch (ScenarioException e) {
            return false;
        }
    }

    /**
     * YAML 1.2's core schema, as the YAML language server reads a file: only true and false are
     * booleans (Jackson's and SnakeYAML's default resolvers still take YAML 1.1's yes/no/on/off).
     */
    private static final class Yaml12 extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The schema's complaints; a file a YAML parser refuses (a control character, two documents) is one complaint. */
    private static List<String> validate(Path file) {
        Object tree;
        try {
            LoaderOptions options = new LoaderOptions();
            DumperOptions dumper = new DumperOptions();
            tree = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new Yaml12()).load(read(file));
        } catch (YAMLException | java.io.UncheckedIOException notYaml) {
            return List.of("not YAML (or not UTF-8): " + notYaml.getMessage());
        }
        JsonNode json = JSON.valueToTree(tree);
        try {
            return SCHEMA.validate(json).stream().map(Error::toString).toList();
        } catch (NumberFormatException notJson) {
            return List.of("not JSON: .nan or .inf, which JSON has no number for");
        }
    }

    @Test
    void everyScenarioTheLoaderAcceptsValidates() throws IOException {
        List<String> rejected = new ArrayList<>();
        int checked = 0;
        for (Path file : yamlUnder(Path.of("scenarios"), RESOURCES)) {
            if (file.startsWith(RESOURCES.resolve("invalid")) || !loads(file)) continue;
            checked++;
            List<String> errors = validate(file);
            if (!errors.isEmpty()) rejected.add(file + ": " + errors);
        }
        assertTrue(checked >= 60, "at least 60 valid scenario files, found " + checked);
        assertEquals("", String.join("\n", rejected));
    }

    @Test
    void everyGoldenInvalidScenarioTheSchemaCanExpressIsRejected() throws IOException {
        List<String> accepted = new ArrayList<>();
        for (Path file : yamlUnder(RESOURCES.resolve("invalid"))) {
            if (file.startsWith(RESOURCES.resolve("invalid/run"))) continue; // they load: the data decides
            assertTrue(!loads(file), file + " is in the invalid corpus but loads");
            if (beyondTheSchema(file.getFileName().toString())) continue;
            if (validate(file).isEmpty()) accepted.add(file.getFileName().toString());
        }
        assertEquals("", String.join("\n", accepted));
    }
}
