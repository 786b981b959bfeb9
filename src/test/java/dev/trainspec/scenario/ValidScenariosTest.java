package dev.trainspec.scenario;

import dev.trainspec.scenario.Workspace;
import static dev.trainspec.scenario.InvalidScenariosTest.RESOURCES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.scenario.Expectation.Comparison;
import dev.trainspec.scenario.Expectation.Constant;
import dev.trainspec.scenario.Expectation.Metric;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Valid files load into exactly the records scenarios/README.md describes, field by field.
 * valid/seed-004.yaml is the example of scenarios/README.md section 1, verbatim.
 */
class ValidScenariosTest {
    private static ScenarioFile load(String name) {
        return ScenarioLoader.load(RESOURCES.resolve("valid/" + name), new Workspace(RESOURCES, RESOURCES));
    }

    @Test
    void theSection1ExampleLoadsVerbatim() {
        ScenarioFile f = load("seed-004.yaml");
        assertEquals("valid/seed-004", f.id());
        assertEquals(List.of("base", "full_batch"), f.variants().stream().map(Scenario::variant).toList());
        Scenario s = f.base();
        assertEquals("Two moons - mini-batch SGD with momentum", s.title());
        assertTrue(s.description().startsWith("2-16-2 ReLU MLP on make_moons"));
        assertEquals(List.of("seed", "smoke"), s.tags());
        assertEquals(0, s.seed());
        assertEquals("make_moons", s.data().source().name());
        assertEquals(Map.of("n_samples", 1000L, "noise", 0.2, "random_state", 42L, "shuffle", true), s.data().source().params().values());
        assertEquals(List.of("standard_scaler"), s.data().preprocess().stream().map(Named::name).toList());
        assertEquals("train", s.data().preprocess().get(0).params().getString("fit_on"));
        assertEquals(0.2, s.data().split().testSize());
        assertEquals(42L, s.data().split().randomState());
        assertTrue(s.data().split().shuffle());
        assertFalse(s.data().split().stratify());
        assertEquals(3, s.model().size());
        LayerSpec.Linear first = assertInstanceOf(LayerSpec.Linear.class, s.model().get(0));
        assertEquals(16, first.out());
        assertTrue(first.bias());
        assertEquals("pytorch", first.init().name());
        assertEquals(new Origin(RESOURCES.resolve("valid/seed-004.yaml"), 13, 5), first.origin());
        assertEquals("relu", ((LayerSpec.Activation) s.model().get(1)).name());
        assertEquals(2, ((LayerSpec.Linear) s.model().get(2)).out());
        assertEquals("cross_entropy", s.loss().name());
        assertEquals("logits", s.loss().params().getString("input"));
        assertEquals("sgd", s.optimizer().name());
        assertEquals(0.1, s.optimizer().params().getDouble("lr"));
        assertEquals(0.9, s.optimizer().params().getDouble("momentum"));
        assertEquals(0.0, s.optimizer().params().getDouble("dampening"));
        assertFalse(s.optimizer().params().getBoolean("nesterov"));
        assertNull(s.schedule());
        assertEquals(100, s.train().epochs());
        assertEquals(32, s.train().batchSize());
        assertTrue(s.train().shuffle());
        assertEquals(10, s.repeat());
        assertEquals(List.of(), s.baselines());
        assertNull(s.regression());
        assertNull(s.budgetSeconds());
        assertTrue(s.source().startsWith("title: Two moons"));
        assertEquals(3, s.expect().size());
        Comparison mean = (Comparison) s.expect().get(0);
        assertEquals("mean test.accuracy >= 0.97", mean.text());
        assertEquals(new Metric("mean", null, "test.accuracy", null, false, (char) 0, 0, new Origin(mean.origin().file(), 31, 10)), mean.left());
        assertEquals(Expectation.Op.GE, mean.op());
        assertEquals(new Constant(0.97), mean.right());
        assertEquals(31, mean.origin().line());
        assertEquals(10, ((Comparison) s.expect().get(2)).withinEpochs());

        Scenario full = f.variants().get(1);
        assertEquals(TrainSpec.FULL_BATCH, full.train().batchSize());
        assertFalse(full.train().shuffle());
        assertEquals(100, full.train().epochs());
        assertEquals(25, full.origin().line(), "a variant points at its key");
        assertEquals(List.of("mean test.accuracy >= 0.90"), full.expect().stream().map(Expectation::text).toList());

        assertEquals(1, f.comparisons().size());
        Comparison c = (Comparison) f.comparisons().get(0);
        assertEquals("base", ((Metric) c.left()).qualifier());
        assertEquals("full_batch", ((Metric) c.right()).qualifier());
        assertEquals(0.05, c.alpha());
        assertEquals("welch", c.test());
    }

