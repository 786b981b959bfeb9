package dev.trainspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweep finding: a file from a pull request declared another file's id, so the victim (with a
 * failing expectation) was refused, the hostile file passed and wrote victim.json, and the
 * comment said the victim was fixed; which file won depended on the names' sort order. Now both
 * are invalid, neither trains, and each writes an error result under its own default id,
 * whatever the names.
 */
class DuplicateIdTest {
    private static final String MOONS = """
            data:
              make_moons: {n_samples: 40, random_state: 1}
              split: {test_size: 0.25, random_state: 1}
            model: [{linear: 2}]
            loss: cross_entropy
            optimizer: {sgd: {lr: 0.1}}
            train: {epochs: 3, batch_size: 16}
            """;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"a", "zz"}) // before and after victim.yaml in sorted order
    void aFileThatTakesAnotherFilesIdMakesBothErrors(String hostile) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(root.resolve(".git"));
        Path scenarios = Files.createDirectories(root.resolve("scenarios"));
        Path victim = Files.writeString(scenarios.resolve("victim.yaml"), "title: victim\n" + MOONS + "expect: [test.accuracy >= 0.99]\n");
        Path other = Files.writeString(scenarios.resolve(hostile + ".yaml"), "id: victim\ntitle: hostile\n" + MOONS);
        Path out = tmp.resolve("out");

        Cli.Outcome run = Cli.execute("run", "--json", out.toString(), scenarios.toString());
        assertEquals(ExitCodes.INVALID, run.exit(), run.stderr());
        List<String> progress = run.stderr().lines().filter(l -> l.startsWith("[")).toList();
        List<Path> sorted = hostile.equals("a") ? List.of(other, victim) : List.of(victim, other);
        assertEquals(List.of("[1/2] " + sorted.get(0), "[2/2] " + sorted.get(1)), progress, "files still run and print in order");
        String victimJson = Files.readString(out.resolve("victim.json"));
        assertTrue(victimJson.startsWith("{\"id\":\"victim\",\"file\":\"scenarios/victim.yaml\",\"status\":\"error\""), victimJson);
        assertTrue(victimJson.contains("also the id of scenarios/" + hostile + ".yaml"), victimJson);
        String hostileJson = Files.readString(out.resolve(hostile + ".json"));
        assertTrue(hostileJson.startsWith("{\"id\":\"" + hostile + "\",\"file\":\"scenarios/" + hostile + ".yaml\",\"status\":\"error\""), hostileJson);
        assertTrue(hostileJson.contains("also the id of scenarios/victim.yaml"), hostileJson);
        assertTrue(run.stdout().endsWith("0 passed, 0 failed, 2 refused before training\n"), "neither trains: " + run.stdout());

        Cli.Outcome lint = Cli.execute("lint", scenarios.toString());
        assertEquals(ExitCodes.INVALID, lint.exit());
        assertTrue(lint.stderr().endsWith("2 scenario file(s) checked, 2 invalid\n"), lint.stderr());
    }
}
