package dev.trainspec.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workspace rule (SCENARIOS.md 8.2) seen from the working directories users run from: the
 * project root, its scenarios/ folder, and a folder outside the project with an absolute path.
 * Each run is a JVM of its own (the working directory of this one cannot change); the engine
 * (same rule, same class) is tested from outside the repository by the other tests here.
 */
@Tag("slow") // starts child JVMs; `mvn test -DexcludedGroups=slow` for a quick loop, never left out of `mvn test`
class WorkingDirectoryTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String output) {}

    private static Run cli(Path workingDirectory, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = ChildJvm.of(List.of(), "dev.trainspec.cli.Main", args).directory(workingDirectory.toFile()).redirectErrorStream(true);
        pb.environment().remove("CI"); // CI=true would refuse --update new
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    @Test
    void theSnapshotIsFoundFromTheRootFromScenariosAndFromOutsideWithAnAbsolutePath() throws Exception {
        EngineWorkspace ws = new EngineWorkspace(tmp.resolve("project"));
        Path file = Files.writeString(ws.scenarios.resolve("more/other.yaml"),
                EngineWorkspace.OTHER + "regression: {metrics: [test.accuracy], tolerance: 0.5}\n");
        Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Path snapshot = ws.root.resolve("reports/baselines/more/other.yaml");

        Run missing = cli(outside, "run", "--json", "json", file.toString());
        assertEquals(1, missing.exit(), missing.output());
        // shown relative to the workspace root, as messages and results show files, wherever the run started
        assertTrue(missing.output().contains("no snapshot of variant 'base' in reports/baselines/more/other.yaml;"), missing.output());

        Run created = cli(ws.root, "run", "--json", "target/json", "--update", "new", "scenarios/more/other.yaml");
        assertEquals(0, created.exit(), created.output());
        assertTrue(Files.exists(snapshot), created.output());

        for (Run r : List.of(cli(ws.scenarios, "run", "--json", "../target/json", "more/other.yaml"),
                cli(outside, "run", "--json", "json", file.toString()),
                cli(ws.scenarios.resolve("more"), "run", "--json", "json", "other.yaml"))) {
            assertEquals(0, r.exit(), r.output());
        }
        assertTrue(Files.notExists(outside.resolve("reports")) && Files.notExists(ws.scenarios.resolve("reports")), "snapshots only under the root");
    }
}