    @Test
    void theBundledScenarioLoads() {
        Path root = Path.of("scenarios").toAbsolutePath();
        ScenarioFile f = ScenarioLoader.load(root.resolve("seeds/two-moons-sgd.yaml"), new Workspace(root.getParent(), root));
        assertEquals("seeds/two-moons-sgd", f.id());
        assertEquals(1, f.variants().size());
        assertEquals(3, f.base().expect().size());
    }

    @Test
    void extendsMergesDeeplyAndVariantsMergeOverTheMergedFile() {
        ScenarioFile f = load("extends-child.yaml");
        assertEquals("valid/extends-child", f.id());
        assertEquals(List.of("base", "slow", "fast"), f.variants().stream().map(Scenario::variant).toList());
        Scenario base = f.base();
        assertEquals("child", base.title());
        assertEquals(List.of("child"), base.tags(), "a list replaces a list");
        assertEquals(3, base.seed(), "inherited");
        assertEquals(4, base.repeat());
        assertEquals("make_circles", base.data().source().name(), "another generator replaces the parent's");
        assertEquals(Map.of("n_samples", 300L, "factor", 0.5, "shuffle", true), Map.of("n_samples", base.data().source().params().values().get("n_samples"),
                "factor", base.data().source().params().values().get("factor"), "shuffle", base.data().source().params().values().get("shuffle")));
        assertFalse(base.data().source().params().values().containsKey("random_state") && base.data().source().params().has("random_state"));
        assertEquals(0.3, base.data().split().testSize(), "split inherited");
        assertEquals(0L, base.data().split().randomState(), "no random_state anywhere: 0");
        LayerSpec.Linear first = (LayerSpec.Linear) base.model().get(0);
        assertEquals(4, first.out());
        assertFalse(first.bias());
        assertEquals("uniform", first.init().name());
        assertEquals(-0.1, first.init().params().getDouble("a"));
        assertEquals(0.1, first.init().params().getDouble("b"));
        assertEquals(3, base.model().size(), "the model list replaced");
        assertEquals(0.1, base.optimizer().params().getDouble("lr"), "parameters merge within the same optimizer");
        assertEquals(0.9, base.optimizer().params().getDouble("momentum"));
        assertTrue(base.optimizer().params().getBoolean("nesterov"));
        assertEquals(30, base.train().epochs());
        assertEquals(16, base.train().batchSize(), "train merges key by key");
        assertEquals(List.of("logistic_regression"), base.baselines());
        assertEquals(List.of("test.accuracy > logistic_regression.test.accuracy - 0.05", "diagnosis excludes dead_relu"),
                base.expect().stream().map(Expectation::text).toList(), "the child's expect replaces the parent's; comparisons leave it");
        Metric shifted = (Metric) ((Comparison) base.expect().get(0)).right();
        assertEquals(new Metric(null, "logistic_regression", "test.accuracy", null, false, '-', 0.05, shifted.origin()), shifted);
        assertEquals(RESOURCES.resolve("valid/common/base.yaml"), base.loss().origin().file(), "inherited values point at the parent");

        Scenario slow = f.variants().get(1);
        assertEquals(0.01, slow.optimizer().params().getDouble("lr"), "the parent's variant");
        assertTrue(slow.optimizer().params().getBoolean("nesterov"), "over the merged file");
        assertFalse(slow.train().shuffle(), "and the child's addition to the same variant");
        assertEquals(base.expect(), slow.expect(), "variants inherit expect, without the comparisons");

        Scenario fast = f.variants().get(2);
        assertEquals("adam", fast.optimizer().name());
        assertEquals(0.01, fast.optimizer().params().getDouble("lr"));
        assertEquals(List.of(0.9, 0.999), fast.optimizer().params().getList("betas"));
        assertEquals(1, fast.expect().size());

        assertEquals(1, f.comparisons().size());
        Comparison c = (Comparison) f.comparisons().get(0);
        assertEquals(0.01, c.alpha());
        assertEquals("mann_whitney", c.test());
        assertEquals("fast", ((Metric) c.left()).qualifier());
    }

