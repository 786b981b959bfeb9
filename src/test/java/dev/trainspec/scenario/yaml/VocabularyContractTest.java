package dev.trainspec.scenario.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.cli.Main;
import dev.trainspec.engine.train.Metric;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of every word of the language, generated from the definitions table: for each
 * loss x final width (1, 2, classes), optimizer, layer, schedule, generator, preprocessing step,
 * baseline, metric and diagnosis code, a tiny scenario goes through {@code lint} and {@code run}
 * of the CLI. It either trains (run exits 0 or 1, lint 0) or is refused before training by both
 * (exit 2) at a {@code file:line:column} with a hint of what to write instead, as this table
 * says. A word added to the vocabulary without an entry here, or without a mention in the
 * language reference (scenarios/README.md), fails.
 */
class VocabularyContractTest {
    /** What must happen: the scenario trains, or both commands refuse it with exit 2. */
    enum Outcome { TRAINS, REFUSED }

    private static final String MOONS = "make_moons: {n_samples: 80, noise: 0.1, random_state: 0}";
    private static final String BLOBS = "make_blobs: {n_samples: 90, centers: 3, random_state: 0}";

    /** loss -> its data, the layers after the last linear, and the outcome for final widths 1, 2 and classes (3 for blobs). */
    private static final Map<String, LossCase> LOSSES = Map.of(
            "cross_entropy", new LossCase(BLOBS, "", Outcome.REFUSED, Outcome.REFUSED, Outcome.TRAINS),
            "nll", new LossCase(BLOBS, ", log_softmax", Outcome.REFUSED, Outcome.REFUSED, Outcome.TRAINS),
            "hinge", new LossCase(BLOBS, "", Outcome.REFUSED, Outcome.REFUSED, Outcome.TRAINS),
            "mse", new LossCase(BLOBS, "", Outcome.REFUSED, Outcome.REFUSED, Outcome.TRAINS),
            "bce_with_logits", new LossCase(MOONS, "", Outcome.TRAINS, Outcome.REFUSED, Outcome.TRAINS),
            "bce", new LossCase(MOONS, ", sigmoid", Outcome.TRAINS, Outcome.REFUSED, Outcome.TRAINS));

    record LossCase(String data, String after, Outcome one, Outcome two, Outcome classes) {}

    private static final Map<String, String> OPTIMIZERS = Map.of(
            "sgd", "{sgd: {lr: 0.1}}", "adam", "adam", "adamw", "adamw", "rmsprop", "rmsprop", "adagrad", "adagrad");

    /** layer -> a model using it on two-feature rows: plain layers between two linears, shaped ones after an unflatten. */
    private static final Map<String, String> LAYERS = Map.ofEntries(
            Map.entry("linear", plain("linear: 4")), Map.entry("relu", plain("relu")), Map.entry("leaky_relu", plain("leaky_relu")),
            Map.entry("prelu", plain("prelu")), Map.entry("sigmoid", plain("sigmoid")), Map.entry("tanh", plain("tanh")),
            Map.entry("softmax", plain("softmax")), Map.entry("log_softmax", plain("log_softmax")), Map.entry("dropout", plain("dropout")),
            Map.entry("batch_norm", plain("batch_norm")), Map.entry("gelu", plain("gelu")), Map.entry("layer_norm", plain("layer_norm")),
            Map.entry("unflatten", "[linear: 8, unflatten: [2, 4], flatten, linear: classes]"),
            Map.entry("flatten", "[linear: 8, unflatten: [2, 4], flatten, linear: classes]"),
            Map.entry("conv1d", "[linear: 8, unflatten: [1, 8], conv1d: {out_channels: 2, kernel_size: 3}, relu, flatten, linear: classes]"),
            Map.entry("conv2d", "[linear: 16, unflatten: [1, 4, 4], conv2d: {out_channels: 2, kernel_size: 3, padding: 1}, relu, flatten, linear: classes]"),
            Map.entry("max_pool2d", "[linear: 16, unflatten: [1, 4, 4], max_pool2d: {kernel_size: 2}, flatten, linear: classes]"),
            Map.entry("avg_pool2d", "[linear: 16, unflatten: [1, 4, 4], avg_pool2d: {kernel_size: 2}, flatten, linear: classes]"));

