package dev.trainspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.report.summary.SummaryFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCommandTest {
    @Test
    void printsTheGoldenTableAsUtf8(@TempDir Path dir) throws IOException {
        SummaryFixture.write(dir);
        String md = Cli.stdout("summary", "--json", dir.resolve("results").toString(), "--baseline", dir.resolve("baselines").toString(),
                "--report-url", "https://acme.github.io/models/pr/12/");
        try (InputStream in = getClass().getResourceAsStream("/report/summary-golden.md")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), md);
        }
    }

    @Test
    void aMissingDirectoryIsAUsageError(@TempDir Path dir) {
        assertEquals(ExitCodes.INVALID, Main.execute("summary", "--json", dir.resolve("nope").toString()));
    }

    /** Sweep F: one stray or broken JSON file among the results is named on stderr and skipped; the rest is summarized and compared. */
    @Test
    void strayJsonFilesAreSkippedAndNamed(@TempDir Path dir) throws IOException {
        SummaryFixture.write(dir);
        Path results = dir.resolve("results");
        Files.writeString(results.resolve("array.json"), "[1,2,3]");
        Files.writeString(results.resolve("broken\n::error::x.json"), "{\"id\": ");
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/report/summary-golden.md")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Cli.Outcome summary = Cli.execute("summary", "--json", results.toString(), "--baseline", dir.resolve("baselines").toString(),
                "--report-url", "https://acme.github.io/models/pr/12/");
        assertEquals(ExitCodes.PASSED, summary.exit(), summary.stderr());
        assertEquals(golden, summary.stdout());
        List<String> lines = summary.stderr().lines().toList();
        assertEquals(2, lines.size(), summary.stderr());
        assertTrue(lines.get(0).equals("skipped " + results.resolve("array.json") + ": not a trainspec result (expected an object with id and variants)"), lines.get(0));
        assertTrue(lines.get(1).startsWith("skipped " + results + "/broken\\n::error::x.json: "), lines.get(1));

        Cli.Outcome compare = Cli.execute("compare", results.toString(), results.toString());
        assertEquals(ExitCodes.PASSED, compare.exit(), compare.stderr());
        assertTrue(compare.stdout().startsWith("### trainspec: "), compare.stdout());
        assertEquals(4, compare.stderr().lines().count(), compare.stderr()); // two stray files on each side
    }
}