    @Test
    void everyShorthandAndDefault() {
        ScenarioFile f = load("features.yaml");
        Scenario s = f.base();
        assertEquals("custom/id", f.id());
        assertEquals("custom/id", s.id());
        assertEquals("Markdown\n", s.description());
        assertEquals(List.of("smoke"), s.tags(), "a single tag stands for a list");
        assertEquals(List.of(50L, 50L), s.data().source().params().getList("n_samples"));
        assertEquals(List.of(List.of(0.0, 0.0), List.of(3.0, 3.0)), s.data().source().params().getList("centers"));
        assertEquals(List.of("standard_scaler", "min_max_scaler"), s.data().preprocess().stream().map(Named::name).toList());
        assertEquals(List.of(-1.0, 1.0), s.data().preprocess().get(1).params().getList("feature_range"));
        assertEquals(0.25, s.data().split().testSize(), "scikit-learn's default test_size");
        assertEquals(11L, s.data().split().randomState());
        assertTrue(s.data().split().stratify());
        assertEquals(0.2, ((LayerSpec.Activation) s.model().get(1)).params().getDouble("negative_slope"));
        assertEquals(0.25, ((LayerSpec.Dropout) s.model().get(2)).p());
        LayerSpec.BatchNorm bn = (LayerSpec.BatchNorm) s.model().get(3);
        assertEquals(0.2, bn.momentum());
        assertEquals(1e-5, bn.eps());
        assertEquals(0.25, ((LayerSpec.Activation) s.model().get(4)).params().getDouble("init"));
        LayerSpec.Linear last = (LayerSpec.Linear) s.model().get(5);
        assertEquals(LayerSpec.Linear.CLASSES, last.out());
        assertEquals("kaiming_normal", last.init().name());
        assertEquals("fan_out", last.init().params().getString("mode"));
        assertEquals(1e-3, s.optimizer().params().getDouble("lr"), "1e-3 is a number, though YAML 1.1 reads it as text");
        assertEquals(0.01, s.optimizer().params().getDouble("weight_decay"), "AdamW's default");
        assertEquals("step_lr", s.schedule().name());
        assertEquals(0.1, s.schedule().params().getDouble("gamma"));
        assertEquals(TrainSpec.FULL_BATCH, s.train().batchSize());
        assertEquals(1.0, s.train().clipGradNorm());
        assertEquals(new TrainSpec.EarlyStopping("test.loss", 2, 0.0, s.train().earlyStopping().origin()), s.train().earlyStopping());
        assertEquals(3, s.repeat());
        assertEquals(60.0, s.budgetSeconds());
        assertEquals(List.of("test.accuracy", "train.loss"), s.regression().metrics());
        assertEquals(0.01, s.regression().tolerance());
        List<Expectation> e = s.expect();
        assertEquals(new Metric("max", null, "test.loss", null, true, '*', 2, origin(e.get(0))), ((Comparison) e.get(0)).left());
        Comparison at = (Comparison) e.get(1);
        assertEquals(new Metric("median", null, "train.running_accuracy", 3, false, (char) 0, 0, origin(at)), at.left());
        assertEquals(12, at.withinEpochs());
        assertEquals(new Metric(null, null, "grad_norm", null, false, (char) 0, 0, origin(e.get(2))), ((Comparison) e.get(2)).left());
        assertEquals(Expectation.Op.LE, ((Comparison) e.get(3)).op());
        assertEquals(new Constant(0.4), ((Comparison) e.get(4)).left());
        Expectation.Diagnosis d = (Expectation.Diagnosis) e.get(5);
        assertTrue(d.includes());
        assertEquals("plateau", d.code());
    }

    /** Where the left metric of a comparison is written (the parser's tests check the columns). */
    private static Origin origin(Expectation e) {
        return ((Metric) ((Comparison) e).left()).origin();
    }

    /**
     * `name: {}` is `name` for every word without parameters: the file loads (the loader once
     * refused `load_diabetes: {}` as "takes no parameters, found a mapping") into what the same
     * file with the `{}` removed loads into, variant by variant.
     */
    @Test
    void anEmptyMappingIsNoParameters() throws java.io.IOException {
        Path file = RESOURCES.resolve("valid/no-parameters.yaml");
        String bare = java.nio.file.Files.readString(file).replace(": {}\n", ":\n");
        ScenarioFile braces = load("no-parameters.yaml");
        ScenarioFile plain = ScenarioLoader.load(bare.getBytes(java.nio.charset.StandardCharsets.UTF_8), file, new Workspace(RESOURCES, RESOURCES));
        assertEquals(List.of("base", "diabetes", "wine", "breast_cancer", "logits"), braces.variants().stream().map(Scenario::variant).toList());
        for (int v = 0; v < braces.variants().size(); v++) {
            assertEquals(words(plain.variants().get(v)), words(braces.variants().get(v)), braces.variants().get(v).variant());
        }
        assertEquals("load_diabetes {} | [l2_normalize {}] | [linear(8, zeros {}), relu {}, sigmoid {}, tanh {}, gelu {}, "
                + "flatten, linear(-1, pytorch {}), softmax {}, log_softmax {}] | mse {}", words(braces.variants().get(1)));
    }

    /** The words and parameter values a scenario's data, model and loss hold (not their origins). */
    private static String words(Scenario s) {
        java.util.function.Function<Named, String> named = n -> n.name() + " " + n.params().values();
        List<String> layers = s.model().stream().map(l -> {
            if (l instanceof LayerSpec.Activation a) return a.name() + " " + a.params().values();
            if (l instanceof LayerSpec.Linear lin) return "linear(" + lin.out() + ", " + named.apply(lin.init()) + ")";
            return l instanceof LayerSpec.Flatten ? "flatten" : l.toString();
        }).toList();
        return named.apply(s.data().source()) + " | " + s.data().preprocess().stream().map(named).toList() + " | " + layers + " | "
                + named.apply(s.loss());
    }
}
