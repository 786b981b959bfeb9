package dev.trainspec.report.allure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.report.JsonReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEnvironmentTest {
    @Test
    void thePropertiesFileReadsBackToTheSameValues() throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Java", "OpenJDK 17.0.15+6");
        p.put("OS", "Linux 6.1 (amd64)");
        p.put("odd key", " a=b:c #d\\e\nf");
        Properties read = new Properties();
        read.load(new StringReader(RunEnvironment.propertiesFile(p)));
        assertEquals(p.size(), read.size());
        p.forEach((k, v) -> assertEquals(v, read.getProperty(k), k));
    }

    @Test
    void onGitHubActionsTheEnvironmentNamesTheCommitAndTheExecutorLinksTheRun(@TempDir Path root) {
        Map<String, String> env = Map.of("GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "acme/models", "GITHUB_SHA", "f00d",
                "GITHUB_RUN_ID", "4242", "GITHUB_RUN_NUMBER", "17", "GITHUB_WORKFLOW", "ci", "TRAINSPEC_REPORT_URL", "https://acme.github.io/models/");
        assertEquals("f00d", RunEnvironment.properties(env, root).get("commit"));
        @SuppressWarnings("unchecked")
        Map<String, Object> ex = (Map<String, Object>) JsonReader.parse(RunEnvironment.executorJson(env));
        assertEquals("github", ex.get("type"));
        assertEquals("ci #17", ex.get("buildName"));
        assertEquals(17.0, ex.get("buildOrder"));
        assertEquals("https://github.com/acme/models/actions/runs/4242", ex.get("buildUrl"));
        assertEquals("https://acme.github.io/models/", ex.get("reportUrl"));
        assertEquals("local", ((Map<?, ?>) JsonReader.parse(RunEnvironment.executorJson(Map.of()))).get("type"));
    }

    @Test
    void locallyTheCommitIsReadFromGitFilesWorktreesAndPackedRefsIncluded(@TempDir Path dir) throws Exception {
        Path main = dir.resolve("main/.git");
        Files.createDirectories(main.resolve("worktrees/wt"));
        Files.writeString(main.resolve("packed-refs"), "# pack-refs with: peeled fully-peeled sorted\n"
                + "1111111111111111111111111111111111111111 refs/heads/main\n2222222222222222222222222222222222222222 refs/heads/feature\n");
        Files.writeString(main.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.writeString(main.resolve("worktrees/wt/HEAD"), "ref: refs/heads/feature\n");
        Files.writeString(main.resolve("worktrees/wt/commondir"), "../..\n");
        Path wt = Files.createDirectories(dir.resolve("wt"));
        Files.writeString(wt.resolve(".git"), "gitdir: " + main.resolve("worktrees/wt") + "\n");
        assertEquals("1111111111111111111111111111111111111111", RunEnvironment.commit(Map.of(), dir.resolve("main")));
        assertEquals("2222222222222222222222222222222222222222", RunEnvironment.commit(Map.of(), wt));
        Files.createDirectories(main.resolve("refs/heads"));
        Files.writeString(main.resolve("refs/heads/feature"), "3333333333333333333333333333333333333333\n");
        assertEquals("3333333333333333333333333333333333333333", RunEnvironment.commit(Map.of(), wt), "a loose ref wins over packed-refs");
        assertEquals("unknown", RunEnvironment.commit(Map.of(), dir.resolve("nowhere")));
    }

    @Test
    void metadataFilesAreWrittenIntoTheResultsDirectory(@TempDir Path dir) throws Exception {
        AllureMetadata.write(dir, dir, Map.of());
        for (String f : new String[] {"categories.json", "environment.properties", "executor.json"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count(), "no temporary files left behind");
        }
    }
}
