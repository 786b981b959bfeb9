package dev.trainspec.scenario;

import dev.trainspec.scenario.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A symbolic link inside the repository may not lead extends or csv outside it. */
class ExtendsLinksTest {
    private static final String BODY = """
            data:
              csv: {path: data.csv}
            model: [linear: 2]
            loss: cross_entropy
            optimizer: {sgd: {lr: 0.1}}
            train: {epochs: 1}
            """;

    @Test
    void linksThatLeaveTheRepositoryAreRefused(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo/scenarios"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("parent.yaml"), "seed: 1\n");
        Files.writeString(outside.resolve("data.csv"), "x,y\n1,0\n");
        Files.createSymbolicLink(repo.resolve("parent.yaml"), outside.resolve("parent.yaml"));
        Files.createSymbolicLink(repo.resolve("data.csv"), outside.resolve("data.csv"));
        Path file = Files.writeString(repo.resolve("s.yaml"), "extends: parent.yaml\n" + BODY);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, new Workspace(repo.getParent(), repo)));
        String m = e.getMessage().replace(repo + "/", "");
        assertEquals("""
                s.yaml:1:10: extends: expected a path to a scenario file relative to this one, inside the repository, \
                found 'parent.yaml', a link to a file outside the repository
                s.yaml:3:15: data.csv.path: expected a CSV file inside the repository, relative to the scenario, \
                found 'data.csv', a link to a file outside the repository""", m);
    }

    @Test
    void csvInsideTheRepositoryBecomesAnAbsolutePath(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo/scenarios/sub"));
        Files.writeString(repo.resolve("data.csv"), "x,y\n1,0\n");
        Path file = Files.writeString(repo.resolve("s.yaml"), BODY);
        ScenarioFile f = ScenarioLoader.load(file, new Workspace(repo.getParent().getParent(), repo.getParent()));
        assertEquals("sub/s", f.id());
        assertEquals(repo.resolve("data.csv").toString(), f.base().data().source().params().getString("path"));
    }
}
