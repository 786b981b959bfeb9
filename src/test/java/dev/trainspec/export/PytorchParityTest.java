package dev.trainspec.export;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.run.Discovery;
import dev.trainspec.run.ScenarioRunner;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parity suite ({@code mvn -B -Pparity test}): every variant of every bundled scenario and of
 * the {@link VocabularyMatrix} is exported, run on PyTorch, and its per-epoch histories are
 * compared with the Java engine's within {@link Tolerances}. The table of the figures goes to
 * {@code -Dtrainspec.parity.table=PATH} (the profile: docs/parity.md); {@code -Dtrainspec.parity.only=TEXT[,TEXT...]} keeps
 * the ids that contain one of the TEXTs (matrix: the vocabulary only; matrix/conv,datasets/: those). Skipped, saying why, without
 * {@code -Dtrainspec.parity=true} or without a Python that has PyTorch.
 */
class PytorchParityTest {
    private static final List<ParityTable.Row> ROWS = new ArrayList<>();

    @TempDir
    static Path workspace;

    @TestFactory
    Stream<DynamicTest> everyVariantMatchesPyTorch() throws IOException {
        // a skipped test that says why, rather than an empty factory Surefire would not show at all
        if (!Boolean.getBoolean("trainspec.parity")) return skipped("the parity suite runs with -Pparity (-Dtrainspec.parity=true)");
        PytorchEngine engine = TorchPython.engine();
        if (engine == null) return skipped(TorchPython.skipReason());
        Path root = Path.of(System.getProperty("trainspec.root", "."));
        List<Path> files = new ArrayList<>(Discovery.find(List.of(root.resolve("scenarios")), root.resolve("scenarios"), null));
        files.addAll(VocabularyMatrix.write(workspace));
        List<String> only = List.of(System.getProperty("trainspec.parity.only", "").split(","));
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            for (Scenario s : ScenarioLoader.load(file).variants()) {
                if (only.stream().noneMatch(s.id()::contains)) continue;
                tests.add(DynamicTest.dynamicTest(s.id() + " [" + s.variant() + "]", () -> compare(engine, s)));
            }
        }
        return tests.stream();
    }

    private static Stream<DynamicTest> skipped(String reason) {
        return Stream.of(DynamicTest.dynamicTest("parity with PyTorch", () -> Assumptions.abort(reason)));
    }

    private static void compare(PytorchEngine engine, Scenario s) {
        VariantResult torch = engine.runVariant(s);
        assertNull(torch.error(), () -> "PyTorch: " + torch.error());
        VariantResult java = ScenarioRunner.runVariant(s);
        assertNull(java.error(), () -> "Java: " + java.error());
        HistoryDiff diff = HistoryDiff.of(java, torch);
        ParityTable.Row row = new ParityTable.Row(s.id(), s.variant(), diff,
                HistoryDiff.firstEpochRel(java.runs(), torch.runs(), "train.running_loss"), java.seconds(), torch.seconds());
        synchronized (ROWS) {
            ROWS.add(row);
        }
        List<String> misses = Tolerances.misses(Tolerances.key(s.id(), s.variant()), diff, row.firstEpochRel());
        assertTrue(misses.isEmpty(), () -> s.id() + " [" + s.variant() + "]: " + String.join("; ", misses));
    }

    @AfterAll
    static void writeTable() throws IOException {
        String target = System.getProperty("trainspec.parity.table");
        if (ROWS.isEmpty() || target == null || target.isBlank()) return;
        Files.writeString(Path.of(target), ParityTable.markdown(ROWS, TorchPython.engine().version()));
    }
}
