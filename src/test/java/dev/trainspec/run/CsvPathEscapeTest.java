package dev.trainspec.run;

import dev.trainspec.scenario.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.engine.data.CsvOptionException;
import dev.trainspec.engine.data.CsvOptions;
import dev.trainspec.engine.data.CsvReader;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A csv path may not leave the repository: not by '..', not as an absolute path, not through a
 * link; refused by the loader, and again where the file is opened (a link swapped in after
 * loading).
 */
class CsvPathEscapeTest {
    @TempDir
    Path tmp;
    private Path repo;
    private Path scenarios;
    private Path secret;

    @BeforeEach
    void layout() throws IOException {
        repo = tmp.resolve("repo");
        scenarios = Files.createDirectories(repo.resolve("scenarios"));
        Files.createDirectories(repo.resolve("data"));
        Files.writeString(repo.resolve("data/ok.csv"), "a,y\n1,x\n2,y\n3,x\n4,y\n5,x\n6,y\n7,x\n8,y\n");
        secret = Files.writeString(Files.createDirectories(tmp.resolve("outside")).resolve("secret.csv"), "a,y\n9,x\n9,y\n9,x\n9,y\n");
    }

    private Path scenario(String path) throws IOException {
        return Files.writeString(scenarios.resolve("s.yaml"), "title: t\ndata:\n  csv: {path: '" + path + "'}\n"
                + "model: [{linear: 2}]\nloss: cross_entropy\noptimizer: {sgd: {lr: 0.1}}\ntrain: {epochs: 1}\n");
    }

    private String loadError(String path) throws IOException {
        Path file = scenario(path);
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, new Workspace(repo, scenarios))).getMessage();
    }

    @Test
    void theLoaderRefusesDotDotAbsoluteAndLinksOut() throws IOException {
        assertTrue(loadError("../../outside/secret.csv").endsWith("s.yaml:3:15: data.csv.path: expected a CSV file inside the repository, "
                + "relative to the scenario, found '../../outside/secret.csv', which leaves the repository"), loadError("../../outside/secret.csv"));
        assertTrue(loadError(secret.toString()).contains("which leaves the repository"), loadError(secret.toString()));
        Files.createSymbolicLink(repo.resolve("data/link.csv"), secret);
        assertTrue(loadError("../data/link.csv").endsWith("found '../data/link.csv', a link to a file outside the repository"),
                loadError("../data/link.csv"));
    }

    @Test
    void aLinkSwappedInAfterLoadingIsRefusedWhereTheFileIsOpened() throws IOException {
        Scenario s = ScenarioLoader.load(scenario("../data/ok.csv"), new Workspace(repo, scenarios)).base();
        assertEquals(8, PreparedData.of(s).trainSplit().rows() + PreparedData.of(s).testSplit().rows());
        Files.delete(repo.resolve("data/ok.csv"));
        Files.createSymbolicLink(repo.resolve("data/ok.csv"), secret);
        ScenarioException e = assertThrows(ScenarioException.class, () -> PreparedData.of(s));
        String m = e.getMessage();
        assertTrue(m.contains("s.yaml:3:15: data.csv.path: expected a file inside the repository, found data/ok.csv, "
                + "a link to a file outside the repository"), m);
        String what = m.substring(m.indexOf("data.csv.path:")); // the scenario's own path is shown as it was given
        assertFalse(what.contains(repo.toAbsolutePath().toString()) || what.contains(secret.toString()), "no absolute path in a public message: " + m);
    }

    @Test
    void theReaderAloneRefusesDotDotRelativePathsAndFilesOutsideTheRoot() throws IOException {
        CsvOptions o = CsvOptions.defaults();
        Path dotDot = repo.resolve("data/../../outside/secret.csv");
        CsvOptionException e = assertThrows(CsvOptionException.class, () -> CsvReader.read(dotDot, repo, o));
        assertEquals("path: expected a path without '..' or '.' segments, found a path with them", e.getMessage());
        e = assertThrows(CsvOptionException.class, () -> CsvReader.read(Path.of("data/ok.csv"), repo, o));
        assertEquals("path", e.key());
        e = assertThrows(CsvOptionException.class, () -> CsvReader.read(secret, repo, o));
        assertEquals("path: expected a file inside the repository, found a path that leaves it", e.getMessage());
        assertEquals(8, CsvReader.read(repo.resolve("data/ok.csv"), repo, o).data().rows());
    }

    @Test
    void aLinkThatStaysInsideTheRepositoryIsFine() throws IOException {
        Files.createSymbolicLink(repo.resolve("data/alias.csv"), repo.resolve("data/ok.csv"));
        Scenario s = ScenarioLoader.load(scenario("../data/alias.csv"), new Workspace(repo, scenarios)).base();
        PreparedData d = PreparedData.of(s);
        assertEquals(2, d.trainSplit().classes());
    }
}
