package dev.trainspec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.HostileWorkspace;
import dev.trainspec.scenario.Workspace;
import dev.trainspec.scenario.yaml.SnapshotYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: snapshots are read and written under the workspace's confinement rule, a write
 * failure is the scenario's failed verdict (not an exception that ends the run), and concurrent
 * writers of one id merge instead of losing a variant.
 */
class SnapshotsConfinementTest {
    @TempDir
    Path tmp;
    Path root;
    Workspace workspace;

    @BeforeEach
    void workspace() throws IOException {
        root = HostileWorkspace.root(tmp);
        workspace = new Workspace(root);
    }

    private static VariantResult variant(String name, double accuracy) {
        return Results.tracking(Results.variant(name, List.of(), new double[] {0.5, accuracy}), 0.01, "test.accuracy");
    }

    @Test
    void aLinkedSnapshotFolderIsNotWrittenThrough() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createDirectories(root.resolve("reports"));
        Files.createSymbolicLink(workspace.snapshotsDir(), elsewhere);
        Verdict v = Snapshots.in(workspace, UpdatePolicy.NEW).check("seeds/m", List.of(variant("base", 0.9))).get("base").get(0);
        assertFalse(v.passed());
        assertEquals("cannot write the snapshot reports/baselines/seeds/m.yaml: expected a folder inside the repository"
                + ", found a link to a folder outside the repository", v.detail());
        try (var written = Files.walk(elsewhere)) {
            assertEquals(List.of(elsewhere), written.toList(), "nothing written outside the workspace");
        }
    }

    @Test
    void aLinkedSnapshotFileIsNotReadNorQuoted() throws IOException {
        Path secret = HostileWorkspace.secret(tmp, "variants: {base: {test.accuracy: ");
        Files.createDirectories(workspace.snapshotsDir());
        Files.createSymbolicLink(workspace.snapshotsDir().resolve("m.yaml"), secret);
        Verdict v = Snapshots.in(workspace, UpdatePolicy.NONE).check("m", List.of(variant("base", 0.9))).get("base").get(0);
        assertFalse(v.passed());
        assertEquals("regression snapshot is readable", v.text());
        assertEquals("expected a file inside the repository, found a link to a file outside the repository", v.detail());
    }

    @Test
    void aSnapshotThatCannotBeWrittenFailsOnlyItsVerdict() throws IOException {
        Files.createDirectories(workspace.snapshotsDir());
        Files.writeString(workspace.snapshotsDir().resolve("seeds"), "a file where the id's folder should go");
        Map<String, List<Verdict>> verdicts = Snapshots.in(workspace, UpdatePolicy.ALL).check("seeds/m", List.of(variant("base", 0.9)));
        Verdict v = verdicts.get("base").get(0);
        assertFalse(v.passed());
        assertEquals("regression snapshot written", v.text());
        assertEquals("cannot write the snapshot reports/baselines/seeds/m.yaml: expected a folder, found a file at reports/baselines/seeds", v.detail());
    }

    @Test
    void concurrentWritersOfOneIdMergeTheirVariants() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Map<String, List<Verdict>>>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                VariantResult r = variant("v" + i, 0.5 + i / 100.0);
                done.add(pool.submit(() -> Snapshots.in(workspace, UpdatePolicy.NEW).check("m", List.of(r))));
            }
            for (Future<Map<String, List<Verdict>>> f : done) {
                Verdict v = f.get().values().iterator().next().get(0);
                assertTrue(v.passed(), v.detail());
            }
        } finally {
            pool.shutdownNow();
        }
        Path file = workspace.snapshotsDir().resolve("m.yaml");
        Map<String, Map<String, Double>> accepted = SnapshotYaml.read(Files.readAllBytes(file), "m.yaml");
        assertEquals(writers, accepted.size(), Files.readString(file, StandardCharsets.UTF_8));
        for (int i = 0; i < writers; i++) assertEquals(0.5 + i / 100.0, accepted.get("v" + i).get("test.accuracy"), 1e-12);
        try (var left = Files.list(workspace.snapshotsDir())) {
            assertEquals(List.of("m.yaml"), left.map(p -> p.getFileName().toString()).toList(), "no temporary or lock file left");
        }
    }
}
