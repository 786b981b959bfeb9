package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.data.Dataset;
import dev.trainspec.engine.data.L2Normalizer;
import dev.trainspec.engine.data.MakeClassification;
import dev.trainspec.engine.data.MakeMoons;
import dev.trainspec.engine.data.MinMaxScaler;
import dev.trainspec.engine.data.StandardScaler;
import dev.trainspec.engine.random.RandomState;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.Params;
import dev.trainspec.scenario.yaml.ChoiceDefaults;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bridge: scenario parameters (as the loader delivers them) to generators and preprocessors. */
class DataSourcesTest {
    /** A generator or preprocessing step as the loader delivers it: the table's defaults filled in. */
    private static Named named(String name, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        String kind = List.of("none", "standard_scaler", "min_max_scaler", "l2_normalize").contains(name) ? "preprocess" : "data";
        return ChoiceDefaults.of(kind, new Named(name, new Params(m, Map.of()), Origin.UNKNOWN));
    }

    @Test
    void moonsThroughTheBridgeMatchSklearnFixture() throws IOException {
        Dataset d = DataSources.generate(named("make_moons", "n_samples", 200L, "shuffle", true, "noise", 0.2, "random_state", 42L), 0);
        String csv;
        try (InputStream in = getClass().getResourceAsStream("/sklearn/moons_n200_noise0.2_rs42.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] lines = csv.split("\n");
        assertEquals(201, lines.length);
        for (int r = 0; r < 200; r++) {
            String[] f = lines[r + 1].split(",");
            assertEquals(Double.parseDouble(f[0]), d.get(r, 0), 0.0, "row " + r);
            assertEquals(Double.parseDouble(f[1]), d.get(r, 1), 0.0, "row " + r);
            assertEquals(Integer.parseInt(f[2].trim()), d.labels()[r], "row " + r);
        }
    }

    /**
     * make_classification's {@code shift: null} / {@code scale: null} reach the generator as null,
     * scikit-learn's None (random per feature; GeneratorsTest checks those rows against
     * scikit-learn's, case random_state=4), not as the 0.0 / 1.0 a left-out key means.
     */
    @Test
    void makeClassificationNullShiftAndScaleAreSklearnsNone() {
        java.nio.file.Path resources = java.nio.file.Path.of("src/test/resources").toAbsolutePath();
        List<dev.trainspec.scenario.Scenario> variants = dev.trainspec.scenario.ScenarioLoader.load(resources.resolve("valid/sklearn-none.yaml"),
                new dev.trainspec.scenario.Workspace(resources, resources)).variants();
        Params none = variants.get(0).data().source().params();
        assertTrue(none.values().containsKey("shift") && none.values().get("shift") == null, "shift: null stays null, got " + none);
        assertTrue(none.values().containsKey("scale") && none.values().get("scale") == null, "scale: null stays null, got " + none);
        Named leftOut = named("make_classification", "n_samples", 100L, "n_features", 6L, "n_redundant", 1L, "weights", List.of(0.9),
                "flip_y", 0.3, "class_sep", 2.5, "hypercube", false, "random_state", 4L);
        assertEquals(0.0, leftOut.params().getDouble("shift"), "scikit-learn's default");
        assertEquals(1.0, leftOut.params().getDouble("scale"), "scikit-learn's default");

        MakeClassification.Params p = new MakeClassification.Params(100, 6, 2, 1, 0, 2, 2, new double[] {0.9}, 0.3, 2.5, false,
                null, null, true);
        Dataset direct = MakeClassification.makeClassification(p, new RandomState(4));
        Dataset viaScenario = DataSources.generate(variants.get(0).data().source(), 0);
        assertArrayEquals(direct.x(), viaScenario.x());
        assertArrayEquals(direct.labels(), viaScenario.labels());
        Dataset defaults = DataSources.generate(leftOut, 0);
        assertArrayEquals(defaults.x(), DataSources.generate(variants.get(1).data().source(), 0).x(), "0.0 and 1.0 written over the nulls");
        assertTrue(!java.util.Arrays.equals(direct.x(), defaults.x()), "null must not be the defaults");
    }

    @Test
    void nullRandomStateUsesTheScenarioSeed() {
        Dataset viaSeed = DataSources.generate(named("make_moons", "n_samples", 50L, "noise", 0.1, "random_state", null), 7);
        Dataset direct = MakeMoons.makeMoons(50, true, 0.1, new RandomState(7));
        assertArrayEquals(direct.x(), viaSeed.x());
    }

    @Test
    void everyGeneratorWithLoaderDefaults() {
        Map<String, Named> sources = new HashMap<>();
        sources.put("make_moons", named("make_moons", "n_samples", 100L, "shuffle", true, "noise", null, "random_state", null));
        sources.put("make_circles", named("make_circles", "n_samples", List.of(30L, 20L), "shuffle", true, "noise", 0.05, "factor", 0.8));
        sources.put("make_blobs", named("make_blobs", "n_samples", 100L, "n_features", 2L, "centers", null, "cluster_std", 1.0,
                "center_box", List.of(-10.0, 10.0), "shuffle", true));
        sources.put("make_blobs_list", named("make_blobs", "n_samples", List.of(5L, 10L), "n_features", 2L,
                "centers", List.of(List.of(0.0, 0.0), List.of(3.0, 3.0)), "cluster_std", List.of(0.5, 1.0), "center_box", List.of(-10.0, 10.0), "shuffle", true));
        sources.put("make_classification", named("make_classification", "n_samples", 100L, "n_features", 20L, "n_informative", 2L, "n_redundant", 2L,
                "n_repeated", 0L, "n_classes", 2L, "n_clusters_per_class", 2L, "weights", null, "flip_y", 0.01, "class_sep", 1.0,
                "hypercube", true, "shift", 0.0, "scale", 1.0, "shuffle", true));
        sources.put("make_gaussian_quantiles", named("make_gaussian_quantiles", "mean", null, "cov", 1.0, "n_samples", 100L, "n_features", 2L,
                "n_classes", 3L, "shuffle", true));
        sources.put("make_regression", named("make_regression", "n_samples", 100L, "n_features", 100L, "n_informative", 10L, "n_targets", 1L,
                "bias", 0.0, "effective_rank", null, "tail_strength", 0.5, "noise", 0.0, "shuffle", true));
        sources.put("make_xor", named("make_xor", "n_samples", 100L, "noise", null));
        sources.put("make_spirals", named("make_spirals", "n_samples", 100L, "n_classes", 2L, "noise", null));
        sources.put("make_threshold", named("make_threshold", "n_samples", 100L, "loc", 0.0, "scale", 1.0, "threshold", 0.0));
        sources.put("make_embeddings", named("make_embeddings", "n_samples", 100L, "n_features", 512L, "n_informative", 16L, "shift", 0.5));
        for (Map.Entry<String, Named> e : sources.entrySet()) {
            Dataset a = DataSources.generate(e.getValue(), 3);
            Dataset b = DataSources.generate(e.getValue(), 3);
            assertTrue(a.rows() > 0, e.getKey());
            assertArrayEquals(a.x(), b.x(), e.getKey() + ": same seed, same bits");
        }
        assertTrue(DataSources.generate(sources.get("make_embeddings"), 3).isFloat32());
        assertEquals(1, DataSources.generate(sources.get("make_regression"), 3).targetCols());
    }

    @Test
    void preprocessors() {
        assertTrue(DataSources.preprocessor(named("standard_scaler", "fit_on", "train", "with_mean", true, "with_std", false)) instanceof StandardScaler);
        assertTrue(DataSources.preprocessor(named("min_max_scaler", "fit_on", "all", "feature_range", List.of(-1.0, 1.0))) instanceof MinMaxScaler);
        assertTrue(DataSources.preprocessor(named("l2_normalize")) instanceof L2Normalizer);
        Dataset d = new Dataset(new double[] {1, 2}, 1, 2, new int[1], null, 1);
        assertEquals(d, DataSources.preprocessor(named("none")).fit(d).transform(d));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSources.preprocessor(named("min_max_scaler", "feature_range", List.of(2.0, 1.0))));
        assertEquals("Minimum of desired feature range must be smaller than maximum. Got [2.0, 1.0].", e.getMessage());
    }
}
