package dev.trainspec.scenario.yaml;

import dev.trainspec.scenario.DataSpec;
import dev.trainspec.scenario.Expectation;
import dev.trainspec.scenario.LayerSpec;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.Params;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.Workspace;
import dev.trainspec.scenario.TrainSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a validated scenario ({@link Obj} of the definitions' SCENARIO struct) into the
 * {@link Scenario} record, with the checks that need more than one key: {@code out: classes}
 * only on the last linear layer, {@code at epoch} within the epochs, significance tests only
 * with repeats, csv files inside the repository.
 */
final class ScenarioBuilder {
    private final String id;
    private final Path file;
    private final String source;
    private final Path repositoryRoot;
    private final Locator locator;

    ScenarioBuilder(String id, Path file, String source, Path repositoryRoot, Locator locator) {
        this.id = id;
        this.file = file;
        this.source = source;
        this.repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        this.locator = locator;
    }

    /**
     * Expectations of a scenario, parsed; items whose node is in {@code skip} (the file's
     * comparisons) are left out. holder is the variant they belong to (unqualified metrics are
     * its), repeats the runs of every variant whose settings are valid, by name (base included).
     */
    List<Expectation> expectations(Obj s, String holder, List<String> variants, Map<String, Integer> repeats, Set<Node> skip,
                                   Problems problems) {
        List<Expectation> out = new ArrayList<>();
        List<?> items = (List<?>) s.get("expect");
        ExpectationParser.Context context = context(s, variants);
        for (int i = 0; i < items.size(); i++) {
            Node.Scalar line = (Node.Scalar) items.get(i);
            if (skip.contains(line)) continue;
            Expectation e = ExpectationParser.parse(line, "expect[" + i + "]", context, problems, locator);
            if (e == null) continue;
            // a refused line is kept: the file fails anyway, and a comparison must still be seen as one so variants skip it
            if (e instanceof Expectation.Comparison c) tooFewRuns(c, line, "expect[" + i + "]", holder, repeats, problems);
            out.add(e);
        }
        return out;
    }

    /**
     * Refuses a line that needs more runs than its variants have: a significance test
     * needs 2 or more a side, and so does std, the sample standard deviation (ddof=1), undefined
     * for one run. repeat is known before training, so such a line is refused, not failed after.
     */
    private static void tooFewRuns(Expectation.Comparison c, Node.Scalar line, String path, String holder,
                                   Map<String, Integer> repeats, Problems problems) {
        for (Expectation.Term side : List.of(c.left(), c.right())) {
            if (!(side instanceof Expectation.Metric m)) continue;
            String source = m.qualifier() == null ? holder : m.qualifier();
            Integer runs = repeats.get(source); // null: a baseline (the parser refuses what it cannot do) or a broken variant
            if (runs == null || runs >= 2) continue;
            String found = "repeat " + runs + (source.equals(holder) ? "" : " in " + (source.equals(Vocabulary.BASE) ? "base" : "variant '" + source + "'"));
            if (c.alpha() != null) {
                problems.at(line, path, "repeat >= 2 for a significance test (p < ALPHA)", found, "a test needs several runs a side: add repeat: 10");
                return;
            }
            if ("std".equals(m.aggregate())) {
                problems.at(line, path, "repeat >= 2 for std (the sample standard deviation of one run is undefined)", found,
                        "add repeat: 10, or bound the value of the run");
                return;
            }
        }
    }

    /**
     * The expectation lines of a file whose structure has problems, checked on their own so that
     * their mistakes are reported in the same pass: any baseline name is accepted and the epoch
     * count is unknown (0), since those keys may be the broken ones.
     */
    void checkExpectations(Node expect, List<String> variants, Problems problems) {
        if (!(expect instanceof Node.Seq seq)) return;
        ExpectationParser.Context lenient = new ExpectationParser.Context(variants, Vocabulary.BASELINES, 0);
        for (int i = 0; i < seq.items().size(); i++) {
            if (seq.items().get(i) instanceof Node.Scalar line) ExpectationParser.parse(line, "expect[" + i + "]", lenient, problems, locator);
        }
    }

    ExpectationParser.Context context(Obj s, List<String> variants) {
        Obj train = (Obj) s.get("train");
        int epochs = train == null ? 0 : Math.toIntExact((Long) train.get("epochs"));
        return new ExpectationParser.Context(variants, strings(s.get("baselines")), epochs);
    }

    Scenario build(Obj s, String variant, Origin origin, List<Expectation> expect, Problems problems) {
        List<LayerSpec> model = model((List<?>) s.get("model"), problems);
        DataSpec data = data((Obj) s.get("data"), problems);
        Obj budget = (Obj) s.get("budget");
        return new Scenario(id, file, variant, (String) s.get("title"), (String) s.get("description"),
                strings(s.get("tags")), (Long) s.get("seed"), data, model, (Named) s.get("loss"),
                (Named) s.get("optimizer"), (Named) s.get("schedule"), train((Obj) s.get("train")),
                strings(s.get("baselines")).stream().distinct().toList(), repeat(s), expect,
                regression((Obj) s.get("regression")), budget == null ? null : (Double) budget.get("seconds"),
                source, origin);
    }

    static int repeat(Obj s) {
        return Math.toIntExact((Long) ((Obj) s.get("repeat")).get("seeds"));
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) list) out.add((String) o);
        return out;
    }

    private List<LayerSpec> model(List<?> layers, Problems problems) {
        List<LayerSpec> out = new ArrayList<>();
        int lastLinear = -1;
        for (int i = 0; i < layers.size(); i++) if (((Named) layers.get(i)).name().equals("linear")) lastLinear = i;
        for (int i = 0; i < layers.size(); i++) {
            Named l = (Named) layers.get(i);
            Params p = l.params();
            out.add(switch (l.name()) {
                case "linear" -> {
                    Object o = p.values().get("out");
                    if ("classes".equals(o) && i != lastLinear) {
                        problems.add(p.origin("out"), "model[" + i + "].linear.out", "a positive integer ('classes' is for the last linear layer)",
                                "'classes'", "");
                    }
                    int outs = "classes".equals(o) ? LayerSpec.Linear.CLASSES : Math.toIntExact((Long) o);
                    yield new LayerSpec.Linear(outs, p.getBoolean("bias"), (Named) p.values().get("init"), l.origin());
                }
                case "dropout" -> new LayerSpec.Dropout(p.getDouble("p"), l.origin());
                case "batch_norm" -> new LayerSpec.BatchNorm(p.getDouble("momentum"), p.getDouble("eps"), l.origin());
                case "unflatten", "flatten", "conv1d", "conv2d", "max_pool2d", "avg_pool2d", "layer_norm" -> ShapedLayerSpecs.of(l);
                default -> new LayerSpec.Activation(l.name(), p, l.origin());
            });
        }
        return out;
    }

    private DataSpec data(Obj d, Problems problems) {
        Named source = d.embedded();
        if (source.name().equals("csv")) source = csv(source, problems);
        List<Named> preprocess = new ArrayList<>();
        Object pre = d.get("preprocess");
        for (Object step : pre instanceof List<?> list ? list : List.of(pre)) {
            if (!((Named) step).name().equals("none")) preprocess.add((Named) step);
            featureRange((Named) step, problems);
        }
        Obj split = (Obj) d.get("split");
        Long randomState = (Long) split.get("random_state");
        if (randomState == null) randomState = source.params().has("random_state") ? source.params().getLong("random_state") : 0L;
        double testSize = ((Number) split.get("test_size")).doubleValue();
        var spec = new DataSpec.SplitSpec(testSize, randomState, (Boolean) split.get("shuffle"), (Boolean) split.get("stratify"), split.origin());
        return new DataSpec(source, preprocess, spec, repositoryRoot, d.origin());
    }

    /** sklearn's MinMaxScaler refuses a range whose minimum is not below its maximum; so does the loader, at the line. */
    private static void featureRange(Named step, Problems problems) {
        if (!step.name().equals("min_max_scaler") || !step.params().has("feature_range")) return;
        double[] range = step.params().getDoubles("feature_range");
        if (range.length == 2 && !(range[0] < range[1])) {
            problems.add(step.params().origin("feature_range"), "data.preprocess.min_max_scaler.feature_range",
                    "a range [min, max] with min < max", "[" + Type.fmt(range[0]) + ", " + Type.fmt(range[1]) + "]", "");
        }
    }

    /**
     * The csv path as an absolute path, after checking it stays inside the repository; the
     * repository root travels beside it ({@link DataSpec#root()}).
     */
    private Named csv(Named csv, Problems problems) {
        String written = csv.params().getString("path");
        Origin at = csv.params().origin("path");
        Path folder = at.file().toAbsolutePath().getParent();
        Path target;
        try {
            target = folder.resolve(written).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            problems.add(at, "data.csv.path", "a path to a CSV file", Problems.quote(written), "");
            return csv;
        }
        String expected = "a CSV file inside the repository, relative to the scenario";
        if (Path.of(written).isAbsolute() || !target.startsWith(repositoryRoot)) {
            problems.add(at, "data.csv.path", expected, Problems.quote(written) + ", which leaves the repository", "");
        } else {
            try {
                new Workspace(repositoryRoot).regularFile(target);
            } catch (Workspace.Refused e) {
                Problems.Refusal r = Problems.Refusal.of(e, "CSV file", expected, written);
                problems.add(at, "data.csv.path", r.expected(), r.found(), r.hint());
            }
        }
        Map<String, Object> values = new LinkedHashMap<>(csv.params().values());
        values.put("path", target.toString());
        return new Named(csv.name(), new Params(values, csv.params().origins()), csv.origin());
    }

    private static TrainSpec train(Obj t) {
        Object batch = t.get("batch_size");
        int batchSize = "full".equals(batch) ? TrainSpec.FULL_BATCH : Math.toIntExact((Long) batch);
        Obj es = (Obj) t.get("early_stopping");
        TrainSpec.EarlyStopping early = es == null ? null : new TrainSpec.EarlyStopping((String) es.get("monitor"),
                Math.toIntExact((Long) es.get("patience")), (Double) es.get("min_delta"), es.origin());
        return new TrainSpec(Math.toIntExact((Long) t.get("epochs")), batchSize, (Boolean) t.get("shuffle"),
                (Double) t.get("clip_grad_norm"), early, t.origin());
    }

    private static Scenario.Regression regression(Obj r) {
        if (r == null) return null;
        return new Scenario.Regression(strings(r.get("metrics")), (Double) r.get("tolerance"), r.origin());
    }
}
