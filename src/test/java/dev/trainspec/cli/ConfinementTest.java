package dev.trainspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trainspec.scenario.HostileWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, leaks and green-by-accident: a scenario path that is a link out of the workspace, a
 * FIFO or a device is refused without reading it and without quoting a byte of what it points
 * at; two files with one id; a folder with nothing to check; a JSON result that cannot be
 * written fails its scenario and the others still run.
 */
class ConfinementTest {
    private static final String MOONS = """
            data: {make_moons: {n_samples: 40, noise: 0.1}}
            model: [linear: 4, relu, linear: classes]
            loss: cross_entropy
            optimizer: {adam: {lr: 0.05}}
            train: {epochs: 20, batch_size: 8}
            expect: ["train.loss < 100"]
            """;

    @TempDir
    Path tmp;
    Path root;
    Path scenarios;
    Path outside;

    @BeforeEach
    void workspace() throws IOException {
        root = HostileWorkspace.root(tmp);
        scenarios = Files.createDirectories(root.resolve("scenarios"));
        outside = HostileWorkspace.secret(tmp, "token: {");
    }

    private Cli.Outcome lint(Path path) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.execute("lint", path.toString()));
    }

    /** lint of {@code path} checks one file, refuses it with exactly {@code message} and exits 2. */
    private Cli.Outcome assertOneRefused(Path path, String message) {
        Cli.Outcome o = lint(path);
        assertEquals(ExitCodes.INVALID, o.exit());
        assertEquals(message + "\n1 scenario file(s) checked, 1 invalid\n", o.stderr());
        return o;
    }

    @Test
    void aScenarioLinkedOutOfTheWorkspaceIsRefusedWithoutQuotingIt() throws IOException {
        Path link = Files.createSymbolicLink(scenarios.resolve("x.yaml"), outside);
        Cli.Outcome o = assertOneRefused(scenarios, link + ":1:1: expected a scenario file: a file inside the repository"
                + ", found a link to a file outside the repository");
        assertFalse(o.stderr().contains(HostileWorkspace.SECRET));
    }

    @Test
    void anExtendsLinkedOutOfTheWorkspaceIsRefusedWithoutQuotingIt() throws IOException {
        Files.createSymbolicLink(scenarios.resolve("parent.yaml"), outside);
        Path child = Files.writeString(scenarios.resolve("child.yaml"), "extends: parent.yaml\n" + MOONS);
        assertOneRefused(child, child + ":1:10: extends: expected a path to a scenario file relative to this one, inside the repository, "
                + "found 'parent.yaml', a link to a file outside the repository");
    }

    @Test
    void aFifoIsRefusedInsteadOfBlockingForever() throws Exception {
        Path fifo = scenarios.resolve("f.yaml");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("no mkfifo on this system: a FIFO cannot be made to test with"); // reported as skipped, with the reason
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        assertOneRefused(scenarios, fifo + ":1:1: expected a scenario file: a regular file, found a FIFO, socket or device");
    }

    @Test
    void aLinkToADeviceInsideTheWorkspaceIsStillNotRead() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero");
        // the device is outside the workspace; a link to it is refused before its kind is even asked
        Path zero = Files.createSymbolicLink(scenarios.resolve("z.yaml"), Path.of("/dev/zero"));
        Cli.Outcome o = lint(zero);
        assertEquals(ExitCodes.INVALID, o.exit());
        assertTrue(o.stderr().startsWith(zero + ":1:1: expected a scenario file: a file inside the repository, "), o.stderr());
    }

    @Test
    void twoFilesWithOneIdAreAnErrorNamingBoth() throws IOException {
        Path a = Files.writeString(scenarios.resolve("a.yaml"), "id: seeds//moons\n" + MOONS);
        Path b = Files.writeString(scenarios.resolve("b.yaml"), "id: seeds/moons\n" + MOONS);
        Cli.Outcome o = lint(scenarios);
        assertEquals(ExitCodes.INVALID, o.exit());
        String expected = ":1:1: id: expected an id no other scenario file uses (it names the JSON result and the snapshot), "
                + "found '%s', also the id of scenarios/%s.yaml: none of them runs (set a different id in all but one of them)\n";
        assertEquals(a + expected.formatted("seeds//moons", "b") + b + expected.formatted("seeds/moons", "a")
                + "2 scenario file(s) checked, 2 invalid\n", o.stderr());
    }

    @Test
    void aFolderWithNothingToCheckDoesNotPass() {
        Cli.Outcome lint = lint(scenarios);
        assertEquals(ExitCodes.INVALID, lint.exit());
        assertEquals("no scenario file (*.yaml, *.yml) under [" + scenarios + "]: nothing was checked\n", lint.stderr());
        Cli.Outcome run = Cli.execute("run", "--json", tmp.resolve("out").toString(), scenarios.toString());
        assertEquals(ExitCodes.INVALID, run.exit());
    }

    @Test
    void aJsonResultThatCannotBeWrittenFailsItsScenarioAndTheOthersRun() throws IOException {
        Files.writeString(scenarios.resolve("a.yaml"), MOONS);
        Files.writeString(scenarios.resolve("b.yaml"), MOONS);
        Path json = Files.createDirectories(tmp.resolve("json"));
        Files.createDirectory(json.resolve("a.json")); // a folder where a's result should go
        Cli.Outcome o = Cli.execute("run", "--json", json.toString(), scenarios.toString());
        assertEquals(ExitCodes.FAILED, o.exit(), o.stdout() + o.stderr());
        assertTrue(o.stderr().contains("scenarios/a.yaml: cannot write its JSON result in " + json
                + ": expected a regular file or no file, found a folder\n"), o.stderr());
        assertTrue(o.stdout().contains("2 passed, 0 failed"), "both scenarios ran and passed: " + o.stdout());
        assertTrue(Files.isRegularFile(json.resolve("b.json")), "b's result was written");
        try (var left = Files.list(json)) {
            assertEquals(List.of("a.json", "b.json"), left.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
    }

    @Test
    void summaryIgnoresTheTemporaryFilesOfAKilledRun() throws IOException {
        Files.writeString(scenarios.resolve("a.yaml"), MOONS);
        Path json = tmp.resolve("json");
        assertEquals(ExitCodes.PASSED, Cli.execute("run", "--json", json.toString(), scenarios.toString()).exit());
        Files.writeString(json.resolve(".tmp-123.json"), "{\"id\": \"a\", \"vari"); // cut off mid-write
        Cli.Outcome o = Cli.execute("summary", "--json", json.toString());
        assertEquals(ExitCodes.PASSED, o.exit(), o.stderr());
        assertTrue(o.stdout().startsWith("### trainspec: 1 passed, 0 failed, 0 errors"), o.stdout());
    }
}
