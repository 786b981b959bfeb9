package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** scikit-learn's bundled datasets through the loader, split, preprocess, data facts and baselines. */
class BundledDatasetSourcesTest {
    private static final Path REPO = Path.of("").toAbsolutePath();

    private static Scenario scenario(String data) {
        String yaml = "data:\n" + data + "model: [linear: classes]\nloss: cross_entropy\noptimizer: {sgd: {lr: 0.1}}\ntrain: {epochs: 1}\n";
        return ScenarioLoader.load(yaml.getBytes(StandardCharsets.UTF_8), REPO.resolve("scenarios/probe.yaml"),
                new Workspace(REPO, REPO.resolve("scenarios"))).base();
    }

    @Test
    void wineSplitsStratifiedAndItsRawScalesReachTheDataFacts() {
        PreparedData d = PreparedData.of(scenario("  load_wine:\n  split: {test_size: 0.25, stratify: true, random_state: 0}\n"));
        assertEquals(133, d.train().rows());
        assertEquals(45, d.test().rows());
        assertEquals(13, d.facts().features());
        assertEquals(3, d.facts().classes());
        // 59, 71 and 48 wines of each cultivar; stratified, the training rows keep those shares
        assertArrayEquals(new int[] {44, 53, 36}, d.facts().trainClassCounts());
        assertTrue(DataFacts.maxAbsMean(d.facts().raw()) > 700, "proline's mean (~750) is in the facts");
    }

    @Test
    void standardisedBreastCancerHasZeroMeanTrainingColumnsAndTheBaselineFits() {
        PreparedData d = PreparedData.of(scenario("  load_breast_cancer:\n  preprocess: standard_scaler\n  split: {stratify: true}\n"));
        assertTrue(DataFacts.maxAbsMean(d.facts().preprocessed()) < 1e-6);
        Map<String, Map<String, Double>> fits = Baselines.fit(java.util.List.of("logistic_regression"), d);
        assertTrue(fits.get("logistic_regression").get("test.accuracy") > 0.95, fits.toString());
    }

    @Test
    void digitsWithThreeClassesKeepsOnlyZerosOnesAndTwos() {
        PreparedData d = PreparedData.of(scenario("  load_digits: {n_class: 3}\n"));
        assertEquals(537, d.train().rows() + d.test().rows());
        assertEquals(64, d.facts().features());
        assertEquals(3, d.facts().classes());
    }

    @Test
    void diabetesIsARegressionTarget() {
        String yaml = "data:\n  load_diabetes:\nmodel: [linear: 1]\nloss: mse\noptimizer: {sgd: {lr: 0.1}}\ntrain: {epochs: 1}\n";
        Scenario s = ScenarioLoader.load(yaml.getBytes(StandardCharsets.UTF_8), REPO.resolve("scenarios/probe.yaml"),
                new Workspace(REPO, REPO.resolve("scenarios"))).base();
        PreparedData d = PreparedData.of(s);
        assertEquals(442, d.train().rows() + d.test().rows());
        assertEquals(0, d.facts().classes());
        assertEquals(151.0, d.all().targets()[0]);
    }
}
