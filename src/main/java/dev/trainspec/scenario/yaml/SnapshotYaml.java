package dev.trainspec.scenario.yaml;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The YAML side of regression snapshots ({@code reports/baselines/<id>.yaml}, scenarios/README.md
 * section 5): variant name -> metric -> accepted value. Read on SnakeYAML's safe constructor
 * (plain maps and numbers only); written by hand so that the file is stable, sorted as given and
 * easy to review in a diff.
 */
public final class SnapshotYaml {
    private SnapshotYaml() {}

    /** A snapshot file that is not a map of variants to maps of numbers. */
    public static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** The largest snapshot file read: a few hundred bytes a variant, so 1 MiB is thousands of variants. */
    public static final long MAX_BYTES = 1 << 20;

    /**
     * The accepted values in a snapshot's bytes. {@code shown} names the file in messages; a
     * message says where a mistake is and what kind of value was found, never the value itself
     * (a snapshot may be a committed link to a secret, refused later but read here first in tests).
     */
    public static Map<String, Map<String, Double>> read(byte[] bytes, String shown) throws Malformed {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit((int) MAX_BYTES);
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(options)).load(new String(bytes, StandardCharsets.UTF_8));
        } catch (YAMLException e) {
            String at = e instanceof MarkedYAMLException m && m.getProblemMark() != null
                    ? ":" + (m.getProblemMark().getLine() + 1) + ":" + (m.getProblemMark().getColumn() + 1) : "";
            throw new Malformed(shown + at + ": not a readable snapshot (expected YAML 'variants: {name: {metric: value}}')");
        }
        if (!(doc instanceof Map<?, ?> top) || !(top.get("variants") instanceof Map<?, ?> variants)) {
            throw new Malformed(shown + ": expected a mapping with 'variants: {name: {metric: value}}'");
        }
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> v : variants.entrySet()) {
            if (!(v.getValue() instanceof Map<?, ?> metrics)) throw new Malformed(shown + ": variants." + Problems.quote(String.valueOf(v.getKey())) + ": expected a mapping of metrics");
            Map<String, Double> values = new LinkedHashMap<>();
            for (Map.Entry<?, ?> m : metrics.entrySet()) {
                if (!(m.getValue() instanceof Number n)) {
                    throw new Malformed(shown + ": variants." + Problems.quote(String.valueOf(v.getKey())) + "." + Problems.quote(String.valueOf(m.getKey()))
                            + ": expected a number, found " + (m.getValue() == null ? "nothing" : "a " + m.getValue().getClass().getSimpleName().toLowerCase(Locale.ROOT)));
                }
                values.put(String.valueOf(m.getKey()), n.doubleValue());
            }
            out.put(String.valueOf(v.getKey()), values);
        }
        return out;
    }

    public static String render(String id, Map<String, Map<String, Double>> variants) {
        StringBuilder sb = new StringBuilder()
                .append("# Regression snapshot of scenario ").append(id).append(": accepted final metrics (mean over repeat runs).\n")
                .append("# Written by trainspec with --update new|all (-Dtrainspec.update); review changes like code.\n")
                .append("id: ").append(id).append('\n')
                .append("variants:\n");
        for (Map.Entry<String, Map<String, Double>> v : variants.entrySet()) {
            sb.append("  ").append(v.getKey()).append(":\n");
            for (Map.Entry<String, Double> m : v.getValue().entrySet()) {
                sb.append("    ").append(m.getKey()).append(": ").append(number(m.getValue())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String number(double v) {
        if (Double.isNaN(v)) return ".nan";
        if (Double.isInfinite(v)) return v > 0 ? ".inf" : "-.inf";
        String s = Double.toString(v);
        // YAML 1.1 reads "1.0E-4" as a float, but wants the exponent's sign: Java always writes it for negatives only
        return s.contains("E") && !s.contains("E-") ? s.replace("E", "E+").toLowerCase(Locale.ROOT) : s;
    }
}
