package dev.trainspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's contract (SCENARIOS.md section 7): exit codes, JSON results, data dump, schema. */
class MainTest {
    private static final Path SCENARIOS = Path.of("src/test/resources/cli/scenarios");

    @TempDir
    Path out;

    record Outcome(int exit, String stdout, String stderr) {}

    static Outcome execute(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int exit = Main.execute(args);
            return new Outcome(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void runExitsZeroWhenEveryExpectationHoldsAndWritesJson() throws IOException {
        Outcome o = execute("run", "--json", out.toString(), SCENARIOS.resolve("ok").toString());
        assertEquals(0, o.exit(), o.stdout() + o.stderr());
        assertTrue(o.stdout().contains("1 passed, 0 failed"), o.stdout());
        // outside <root>/scenarios the id is the path below the workspace root (the repository)
        String json = Files.readString(out.resolve("src/test/resources/cli/scenarios/ok/moons.json"));
        assertTrue(json.startsWith("{\"id\":\"src/test/resources/cli/scenarios/ok/moons\""), json);
        assertTrue(json.contains("\"status\":\"passed\""), json);
        assertTrue(json.contains("\"test.accuracy\""), json);
    }

    @Test
    void runExitsOneWhenAnExpectationFails() {
        Outcome o = execute("run", "--json", out.toString(), SCENARIOS.resolve("failing").toString());
        assertEquals(1, o.exit(), o.stdout() + o.stderr());
        assertTrue(o.stdout().contains("test.accuracy > 0.999"), o.stdout());
    }

    @Test
    void runAndLintExitTwoOnAnInvalidScenarioWithTheLoadersMessage() {
        Outcome run = execute("run", "--json", out.toString(), SCENARIOS.resolve("invalid").toString());
        assertEquals(2, run.exit());
        assertTrue(run.stderr().contains("typo.yaml:7:18: optimizer.sgd: "), run.stderr());
        assertTrue(run.stderr().contains("did you mean 'momentum'"), run.stderr());
        Outcome lint = execute("lint", SCENARIOS.resolve("invalid").toString());
        assertEquals(2, lint.exit());
        assertEquals(0, execute("lint", SCENARIOS.resolve("ok").toString()).exit());
    }

    @Test
    void dataWritesRowsThatParseBackAndSplitsThatPartitionThem() {
        Path scenario = SCENARIOS.resolve("ok/moons.yaml");
        List<String> all = execute("data", scenario.toString()).stdout().lines().toList();
        assertEquals("x0,x1,y", all.get(0));
        assertEquals(201, all.size());
        List<String> train = execute("data", scenario.toString(), "--split", "train", "--raw").stdout().lines().toList();
        List<String> test = execute("data", scenario.toString(), "--split", "test", "--raw").stdout().lines().toList();
        assertEquals(150, train.size() - 1);
        assertEquals(50, test.size() - 1);
        java.util.Set<String> rows = new java.util.HashSet<>(all.subList(1, all.size()));
        assertTrue(rows.containsAll(train.subList(1, train.size())) && rows.containsAll(test.subList(1, test.size())));
        List<String> scaled = execute("data", scenario.toString(), "--split", "train").stdout().lines().toList();
        double sum = scaled.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[0])).sum();
        assertEquals(0.0, sum / 150, 1e-12, "standard_scaler centres the training rows");
    }

    @Test
    void schemaIsJsonThatNamesTheKeys() {
        Outcome o = execute("schema");
        assertEquals(0, o.exit());
        assertTrue(o.stdout().trim().startsWith("{") && o.stdout().contains("\"make_moons\"") && o.stdout().contains("\"optimizer\""));
    }
}
