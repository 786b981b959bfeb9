package dev.trainspec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scenarios/README.md section 5: compare, refuse a missing snapshot under none, write under new/all, report drift. */
class SnapshotsTest {
    @TempDir
    Path dir;

    private static VariantResult run(double finalAccuracy) {
        return Results.tracking(Results.variant("base", List.of(), new double[] {0.5, finalAccuracy}), 0.01, "test.accuracy", "train.loss");
    }

    private static Verdict only(Map<String, List<Verdict>> verdicts) {
        assertEquals(1, verdicts.get("base").size(), verdicts.toString());
        return verdicts.get("base").get(0);
    }

    @Test
    void aMissingSnapshotFailsUnderNoneAndSaysHowToCreateIt() {
        Verdict v = only(new Snapshots(dir, UpdatePolicy.NONE).check("seeds/moons", List.of(run(0.98))));
        assertFalse(v.passed());
        assertTrue(v.detail().contains("--update new"), v.detail());
        assertFalse(Files.exists(dir.resolve("seeds/moons.yaml")));
    }

    @Test
    void theHowToNamesWhatWorksWhereTheRunWasStarted() {
        // a project that uses the JUnit engine has no target/trainspec.jar: the hint once named it there too
        Workspace ws = new Workspace(dir);
        String cli = only(Snapshots.in(ws, UpdatePolicy.NONE, UpdatePolicy.Door.CLI).check("m", List.of(run(0.98)))).detail();
        assertTrue(cli.endsWith("; create it with --update new (`run --update new " + run(0.98).scenario().file() + "`), then commit it"), cli);
        String junit = only(Snapshots.in(ws, UpdatePolicy.NONE, UpdatePolicy.Door.JUNIT).check("m", List.of(run(0.98)))).detail();
        assertTrue(junit.endsWith("; create it with -Dtrainspec.update=new (`mvn test -Dtrainspec.update=new`), then commit it"), junit);
        assertFalse(junit.contains("trainspec.jar"), junit);
        String ci = assertThrows(IllegalArgumentException.class, () -> UpdatePolicy.resolve("new", Map.of("CI", "true"), UpdatePolicy.Door.JUNIT)).getMessage();
        assertTrue(ci.endsWith("run with -Dtrainspec.update=new on your machine and commit the snapshots it writes"), ci);
    }

    @Test
    void newWritesTheSnapshotThenNoneComparesWithIt() throws IOException {
        assertTrue(only(new Snapshots(dir, UpdatePolicy.NEW).check("seeds/moons", List.of(run(0.98)))).passed());
        String text = Files.readString(dir.resolve("seeds/moons.yaml"));
        assertTrue(text.contains("    test.accuracy: 0.98\n"), text);
        assertTrue(text.contains("    train.loss: 0.020000000000000018\n"), text);

        List<Verdict> same = new Snapshots(dir, UpdatePolicy.NONE).check("seeds/moons", List.of(run(0.975))).get("base");
        assertTrue(same.stream().allMatch(Verdict::passed), same.toString());

        List<Verdict> drift = new Snapshots(dir, UpdatePolicy.NONE).check("seeds/moons", List.of(run(0.951))).get("base");
        Verdict accuracy = drift.get(0);
        assertFalse(accuracy.passed());
        assertTrue(accuracy.detail().startsWith("test.accuracy 0.98 -> 0.951, tolerance 0.01"), accuracy.detail());
        assertEquals(0.98, accuracy.bound());
    }

    @Test
    void aMetricNewlyListedIsAddedByNewAndNamedUnderNone() throws IOException {
        VariantResult accuracyOnly = Results.tracking(Results.variant("base", List.of(), new double[] {0.5, 0.98}), 0.01, "test.accuracy");
        new Snapshots(dir, UpdatePolicy.NEW).check("m", List.of(accuracyOnly));
        Verdict missing = new Snapshots(dir, UpdatePolicy.NONE).check("m", List.of(run(0.9))).get("base").get(1);
        assertFalse(missing.passed());
        assertEquals("train.loss is not in the snapshot; add it with --update new", missing.detail());

        // the accuracy stays as accepted (0.98, though this run gives 0.9: new never rewrites a value), the loss is added
        List<Verdict> added = new Snapshots(dir, UpdatePolicy.NEW).check("m", List.of(run(0.9))).get("base");
        assertFalse(added.get(0).passed(), added.toString());
        assertTrue(added.get(1).passed() && added.get(1).detail().startsWith("added {train.loss="), added.toString());
        String text = Files.readString(dir.resolve("m.yaml"));
        assertTrue(text.contains("    test.accuracy: 0.98\n") && text.contains("    train.loss: 0.09999999999999998\n"), text);
    }

    @Test
    void allRewritesAnExistingSnapshotAndNewLeavesIt() throws IOException {
        new Snapshots(dir, UpdatePolicy.NEW).check("m", List.of(run(0.98)));
        new Snapshots(dir, UpdatePolicy.NEW).check("m", List.of(run(0.90)));
        assertTrue(Files.readString(dir.resolve("m.yaml")).contains("test.accuracy: 0.98\n"));
        new Snapshots(dir, UpdatePolicy.ALL).check("m", List.of(run(0.90)));
        assertTrue(Files.readString(dir.resolve("m.yaml")).contains("test.accuracy: 0.9\n"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("m.yaml"), files.map(p -> p.getFileName().toString()).toList(), "no temporary file left behind");
        }
    }

    @Test
    void aMalformedSnapshotIsAFailureThatNamesTheFile() throws IOException {
        Files.writeString(dir.resolve("m.yaml"), "variants: [1, 2]\n");
        Verdict v = only(new Snapshots(dir, UpdatePolicy.NONE).check("m", List.of(run(0.9))));
        assertFalse(v.passed());
        assertTrue(v.detail().contains("m.yaml"), v.detail());
    }

    @Test
    void ciRefusesToWriteSnapshotsWithAMessage() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> UpdatePolicy.resolve("all", Map.of("CI", "true"), UpdatePolicy.Door.CLI));
        assertTrue(refused.getMessage().contains("refused because CI=true"), refused.getMessage());
        assertEquals(UpdatePolicy.NONE, UpdatePolicy.resolve("none", Map.of("CI", "true"), UpdatePolicy.Door.CLI));
        assertEquals(UpdatePolicy.ALL, UpdatePolicy.resolve("all", Map.of(), UpdatePolicy.Door.CLI));
        assertEquals(UpdatePolicy.NONE, UpdatePolicy.resolve(null, Map.of(), UpdatePolicy.Door.CLI));
    }
}
