package dev.trainspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.scenario.Printable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweep F: a file name from a pull request cannot start a line of the CLI's output (a CI workflow command) or reach the terminal raw. */
class HostileFileNamesTest {
    static final String SCENARIO = """
            title: x
            data:
              make_moons: {n_samples: 40, random_state: 1}
              split: {test_size: 0.25, random_state: 1}
            model: [{linear: 2}]
            loss: cross_entropy
            optimizer: {sgd: {lr: 0.1}}
            train: {epochs: 2, batch_size: 16}
            expect: [test.accuracy >= 1.5]
            """;

    @Test
    void everyLineOfRunIsPrintable(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        // an explicit id: it runs, and its failure line names the file
        Files.writeString(scenarios.resolve("nl\n::error::x.yaml"), "id: nl_x\n" + SCENARIO);
        // no id: the name is no valid id, the file is invalid, and the progress line names it
        Files.writeString(scenarios.resolve("esc\u001b[31mred\n::warning::y.yaml"), SCENARIO);
        Cli.Outcome o = Cli.execute("run", scenarios.toString());
        assertEquals(ExitCodes.INVALID, o.exit(), o.stdout() + o.stderr());
        assertEquals(Printable.lines(o.stdout()), o.stdout());
        assertEquals(Printable.lines(o.stderr()), o.stderr());
        assertTrue(o.stderr().contains("esc\\e[31mred\\n::warning::y.yaml"), o.stderr());
        assertTrue(o.stdout().contains("scenarios/nl\\n::error::x.yaml:10: [base] test.accuracy >= 1.5"), o.stdout());
        // one row per file, neither broken by the newline of its name
        assertEquals(1, o.stdout().lines().filter(l -> l.startsWith("failed ") && l.contains("nl_x")).count(), o.stdout());
        assertEquals(1, o.stdout().lines().filter(l -> l.startsWith("refused ") && l.contains("esc\\e[31mred\\n::warning::y.yaml")).count(), o.stdout());
    }
}
