package dev.trainspec.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Git's own folder is not repository content: on CI, actions/checkout may keep a token in
 * .git/config, and a csv or extends path into it used to have its content quoted in public
 * messages (a header "['[core]']", a value "found 'core]'"). Any path through a folder named
 * .git, as written or after following links, is refused without reading it.
 */
class GitFolderTest {
    private static final String BODY = """
            model: [linear: 2]
            loss: cross_entropy
            optimizer: {sgd: {lr: 0.1}}
            train: {epochs: 1}
            """;
    private static final String HINT = "(git's own folder may hold credentials, such as a CI token in .git/config; use a file of the working tree)";

    @TempDir
    Path tmp;
    Path root;
    Path scenarios;

    @BeforeEach
    void repository() throws IOException {
        root = HostileWorkspace.root(tmp);
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/config"), "[core]\n\textraheader = AUTHORIZATION: basic " + HostileWorkspace.SECRET + "\n");
        Files.writeString(root.resolve(".git/data.csv"), "a,y\n1," + HostileWorkspace.SECRET + "\n");
        scenarios = Files.createDirectories(root.resolve("scenarios"));
    }

    private String loadError(Path file) {
        String m = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, new Workspace(root))).messageIn(new Workspace(root));
        assertFalse(m.contains(HostileWorkspace.SECRET) || m.contains("core"), "nothing of .git/config is quoted: " + m);
        assertFalse(m.contains(root.toString()), "no absolute root in a public message: " + m);
        return m;
    }

    @Test
    void aCsvPathThroughDotGitIsRefused() throws IOException {
        Path file = Files.writeString(scenarios.resolve("s.yaml"), "data:\n  csv: {path: ../.git/config, delimiter: '[', label: AUTHORIZATION}\n" + BODY);
        assertEquals("scenarios/s.yaml:2:15: data.csv.path: expected a CSV file inside the repository, relative to the scenario, "
                + "outside its .git folder, found '../.git/config', a path through the .git folder " + HINT, loadError(file));
    }

    @Test
    void anExtendsPathThroughDotGitIsRefused() throws IOException {
        Path file = Files.writeString(scenarios.resolve("s.yaml"), "extends: ../.git/config\ntitle: x\n");
        assertEquals("scenarios/s.yaml:1:10: extends: expected a path to a scenario file relative to this one, inside the repository, "
                + "outside its .git folder, found '../.git/config', a path through the .git folder " + HINT, loadError(file));
    }

    @Test
    void aLinkIntoDotGitIsRefusedAfterResolvingIt() throws IOException {
        Files.createSymbolicLink(scenarios.resolve("meta"), root.resolve(".git"));
        Files.createSymbolicLink(scenarios.resolve("c.csv"), root.resolve(".git/data.csv"));
        Path viaFolder = Files.writeString(scenarios.resolve("a.yaml"), "data:\n  csv: {path: meta/data.csv}\n" + BODY);
        assertTrue(loadError(viaFolder).endsWith("found 'meta/data.csv', a path through the .git folder " + HINT), loadError(viaFolder));
        Path viaFile = Files.writeString(scenarios.resolve("b.yaml"), "data:\n  csv: {path: c.csv}\n" + BODY);
        assertTrue(loadError(viaFile).endsWith("found 'c.csv', a path through the .git folder " + HINT), loadError(viaFile));
    }

    @Test
    void aScenarioFileUnderDotGitIsRefused() throws IOException {
        Path file = Files.writeString(root.resolve(".git/x.yaml"), "data: {make_moons: {n_samples: 40}}\n" + BODY);
        assertEquals(".git/x.yaml:1:1: expected a scenario file: a file inside the repository, outside its .git folder, "
                + "found a path through the .git folder " + HINT, loadError(file));
    }

    @Test
    void theWorkspaceRuleItself() throws IOException {
        Workspace w = new Workspace(root);
        assertFalse(w.contains(root.resolve(".git/config")));
        assertFalse(w.contains(root.resolve("sub/.GIT/config")), "one folder on a case-insensitive file system");
        Files.createSymbolicLink(root.resolve("meta"), root.resolve(".git"));
        assertFalse(w.contains(root.resolve("meta/config")));
        assertTrue(w.contains(root.resolve("scenarios/.gitignore")), "a name that only starts with .git is content");
        assertTrue(w.contains(root.resolve("scenarios/x.yaml")));
    }
}
