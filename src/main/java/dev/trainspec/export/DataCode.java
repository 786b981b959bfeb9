package dev.trainspec.export;

import dev.trainspec.scenario.DataSpec;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Params;
import dev.trainspec.scenario.Problem;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code data:} as a scikit-learn user writes it: the generator with the same parameters (the
 * project generators as numpy functions of their documented formulas, csv by a small reader
 * with trainspec's rules), train_test_split, then each preprocessing step fitted on the
 * training rows (or all rows for {@code fit_on: all}), exactly the order of
 * {@code run.PreparedData}. A parameter left out in the scenario is written with the value
 * trainspec used (a missing random_state is the scenario's seed), so the script is explicit.
 */
final class DataCode {
    private DataCode() {}

    private static final Set<String> SKLEARN = Set.of("make_moons", "make_circles", "make_blobs", "make_classification",
            "make_gaussian_quantiles", "make_regression");
    /** scikit-learn's bundled datasets (section 8.3): the engine ships the same files, so the rows are the same. */
    private static final Set<String> LOADERS = Set.of("load_iris", "load_wine", "load_breast_cancer", "load_digits", "load_diabetes");
    private static final Set<String> PROJECT = Set.of("make_xor", "make_spirals", "make_threshold", "make_embeddings");
    private static final Map<String, String> SCALERS = Map.of("standard_scaler", "StandardScaler",
            "min_max_scaler", "MinMaxScaler", "l2_normalize", "Normalizer");

    static void write(Scenario s, ScriptText out) {
        DataSpec data = s.data();
        Named source = data.source();
        out.line("# data: the same rows, split and preprocessing as trainspec's (float64 until the tensors)");
        out.line(source(s, source, out));
        split(data.split(), s.seed(), out);
        preprocess(data.preprocess(), out);
    }

    private static String source(Scenario s, Named source, ScriptText out) {
        Map<String, Object> p = new LinkedHashMap<>(source.params().values());
        String name = source.name();
        if (SKLEARN.contains(name) || PROJECT.contains(name)) {
            if (p.get("random_state") == null) p.put("random_state", s.seed());
            if (name.equals("make_regression") && ((Number) p.getOrDefault("n_targets", 1L)).longValue() != 1) {
                throw new ScenarioException(new Problem(source.params().origin("n_targets"), "data.make_regression.n_targets",
                        "n_targets: 1 for an export to PyTorch", p.get("n_targets").toString(),
                        "the engine trains on the first target only; export a scenario with one target"));
            }
            if (SKLEARN.contains(name)) out.imports("from sklearn.datasets import " + name);
            else out.resource(name + ".py");
            return Py.wrap("", "X, y = " + name + "(", Py.keywords(p, Map.of(), Set.of()), ")");
        }
        if (LOADERS.contains(name)) {
            out.imports("from sklearn.datasets import " + name);
            List<String> args = new ArrayList<>(Py.keywords(p, Map.of(), Set.of()));
            args.add("return_X_y=True");
            return Py.wrap("", "X, y = " + name + "(", args, ")");
        }
        if (name.equals("csv")) return csv(s, source.params(), out);
        throw new ScenarioException(new Problem(source.origin(), "data." + name, "a data source the PyTorch export knows",
                name, "export supports the scikit-learn generators and bundled datasets, the project generators and csv"));
    }

    /** The path is written relative to the scenario's folder: the script runs from there. */
    private static String csv(Scenario s, Params p, ScriptText out) {
        out.resource("read_csv.py");
        Path folder = s.file().toAbsolutePath().getParent();
        String path = folder.relativize(Path.of(p.getString("path"))).toString().replace('\\', '/');
        Object features = p.values().get("features");
        if (features != null && !(features instanceof List)) features = List.of(features);
        return "# the path is relative to the scenario's folder\n" + Py.wrap("", "X, y = read_csv(", List.of(Py.string(path),
                "label=" + Py.literal(p.values().get("label")), "features=" + Py.literal(features),
                "delimiter=" + Py.literal(p.values().getOrDefault("delimiter", ",")),
                "header=" + Py.literal(p.values().getOrDefault("header", true))), ")");
    }

    /** A split without random_state uses the scenario's seed ({@code run.PreparedData}'s rule). */
    private static void split(DataSpec.SplitSpec split, long scenarioSeed, ScriptText out) {
        out.imports("from sklearn.model_selection import train_test_split");
        double t = split.testSize();
        String testSize = t >= 1 && t == Math.rint(t) ? Long.toString((long) t) : Py.number(t);
        out.line("X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=" + testSize + ", random_state="
                + (split.randomState() == null ? scenarioSeed : split.randomState()) + ", shuffle=" + Py.literal(split.shuffle()) + ", stratify=" + (split.stratify() ? "y" : "None") + ")");
    }

    private static void preprocess(List<Named> steps, ScriptText out) {
        List<Named> real = steps.stream().filter(step -> !step.name().equals("none")).toList();
        for (int i = 0; i < real.size(); i++) {
            Named step = real.get(i);
            String cls = SCALERS.get(step.name());
            if (cls == null) {
                throw new ScenarioException(new Problem(step.origin(), "data.preprocess." + step.name(), "a step the PyTorch export knows",
                        step.name(), "known: " + String.join(", ", SCALERS.keySet())));
            }
            out.imports("from sklearn.preprocessing import " + cls);
            Map<String, Object> p = new LinkedHashMap<>(step.params().values());
            boolean onAll = "all".equals(p.remove("fit_on"));
            out.line("# fitted on " + (onAll ? "all rows" : "the training rows"));
            out.line(Py.wrap("", "step = " + cls + "(", Py.keywords(p, Map.of(), Set.of("feature_range")), ").fit(" + (onAll ? "X" : "X_train") + ")"));
            out.line("X_train, X_test = step.transform(X_train), step.transform(X_test)");
            // all rows go on only to a later step that fits on them
            if (i < real.size() - 1) out.line("X = step.transform(X)");
        }
    }
}
