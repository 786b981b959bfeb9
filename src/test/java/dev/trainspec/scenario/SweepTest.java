package dev.trainspec.scenario;

import dev.trainspec.scenario.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep:} expands into one named variant per cell of the cartesian product. */
class SweepTest {
    private static final Path VALID = Path.of("src/test/resources/valid");

    @TempDir
    Path dir;

    @Test
    void everyCombinationBecomesANamedVariantFirstPathSlowest() {
        ScenarioFile f = ScenarioLoader.load(VALID.resolve("sweep.yaml"), new Workspace(Path.of("").toAbsolutePath(), VALID));
        List<String> names = f.variants().stream().map(Scenario::variant).toList();
        assertEquals(List.of("base", "lr_0_001__batch_size_16", "lr_0_001__batch_size_64", "lr_0_01__batch_size_16",
                "lr_0_01__batch_size_64", "lr_0_1__batch_size_16", "lr_0_1__batch_size_64"), names);
        Scenario cell = f.variants().get(5);
        assertEquals("adam", cell.optimizer().name());
        assertEquals(0.1, cell.optimizer().params().getDouble("lr"));
        assertEquals(16, cell.train().batchSize());
        assertEquals(20, cell.train().epochs(), "everything else comes from the file");
        assertEquals(1, cell.expect().size(), "the file's expectations apply to every cell");
    }

    @Test
    void aWrongPathIsReportedOnceAtTheSweepLine() throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, Files.readString(VALID.resolve("sweep.yaml")).replace("optimizer.adam.lr:", "optimizer.adam.lrate:"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, new Workspace(dir, dir)));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(file + ":11:3: sweep.optimizer.adam: unknown key 'lrate' (expected one of the keys lr, betas, eps, weight_decay, amsgrad)",
                e.getMessage());
    }

    @Test
    void numbersNameCellsByValue() throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, Files.readString(VALID.resolve("sweep.yaml")).replace("[0.001, 0.01, 0.1]", "[1e-3, 1.0e-1]")
                .replace("[16, 64]", "[1_024]"));
        List<String> names = ScenarioLoader.load(file, new Workspace(dir, dir)).variants().stream().map(Scenario::variant).toList();
        assertEquals(List.of("base", "lr_0_001__batch_size_1024", "lr_0_1__batch_size_1024"), names);
    }
}