    private static String plain(String layer) {
        return "[linear: 8, " + layer + ", linear: classes]";
    }

    private static final Map<String, String> SCHEDULES = Map.of(
            "step_lr", "{step_lr: {step_size: 1}}", "multi_step_lr", "{multi_step_lr: {milestones: [1]}}",
            "exponential_lr", "{exponential_lr: {gamma: 0.9}}", "cosine_annealing_lr", "{cosine_annealing_lr: {t_max: 2}}",
            "reduce_lr_on_plateau", "reduce_lr_on_plateau");

    /** generator -> its data line and the loss and last layer that fit its targets. */
    private static final Map<String, String[]> GENERATORS = Map.ofEntries(
            Map.entry("make_moons", new String[] {MOONS, "cross_entropy", "classes"}),
            Map.entry("make_circles", new String[] {"make_circles: {n_samples: 80, noise: 0.05}", "cross_entropy", "classes"}),
            Map.entry("make_blobs", new String[] {BLOBS, "cross_entropy", "classes"}),
            Map.entry("make_classification", new String[] {"make_classification: {n_samples: 80}", "cross_entropy", "classes"}),
            Map.entry("make_gaussian_quantiles", new String[] {"make_gaussian_quantiles: {n_samples: 90}", "cross_entropy", "classes"}),
            Map.entry("make_regression", new String[] {"make_regression: {n_samples: 80, n_features: 3}", "mse", "1"}),
            Map.entry("make_xor", new String[] {"make_xor: {n_samples: 80}", "cross_entropy", "classes"}),
            Map.entry("make_spirals", new String[] {"make_spirals: {n_samples: 80}", "cross_entropy", "classes"}),
            Map.entry("make_threshold", new String[] {"make_threshold: {n_samples: 80}", "cross_entropy", "classes"}),
            Map.entry("make_embeddings", new String[] {"make_embeddings: {n_samples: 80, n_features: 16}", "cross_entropy", "classes"}),
            Map.entry("csv", new String[] {"csv: {path: data/iris-like.csv, label: species}", "cross_entropy", "classes"}),
            Map.entry("load_iris", new String[] {"load_iris:", "cross_entropy", "classes"}),
            Map.entry("load_wine", new String[] {"load_wine:", "cross_entropy", "classes"}),
            Map.entry("load_breast_cancer", new String[] {"load_breast_cancer:", "cross_entropy", "classes"}),
            Map.entry("load_digits", new String[] {"load_digits: {n_class: 3}", "cross_entropy", "classes"}),
            Map.entry("load_diabetes", new String[] {"load_diabetes:", "mse", "1"}));

    @TempDir
    static Path workspace;

    private static int counter;

    record Result(int exit, String out) {}

