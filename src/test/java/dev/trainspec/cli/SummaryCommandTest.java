package dev.trainspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainspec.report.summary.SummaryFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
}
