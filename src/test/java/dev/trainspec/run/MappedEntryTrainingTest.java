package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.check.Checker;
import dev.trainspec.check.Snapshots;
import dev.trainspec.check.UpdatePolicy;
import dev.trainspec.engine.tensor.Simd;
import dev.trainspec.engine.tensor.StorageChanged;
import dev.trainspec.report.BundledScenariosDeterminismTest;
import dev.trainspec.report.JsonResult;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Workspace;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A float32 data cache entry is trained from the file's mapping (its rows copied into the
 * batches and evaluation chunks), the generated rows from their array: the same result, bit for
 * bit, with a helper thread copying batches ahead; the statistics read from either are the same.
 */
class MappedEntryTrainingTest {
    // 16,500 training rows x 256: above BatchFeed.AHEAD_FROM, so a helper copies the next batch ahead
    private static final String SCENARIO = """
            title: mapped
            seed: 0
            data:
              make_embeddings: {n_samples: 22000, n_features: 256, n_informative: 8, shift: 0.35, random_state: 4}
              split: {test_size: 0.25, random_state: 0}
            model: [{linear: 16}, relu, {linear: 1}]
            loss: bce_with_logits
            optimizer:
              adam: {lr: 0.01}
            train: {epochs: 1, batch_size: 128}
            repeat: 2
            expect:
              - test.accuracy >= 0.5
            """;

    @TempDir
    Path dir;
    private String cacheBefore;

    /** A cache of this test's own, empty at the start: the first run generates the rows and writes the entry. */
    @BeforeEach
    void ownCache() {
        cacheBefore = System.getProperty(DataCache.PROPERTY);
        System.setProperty(DataCache.PROPERTY, dir.resolve("cache").toString());
    }

    @AfterEach
    void restoreCache() {
        if (cacheBefore == null) System.clearProperty(DataCache.PROPERTY);
        else System.setProperty(DataCache.PROPERTY, cacheBefore);
    }

    @Test
    void aCachedEntryTrainsFromItsMappingToTheGeneratedRowsBits() throws Exception {
        Simd.awaitWarmUp(); // the generated rows are then read in place by the vector kernels
        ScenarioFile file = load();
        // the first run trains on the generated array while the entry is written
        String generated = json(file);
        CacheWriter.awaitWrites();
        entry(); // written
        PreparedData cached = PreparedData.of(file.base());
        assertNull(cached.trainSplit().x().array(), "read back: the rows are the file's mapping");
        assertTrue(cached.trainSplit().x() == cached.testSplit().x(), "both splits view the one mapping");
        // the per-feature statistics read row by row from the mapping: the array's, value for value
        assertEquals(FactsOf.stats(DataSources.generate(file.base().data().source(), file.base().seed())), FactsOf.stats(cached.all()));
        assertEquals(generated, json(file));
    }

    /**
     * Another program cutting the entry's file short while a run trains from it: the epoch ends
     * with {@link StorageChanged} (the user is told the entry changed), not with a result. Cut by
     * one float, the last row's page is still partly in the file, so nothing faults: only the
     * mapping's own check after the epoch can tell.
     */
    @Test
    void anEntryCutShortUnderTheRunEndsTheEpochWithAnError() throws Exception {
        Scenario s = load().base();
        PreparedData.of(s); // generated, and the entry written
        CacheWriter.awaitWrites();
        PreparedData cached = PreparedData.of(s);
        assertNull(cached.trainSplit().x().array(), "read back: the rows are the file's mapping");
        Assembly.of(s, cached, 0).trainer().run(); // intact: trains
        try (FileChannel f = FileChannel.open(entry(), StandardOpenOption.WRITE)) {
            // the labels follow the features in the file: cut into the last feature value
            long labels = (long) cached.all().rows() * 4;
            f.truncate(f.size() - labels - 4);
        }
        StorageChanged e = assertThrows(StorageChanged.class, () -> Assembly.of(s, cached, 0).trainer().run());
        String told = DataCache.entryChangedDuringRun(e);
        assertTrue(told != null && told.contains("changed on disk while this run read it"), e + " told as " + told);
    }

    private ScenarioFile load() throws IOException {
        return ScenarioLoader.load(Files.writeString(dir.resolve("mapped.yaml"), SCENARIO), new Workspace(dir, dir));
    }

    /** The data cache entry the scenario's rows were written to (the test's cache holds no other). */
    private Path entry() throws IOException {
        try (Stream<Path> entries = Files.list(dir.resolve("cache"))) {
            return entries.filter(f -> f.toString().endsWith(".data")).findFirst().orElseThrow(() -> new AssertionError("no entry written"));
        }
    }

    private String json(ScenarioFile file) {
        Workspace workspace = new Workspace(dir, dir);
        return BundledScenariosDeterminismTest.withoutTimings(
                JsonResult.render(Checker.judge(file, ScenarioRunner.run(file), Snapshots.in(workspace, UpdatePolicy.NONE)), dir));
    }
}
