package dev.trainspec.run;

import dev.trainspec.scenario.Workspace;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainspec.engine.data.CsvTable;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Params;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled CSV example, read through the loader and the bridge. */
class CsvExampleTest {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Path SCENARIO = REPO.resolve("scenarios/examples/csv-iris-like.yaml");

    @Test
    void theIrisLikeFileHasThreeSpeciesOfFiftyRowsInSortedClassOrder() {
        Scenario s = ScenarioLoader.load(SCENARIO, new Workspace(REPO, REPO.resolve("scenarios"))).base();
        Named source = s.data().source();
        assertEquals(REPO.resolve("scenarios/data/iris-like.csv").toString(), source.params().getString("path"));
        CsvTable t = DataSources.csv(source.params(), s.data().root());
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), t.featureNames());
        assertEquals(List.of("setosa", "versicolor", "virginica"), t.classNames());
        assertEquals(150, t.data().rows());
        int[] counts = new int[3];
        for (int l : t.data().labels()) counts[l]++;
        assertArrayEquals(new int[] {50, 50, 50}, counts);
        // the first data line, "4.4,2.9,1.2,0.4,setosa", exactly
        assertArrayEquals(new double[] {4.4, 2.9, 1.2, 0.4}, new double[] {t.data().get(0, 0), t.data().get(0, 1), t.data().get(0, 2), t.data().get(0, 3)}, 0.0);
    }

    @Test
    void theStratifiedSplitKeepsFifteenOfEachSpeciesForTesting() {
        Scenario s = ScenarioLoader.load(SCENARIO, new Workspace(REPO, REPO.resolve("scenarios"))).base();
        PreparedData d = PreparedData.of(s);
        assertEquals(105, d.train().rows());
        assertEquals(45, d.test().rows());
        int[] counts = new int[3];
        for (int l : d.test().labels()) counts[l]++;
        assertArrayEquals(new int[] {15, 15, 15}, counts);
        assertArrayEquals(new int[] {35, 35, 35}, d.facts().trainClassCounts());
        assertEquals("csv{path=scenarios/data/iris-like.csv, label=species, features=null, delimiter=,, header=true}", d.facts().source());
    }

    @Test
    void withoutTheLoadersRootTheFilesOwnFolderIsTheLimit() {
        Params p = dev.trainspec.scenario.yaml.ChoiceDefaults.of("data", new Named("csv", new Params(java.util.Map.of("path",
                REPO.resolve("scenarios/data/iris-like.csv").toString(), "label", "species"), java.util.Map.of()), dev.trainspec.scenario.Origin.UNKNOWN)).params();
        assertEquals(150, DataSources.csv(p, null).data().rows());
    }
}
