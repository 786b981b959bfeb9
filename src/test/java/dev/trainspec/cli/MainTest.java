package dev.trainspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's contract (scenarios/README.md section 7): exit codes, JSON results, data dump, schema. */
class MainTest {
    private static final Path SCENARIOS = Path.of("src/test/resources/cli/scenarios");

    @TempDir
    Path out;

    /** Runs the CLI in this JVM with its output captured (ExitCodesTest shares it). */
    static Cli.Outcome execute(String... args) {
        return Cli.execute(args);
    }

    @Test
    void runExitsZeroWhenEveryExpectationHoldsAndWritesJson() throws IOException {
        Cli.Outcome o = execute("run", "--json", out.toString(), SCENARIOS.resolve("ok").toString());
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
        Cli.Outcome o = execute("run", "--json", out.toString(), SCENARIOS.resolve("failing").toString());
        assertEquals(1, o.exit(), o.stdout() + o.stderr());
        assertTrue(o.stdout().contains("test.accuracy > 0.999"), o.stdout());
    }

    @Test
    void runAndLintExitTwoOnAnInvalidScenarioWithTheLoadersMessage() {
        Cli.Outcome run = execute("run", "--json", out.toString(), SCENARIOS.resolve("invalid").toString());
        assertEquals(2, run.exit());
        assertTrue(run.stderr().contains("typo.yaml:7:18: optimizer.sgd: "), run.stderr());
        assertTrue(run.stderr().contains("did you mean 'momentum'"), run.stderr());
        Cli.Outcome lint = execute("lint", SCENARIOS.resolve("invalid").toString());
        assertEquals(2, lint.exit());
        assertEquals(0, execute("lint", SCENARIOS.resolve("ok").toString()).exit());
    }

    @Test
    void anInvalidScenarioWritesAnErrorResultThatReplacesAnEarlierOne() throws IOException {
        // section 7: status "error" covers an invalid scenario; a result left by an earlier run of the file must not read as this run's
        Path stale = out.resolve("src/test/resources/cli/scenarios/invalid/typo.json");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "{\"id\":\"src/test/resources/cli/scenarios/invalid/typo\",\"status\":\"passed\"}");
        assertEquals(2, execute("run", "--json", out.toString(), SCENARIOS.resolve("invalid").toString()).exit());
        String json = Files.readString(stale);
        assertTrue(json.startsWith("{\"id\":\"src/test/resources/cli/scenarios/invalid/typo\","
                + "\"file\":\"src/test/resources/cli/scenarios/invalid/typo.yaml\",\"status\":\"error\",\"error\":\""), json);
        assertTrue(json.contains("typo.yaml:7:18: optimizer.sgd: "), json);
        assertTrue(json.endsWith("\"variants\":[],\"comparisons\":[]}\n"), json);
    }

    @Test
    void aFileThatTakesTheIdOfAFileThatDoesNotLoadIsInvalidToo(@TempDir Path project) throws IOException {
        // a.yaml loads and takes the id "b", which is b.yaml's default id; b.yaml does not load. A passing a.yaml must not
        // stand in for b.yaml (the comment would say b is fixed): both are errors, each under its own default id
        Files.createDirectories(project.resolve(".git"));
        Path scenarios = Files.createDirectories(project.resolve("scenarios"));
        Files.writeString(scenarios.resolve("a.yaml"), Files.readString(SCENARIOS.resolve("ok/moons.yaml")).replaceFirst("(?m)^title:", "id: b\ntitle:"));
        Files.writeString(scenarios.resolve("b.yaml"), "title: [unclosed\n");
        assertEquals(ExitCodes.INVALID, execute("run", "--json", out.toString(), scenarios.toString()).exit());
        String b = Files.readString(out.resolve("b.json"));
        assertTrue(b.contains("\"file\":\"scenarios/b.yaml\",\"status\":\"error\""), b);
        String a = Files.readString(out.resolve("a.json"));
        assertTrue(a.contains("\"file\":\"scenarios/a.yaml\",\"status\":\"error\""), a);
        assertTrue(a.contains("found 'b', also the id of scenarios/b.yaml"), a);
    }

    @Test
    void aResultShowsFilesRelativeToTheRootHoweverTheRunWasGivenThem() throws IOException {
        // the JUnit engine gives absolute paths, the CLI what was typed: the JSON must read the same from both doors
        Path file = Path.of("src/test/resources/invalid/run/bce-on-three-classes.yaml");
        String id = "src/test/resources/invalid/run/bce-on-three-classes";
        for (Path given : List.of(file, file.toAbsolutePath())) {
            assertEquals(2, execute("run", "--json", out.toString(), given.toString()).exit());
            String json = Files.readString(out.resolve(id + ".json"));
            assertTrue(json.contains("\"error\":\"src/test/resources/invalid/run/bce-on-three-classes.yaml:5:7: loss: "), json);
            assertFalse(json.contains(Path.of("").toAbsolutePath().toString()), json);
        }
    }

    @Test
    void anInheritedExpectationIsShownAtItsLineInTheFileItIsIn(@TempDir Path project) throws IOException {
        // extends_line.yaml of the sweep: the parent's line was shown under the child's name
        Files.createDirectories(project.resolve(".git"));
        Path common = Files.createDirectories(project.resolve("scenarios/common"));
        Files.writeString(common.resolve("base.yaml"), Files.readString(SCENARIOS.resolve("ok/moons.yaml"))
                .replace("  - test.accuracy >= 0.9\n", "  - test.accuracy >= 0.999\n")); // line 16
        Path child = Files.createDirectories(project.resolve("scenarios/repro")).resolve("child.yaml");
        Files.writeString(child, "title: child\nextends: ../common/base.yaml\nvariants:\n  slow:\n    expect: [test.accuracy > 0.9999]\n");
        Cli.Outcome o = execute("run", "--json", out.toString(), child.toString());
        assertEquals(1, o.exit(), o.stdout() + o.stderr());
        assertTrue(o.stdout().contains("\nscenarios/common/base.yaml:16: [base] test.accuracy >= 0.999 (observed "), o.stdout());
        assertTrue(o.stdout().contains("\n" + child + ":5: [slow] test.accuracy > 0.9999 (observed "), o.stdout());
        String json = Files.readString(out.resolve("repro/child.json"));
        // section 7's line is in the result's file: a verdict says which file only when it is another
        assertTrue(json.contains("{\"text\":\"test.accuracy >= 0.999\",\"file\":\"scenarios/common/base.yaml\",\"line\":16,"), json);
        assertTrue(json.contains("{\"text\":\"test.accuracy > 0.9999\",\"line\":5,"), json);
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
        Cli.Outcome o = execute("schema");
        assertEquals(0, o.exit());
        assertTrue(o.stdout().trim().startsWith("{") && o.stdout().contains("\"make_moons\"") && o.stdout().contains("\"optimizer\""));
    }
}
