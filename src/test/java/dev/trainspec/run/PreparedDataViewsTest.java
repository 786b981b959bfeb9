package dev.trainspec.run;

import dev.trainspec.scenario.Workspace;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.trainspec.engine.data.Dataset;
import dev.trainspec.engine.train.Split;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without preprocessing, the engine's splits are views of the generated rows (no copy of the
 * features): they must hold exactly the rows, labels and facts the per-split copies would.
 */
class PreparedDataViewsTest {
    private static PreparedData prepare(Path dir, String preprocess) throws IOException {
        String yaml = """
                title: views
                seed: 3
                data:
                  make_embeddings: {n_samples: 300, n_features: 24, n_informative: 4, shift: 0.5}
                  %s
                  split: {test_size: 0.25, random_state: 7}
                model:
                  - linear: 1
                loss: bce_with_logits
                optimizer:
                  adam: {lr: 0.01}
                train: {epochs: 2, batch_size: 16}
                """.formatted(preprocess);
        Path file = dir.resolve("views.yaml");
        Files.writeString(file, yaml);
        Scenario s = ScenarioLoader.load(file, new Workspace(dir, dir)).base();
        return PreparedData.of(s);
    }

    @Test
    void viewSplitsHoldTheSelectedRowsWithoutCopyingThem(@TempDir Path dir) throws IOException {
        PreparedData data = prepare(dir, "");
        Split train = data.trainSplit();
        assertNotNull(train.rowIndex(), "no preprocessing: the split is a view");
        assertSame(data.all().float32Store(), train.x(), "the view reads the generated matrix itself");
        check(train, data.trainRaw());
        check(data.testSplit(), data.testRaw());
        assertSame(data.trainRaw(), data.train(), "no preprocessing: processed rows are the raw rows");
        DataFacts viaCopies = FactsOf.compute("s", data.all(), train.rowIndex(), data.train(), data.test());
        DataFacts viaViews = data.facts();
        assertEquals(viaCopies.raw(), viaViews.raw());
        // the copy sums its rows in split order, the view in storage order: the same statistics up to rounding
        for (int c = 0; c < viaViews.raw().size(); c++) {
            DataFacts.FeatureStats copy = viaCopies.preprocessed().get(c);
            DataFacts.FeatureStats view = viaViews.preprocessed().get(c);
            assertEquals(copy.mean(), view.mean(), 1e-12, "mean of column " + c);
            assertEquals(copy.std(), view.std(), 1e-12, "std of column " + c);
            assertEquals(copy.min(), view.min(), "min of column " + c);
            assertEquals(copy.max(), view.max(), "max of column " + c);
        }
        assertArrayEquals(viaCopies.trainClassCounts(), viaViews.trainClassCounts());
        assertEquals(viaCopies.fingerprint(), viaViews.fingerprint());
        assertEquals(viaCopies.labelsSorted(), viaViews.labelsSorted());
        assertEquals(viaCopies.trainRows(), viaViews.trainRows());
        assertEquals(viaCopies.testRows(), viaViews.testRows());
    }

    @Test
    void preprocessedSplitsAreTheirOwnArrays(@TempDir Path dir) throws IOException {
        PreparedData data = prepare(dir, "preprocess: standard_scaler");
        assertNull(data.trainSplit().rowIndex());
        check(data.trainSplit(), data.train());
        check(data.testSplit(), data.test());
    }

    private static void check(Split split, Dataset rows) {
        assertEquals(rows.rows(), split.rows());
        for (int r = 0; r < rows.rows(); r++) {
            assertEquals(rows.labels()[r], split.labels()[r], "label of row " + r);
            for (int c = 0; c < rows.cols(); c++) {
                float expected = (float) rows.get(r, c);
                assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(split.x().get((long) split.storageRow(r) * split.cols() + c)),
                        split.name() + " row " + r + " column " + c);
            }
        }
    }
}
