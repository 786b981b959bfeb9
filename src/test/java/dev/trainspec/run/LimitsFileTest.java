package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: a whole file's steps and history are counted before any variant runs; ids compare as the paths they become. */
class LimitsFileTest {
    @TempDir
    Path dir;

    private ScenarioFile load(String train, String repeat) throws Exception {
        Path file = Files.writeString(dir.resolve("s.yaml"), """
                data: {make_moons: {n_samples: 1000}, split: {test_size: 0.2}}
                model: [linear: 4, relu, linear: classes]
                loss: cross_entropy
                optimizer: {sgd: {lr: 0.1}}
                train: %s
                repeat: %s
                variants:
                  other: {}
                """.formatted(train, repeat));
        return ScenarioLoader.load(file, new Workspace(dir, dir));
    }

    @Test
    void totalStepsAreRunsTimesVariantsTimesEpochsTimesBatches() throws Exception {
        // 800 training rows in batches of 100: 8 a epoch; 2 variants x 5 runs x 10 epochs x 8 = 800
        ScenarioFile f = load("{epochs: 10, batch_size: 100}", "{seeds: 5}");
        assertDoesNotThrow(() -> new Limits(Limits.LARGEST_ARRAY, 1e12, 100, 1e14, 800).checkFile(f));
        ScenarioException e = assertThrows(ScenarioException.class, () -> new Limits(Limits.LARGEST_ARRAY, 1e12, 100, 1e14, 799).checkFile(f));
        assertEquals("s.yaml:1:1: expected at most 799 optimizer steps for the whole file (trainspec.limits.maxTotalSteps), found 800 over 2 "
                + "variant(s), each repeat x epochs x batches an epoch (fewer variants, repeats or epochs, or split the file)",
                e.getMessage().substring(e.getMessage().indexOf("s.yaml")));
    }

