package dev.trainspec.report.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTableTest {
    /** The expected table, committed: src/test/resources/report/summary-golden.md. */
    static String golden() throws IOException {
        try (InputStream in = SummaryTableTest.class.getResourceAsStream("/report/summary-golden.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void matchesTheGoldenTable(@TempDir Path dir) throws IOException {
        SummaryFixture.write(dir);
        String md = SummaryTable.markdown(ResultFiles.read(dir.resolve("results")).files(), dir.resolve("baselines"),
                "https://acme.github.io/models/pr/12/");
        if (System.getProperty("trainspec.golden.write") != null) Files.writeString(Path.of("src/test/resources/report/summary-golden.md"), md);
        assertEquals(golden(), md);
    }

    @Test
    void withoutBaselinesTheDeltaColumnIsEmptyAndWithoutResultsTheTableSaysSo(@TempDir Path dir) throws IOException {
        SummaryFixture.write(dir);
        String md = SummaryTable.markdown(ResultFiles.read(dir.resolve("results")).files(), null, null);
        assertTrue(md.contains("| \u2705 passed | `seeds/two-moons-sgd` | base | mean test.accuracy 0.8239 (3 runs) |  |"), md);
        assertEquals("### trainspec: 0 passed, 0 failed, 0 errors\n\n_No scenario results found._\n",
                SummaryTable.markdown(java.util.List.of(), null, null));
    }

    @Test
    void aFileThatTrainedNothingIsAnErrorRowWithItsFirstProblem() {
        Map<String, Object> invalid = Map.of("id", "bad", "file", "scenarios/bad.yaml", "status", "error",
                "error", "scenarios/bad.yaml:3:1: unknown key 'mdoel'\nscenarios/bad.yaml:9:5: lr: expected a positive number", "variants", List.of());
        String md = SummaryTable.markdown(List.of(invalid), null, null);
        assertTrue(md.startsWith("### trainspec: 0 passed, 0 failed, 1 error\n"), md);
        assertTrue(md.contains("| \uD83D\uDCA5 error | `bad` |  |  |  | scenarios/bad.yaml:3:1: unknown key 'mdoel' |"), md);
    }

    @Test
    void cellsNeverBreakTheTable() {
        assertEquals("a \\| b c", SummaryTable.cell("a | b\nc"));
        assertEquals(SummaryTable.NOTE_LENGTH, SummaryTable.cell("x".repeat(500)).length());
    }

    @Test
    void aFileThatIsNotAResultIsSkippedAndNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("other.json"), "{\"name\": 1}");
        Files.writeString(dir.resolve("array.json"), "[1,2,3]");
        Files.writeString(dir.resolve("broken\u001b.json"), "{\"id\": ");
        Files.writeString(dir.resolve("r.json"), "{\"id\": \"r\", \"variants\": []}");
        ResultFiles.Results read = ResultFiles.read(dir);
        assertEquals(List.of("r"), read.files().stream().map(m -> m.get("id")).toList());
        assertEquals(3, read.skipped().size(), read.skipped().toString());
        assertTrue(read.skipped().get(0).endsWith("array.json: not a trainspec result (expected an object with id and variants)"), read.skipped().toString());
        assertTrue(read.skipped().get(1).startsWith("skipped " + dir + "/broken\\e.json: "), read.skipped().toString());
        assertTrue(read.skipped().get(2).endsWith("other.json: not a trainspec result (expected an object with id and variants)"), read.skipped().toString());
    }
}