    private static Result cli(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrintStream both = new PrintStream(out, true, StandardCharsets.UTF_8);
            System.setOut(both);
            System.setErr(both);
            return new Result(Main.execute(args), out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** A scenario file in the temporary workspace (a pom.xml marks its root, the csv example sits in data/). */
    private static Path write(String name, String yaml) throws IOException {
        if (!Files.exists(workspace.resolve("pom.xml"))) {
            Files.writeString(workspace.resolve("pom.xml"), "<project/>\n");
            Files.createDirectories(workspace.resolve("scenarios/data"));
            Files.copy(Path.of("scenarios/data/iris-like.csv"), workspace.resolve("scenarios/data/iris-like.csv"));
        }
        return Files.writeString(workspace.resolve("scenarios/" + name.replaceAll("[^A-Za-z0-9_]", "_") + "-" + (counter++) + ".yaml"), yaml);
    }

    private static String scenario(String data, String model, String loss, String optimizer, String extra) {
        return "title: contract\ndata:\n  " + data + "\nmodel: " + model + "\nloss: " + loss + "\noptimizer: " + optimizer
                + "\ntrain: {epochs: 2, batch_size: 16}\n" + extra;
    }

    private static final Pattern AT = Pattern.compile("\\.yaml:\\d+:\\d+: ");

    /** lint and run agree, and the outcome is the one the table says. */
    private static void check(String word, String yaml, Outcome expected) throws IOException {
        Path file = write(word, yaml);
        Result lint = cli("lint", file.toString());
        Result run = cli("run", "--json", workspace.resolve("json").toString(), file.toString());
        String both = "lint said:\n" + lint.out() + "\nrun said:\n" + run.out() + "\nfor\n" + yaml;
        if (expected == Outcome.TRAINS) {
            assertEquals(0, lint.exit(), "lint of " + word + "\n" + both);
            assertTrue(run.exit() == 0 || run.exit() == 1, "run of " + word + " trains (exit 0 or 1)\n" + both);
        } else {
            assertEquals(2, lint.exit(), "lint refuses " + word + "\n" + both);
            assertEquals(2, run.exit(), "run refuses " + word + " before training, as lint does\n" + both);
            assertTrue(AT.matcher(lint.out()).find(), "the refusal points at file:line:column\n" + both);
            // the refusals of the table are a model's width against the loss: the hint names the line to write
            assertTrue(lint.out().contains("(end the model with 'linear: "), "the refusal says what to write instead\n" + both);
        }
    }

    private static List<String> words(Type.Choice choice) {
        return choice.names();
    }

    @Test
    void everyWordHasAnEntryAndIsInTheReference() throws IOException {
        assertEquals(new TreeSet<>(words(ModelDefinitions.LOSS)), new TreeSet<>(LOSSES.keySet()), "losses");
        assertEquals(new TreeSet<>(words(ModelDefinitions.OPTIMIZER)), new TreeSet<>(OPTIMIZERS.keySet()), "optimizers");
        assertEquals(new TreeSet<>(words(ModelDefinitions.LAYER)), new TreeSet<>(LAYERS.keySet()), "layers");
        assertEquals(new TreeSet<>(words(ModelDefinitions.SCHEDULE)), new TreeSet<>(SCHEDULES.keySet()), "schedules");
        assertEquals(new TreeSet<>(words(DataDefinitions.GENERATORS)), new TreeSet<>(GENERATORS.keySet()), "generators");
        String reference = Files.readString(Path.of("scenarios/README.md"));
        List<String> undocumented = new ArrayList<>();
        for (List<String> kind : List.of(words(ModelDefinitions.LOSS), words(ModelDefinitions.OPTIMIZER), words(ModelDefinitions.LAYER),
                words(ModelDefinitions.SCHEDULE), words(DataDefinitions.GENERATORS), words(DataDefinitions.PREPROCESS_STEP),
                Vocabulary.BASELINES, Vocabulary.DIAGNOSES, Vocabulary.AGGREGATES)) {
            for (String word : kind) if (!reference.contains(word)) undocumented.add(word);
        }
        assertEquals(List.of(), undocumented, "words of the language that scenarios/README.md does not mention");
    }

    @Test
    void theLanguagesMetricsAreWhatTheEngineRecords() {
        // the scenario model may not see the engine, so the two lists meet here
        TreeSet<String> recorded = new TreeSet<>(Metric.CLASSIFICATION);
        recorded.addAll(Metric.REGRESSION);
        assertEquals(recorded, new TreeSet<>(Vocabulary.metricNames()));
    }

    @TestFactory
    Stream<DynamicTest> everyLossAtEveryFinalWidth() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, LossCase> e : new java.util.TreeMap<>(LOSSES).entrySet()) {
            LossCase c = e.getValue();
            Map<String, Outcome> widths = new LinkedHashMap<>();
            widths.put("1", c.one());
            widths.put("2", c.two());
            widths.put("classes", c.classes());
            widths.forEach((width, outcome) -> tests.add(DynamicTest.dynamicTest(e.getKey() + " with linear: " + width, () -> check(e.getKey(),
                    scenario(c.data(), "[linear: 8, relu, linear: " + width + c.after() + "]", e.getKey(), "{sgd: {lr: 0.05}}", ""), outcome))));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyOptimizerLayerScheduleAndGeneratorTrains() {
        List<DynamicTest> tests = new ArrayList<>();
        OPTIMIZERS.forEach((word, written) -> tests.add(DynamicTest.dynamicTest("optimizer " + word, () -> check(word,
                scenario(MOONS, "[linear: 8, relu, linear: classes]", "cross_entropy", written, ""), Outcome.TRAINS))));
        LAYERS.forEach((word, written) -> tests.add(DynamicTest.dynamicTest("layer " + word, () -> check(word,
                scenario(MOONS, written, "cross_entropy", "{sgd: {lr: 0.05}}", ""), Outcome.TRAINS))));
        SCHEDULES.forEach((word, written) -> tests.add(DynamicTest.dynamicTest("schedule " + word, () -> check(word,
                scenario(MOONS, "[linear: 8, relu, linear: classes]", "cross_entropy", "{sgd: {lr: 0.05}}", "schedule: " + written + "\n"),
                Outcome.TRAINS))));
        GENERATORS.forEach((word, g) -> tests.add(DynamicTest.dynamicTest("generator " + word, () -> check(word,
                scenario(g[0], "[linear: 8, relu, linear: " + g[2] + "]", g[1], "{sgd: {lr: 0.01}}", ""), Outcome.TRAINS))));
        for (String step : words(DataDefinitions.PREPROCESS_STEP)) {
            tests.add(DynamicTest.dynamicTest("preprocess " + step, () -> check(step,
                    scenario(MOONS + "\n  preprocess: " + step, "[linear: 8, relu, linear: classes]", "cross_entropy", "{sgd: {lr: 0.05}}", ""),
                    Outcome.TRAINS)));
        }
        for (String baseline : Vocabulary.BASELINES) {
            tests.add(DynamicTest.dynamicTest("baseline " + baseline, () -> check(baseline,
                    scenario(MOONS, "[linear: 8, relu, linear: classes]", "cross_entropy", "{sgd: {lr: 0.05}}",
                            "baselines: [" + baseline + "]\nexpect:\n  - test.accuracy > " + baseline + ".test.accuracy - 1\n"), Outcome.TRAINS)));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyMetricAndDiagnosisCodeCanBeExpected() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String metric : Vocabulary.metricNames()) {
            // r2 and mae exist for real-valued targets only
            boolean regression = metric.endsWith("r2") || metric.endsWith("mae");
            String data = regression ? "make_regression: {n_samples: 80, n_features: 3}" : MOONS;
            tests.add(DynamicTest.dynamicTest("metric " + metric, () -> check(metric, scenario(data,
                    "[linear: 8, relu, linear: " + (regression ? "1" : "classes") + "]", regression ? "mse" : "cross_entropy",
                    "{sgd: {lr: 0.01}}", "expect:\n  - mean " + metric + " > -1e300\n"), Outcome.TRAINS)));
        }
        for (String code : Vocabulary.DIAGNOSES) {
            tests.add(DynamicTest.dynamicTest("diagnosis " + code, () -> check(code, scenario(MOONS, "[linear: 8, relu, linear: classes]",
                    "cross_entropy", "{sgd: {lr: 0.05}}", "expect:\n  - diagnosis excludes " + code + "\n"), Outcome.TRAINS)));
        }
        return tests.stream();
    }
}