    @Test
    void aCsvFileCountsItsRowsOnceRead() throws Exception {
        // 100 rows, 80 for training in batches of 1: 80 a epoch; 4 runs x 5 epochs x 80 = 1,600 steps, counted as 20 before reading
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 100; i++) csv.append(i).append(',').append(i % 2).append('\n');
        Files.writeString(dir.resolve("rows.csv"), csv);
        Path file = Files.writeString(dir.resolve("s.yaml"), """
                data: {csv: {path: rows.csv, label: y}, split: {test_size: 0.2}}
                model: [linear: classes]
                loss: cross_entropy
                optimizer: {sgd: {lr: 0.1}}
                train: {epochs: 5, batch_size: 1}
                repeat: {seeds: 4}
                """);
        ScenarioFile f = ScenarioLoader.load(file, new Workspace(dir, dir));
        PreparedData read = PreparedData.of(f.base());
        Limits limits = new Limits(Limits.LARGEST_ARRAY, 1e12, 100, 1e14, 1599);
        assertDoesNotThrow(() -> limits.checkFile(f)); // before reading: a lower bound
        ScenarioException e = assertThrows(ScenarioException.class, () -> limits.checkFile(f, s -> read));
        assertEquals("s.yaml:1:1: expected at most 1.60e+03 optimizer steps for the whole file (trainspec.limits.maxTotalSteps), found 1.60e+03"
                + " over 1 variant(s), each repeat x epochs x batches an epoch (fewer variants, repeats or epochs, or split the file)",
                e.getMessage().substring(e.getMessage().indexOf("s.yaml")));
        assertDoesNotThrow(() -> new Limits(Limits.LARGEST_ARRAY, 1e12, 100, 1e14, 1600).checkFile(f, s -> read));
    }

    @Test
    void totalMultiplyAddsAreRunsTimesVariantsTimesTheRunsWork() throws Exception {
        // 800 rows x (2 x 4 + 4 + 4 x 1 + 1 = 17 weights, linear: classes as one output) x 3 x 10 epochs = 408,000 a run; x 5 runs x 2 variants
        ScenarioFile f = load("{epochs: 10, batch_size: 100}", "{seeds: 5}");
        assertDoesNotThrow(() -> new Limits(Limits.LARGEST_ARRAY, 1e12, 100, 1e14, 1e9, 4.08e6).checkFile(f));
        ScenarioException e = assertThrows(ScenarioException.class, () -> new Limits(Limits.LARGEST_ARRAY, 1e12, 100, 1e14, 1e9, 4.07e6).checkFile(f));
        assertEquals("s.yaml:1:1: expected at most 4.07e+06 multiply-adds for the whole file (trainspec.limits.maxTotalMultiplyAdds), found"
                + " 4.08e+06 over 2 variant(s), each repeat x epochs x training rows x weights x 3 (fewer variants, repeats or epochs, fewer rows"
                + " or a smaller model, or raise trainspec.limits.maxTotalMultiplyAdds (a system property or JUnit configuration parameter))",
                e.getMessage().substring(e.getMessage().indexOf("s.yaml")));
        assertEquals(1e12, Limits.from(k -> null).maxTotalMultiplyAdds());
        assertEquals(4.07e6, Limits.from(k -> k.equals("trainspec.limits.maxTotalMultiplyAdds") ? "4.07e6" : null).maxTotalMultiplyAdds());
    }

    @Test
    void theHistoryOfEveryRunCountsAgainstTheMemoryBudget() throws Exception {
        // 2 variants x 10,000 runs x 1,000 epochs x 16 metrics x 8 bytes = 2.56 GB of history
        ScenarioFile f = load("{epochs: 1000, batch_size: full}", "{seeds: 10000}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> new Limits(Limits.LARGEST_ARRAY, 1e9, 100, 1e14, 1e12).checkFile(f));
        assertEquals("s.yaml:1:1: expected a per-epoch history within the memory budget of 0.93 GiB (trainspec.limits.memoryFraction of the "
                + "JVM's -Xmx), found 2.00e+07 epochs of runs over 2 variant(s), at least 2.38 GiB (fewer variants, repeats or epochs)",
                e.getMessage().substring(e.getMessage().indexOf("s.yaml")));
    }

    @Test
    void baselinesCountTheirFloat64CopyOfTheRows() throws Exception {
        String moons = """
                data: {make_moons: {n_samples: 1000}}
                model: [linear: 4, relu, linear: classes]
                loss: cross_entropy
                optimizer: {sgd: {lr: 0.1}}
                train: {epochs: 1}
                """;
        // 1000 rows x 2 features: 8 (storage) + 4 (float32 splits) = 24,000 bytes; + 8 a value for the baselines' copy
        Path plain = Files.writeString(dir.resolve("plain.yaml"), moons);
        Path fitted = Files.writeString(dir.resolve("fitted.yaml"), moons + "baselines: [logistic_regression]\n");
        Limits limits = new Limits(Limits.LARGEST_ARRAY, 39_999, 100, 1e14);
        assertDoesNotThrow(() -> limits.checkData(ScenarioLoader.load(plain, new Workspace(dir, dir)).base()));
        ScenarioException e = assertThrows(ScenarioException.class, () -> limits.checkData(ScenarioLoader.load(fitted, new Workspace(dir, dir)).base()));
        assertTrue(e.getMessage().contains("found 1000 rows x 2 features, at least 0.00 GiB"), e.getMessage());
        assertDoesNotThrow(() -> new Limits(Limits.LARGEST_ARRAY, 40_000, 100, 1e14).checkData(ScenarioLoader.load(fitted, new Workspace(dir, dir)).base()));
    }

    @Test
    void idsAreComparedAsThePathsTheyBecome() {
        assertEquals("seeds/x", ScenarioIds.key("seeds//x"));
        assertEquals("seeds/x", ScenarioIds.key("seeds/./x"));
        assertEquals("seeds/x", ScenarioIds.key("seeds/x/"));
    }
}
