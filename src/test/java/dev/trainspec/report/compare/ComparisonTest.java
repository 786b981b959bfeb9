package dev.trainspec.report.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.report.summary.ResultFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {
    static Comparison simulate(Path dir) throws IOException {
        PullRequestSimulation.write(dir);
        return Comparison.of(docs(dir.resolve("base")), docs(dir.resolve("head")), dir.resolve("base-snapshots"), dir.resolve("head-snapshots"));
    }

    static List<ResultDoc> docs(Path dir) throws IOException {
        return ResultFiles.readWithHistories(dir).files().stream().map(ResultDoc::of).toList();
    }

    @Test
    void theRegressionComesFirstWithItsDeltaSpreadPValueBrokenExpectationAndRewrittenSnapshot(@TempDir Path dir) throws IOException {
        Comparison c = simulate(dir);
        assertEquals(List.of("seeds/moons", "bugs/softmax", "seeds/steady"), c.variants().stream().map(VariantChange::id).toList());
        VariantChange moons = c.variants().get(0);
        assertEquals(VariantChange.Kind.FAILED, moons.kind());
        MetricChange key = moons.key();
        assertEquals("test.accuracy", key.metric());
        // finals 0.96, 0.95, 0.94 -> 0.90, 0.89, 0.88: the mean drops by 0.06, each side's std is 0.01
        assertEquals(0.95, key.base().mean(), 1e-12);
        assertEquals(0.89, key.head().mean(), 1e-12);
        assertEquals(-0.06, key.delta(), 1e-12);
        assertEquals(0.01, key.head().std(), 1e-12);
        // Welch: t = 0.06 / sqrt(2 * 0.01^2 / 3) = 7.35 with 4 degrees of freedom: scipy.stats.ttest_ind(equal_var=False) p = 0.00183
        assertEquals(0.00183, key.p(), 1e-5);
        assertEquals("0.95 \u2192 0.89 (\u22120.06 \u00b1 0.01, p = 0.0018)", key.text());
        assertEquals(List.of("mean test.accuracy >= 0.93"), moons.broke().stream().map(ResultDoc.Check::text).toList());
        assertEquals(20, moons.line());
        assertEquals(1, moons.snapshots().size());
        assertEquals("0.955 \u2192 0.895", moons.snapshots().get(0).values());
    }

    @Test
    void theNewPitfallIsAChangeAndTheUntouchedScenarioIsNot(@TempDir Path dir) throws IOException {
        Comparison c = simulate(dir);
        VariantChange softmax = c.variants().get(1);
        assertEquals(VariantChange.Kind.CHANGED, softmax.kind());
        assertEquals(List.of("softmax_before_cross_entropy"), softmax.appeared());
        assertTrue(softmax.key().unchanged());
        VariantChange steady = c.variants().get(2);
        assertEquals(VariantChange.Kind.UNCHANGED, steady.kind());
        assertTrue(steady.snapshots().isEmpty(), "an identical snapshot is no change");
        assertTrue(Double.isNaN(steady.key().p()), "one run a side: no p");
        assertEquals(new Comparison.Counts(2, 1, 0), c.head());
    }

    @Test
    void aScenarioWithoutBaseResultsIsNotNewsUnlessItFails(@TempDir Path dir) throws IOException {
        PullRequestSimulation.write(dir);
        Comparison c = Comparison.of(List.of(), docs(dir.resolve("head")), null, null);
        VariantChange steady = c.variants().stream().filter(v -> v.id().equals("seeds/steady")).findFirst().orElseThrow();
        assertEquals(VariantChange.Kind.UNCHANGED, steady.kind());
        assertNull(steady.key().base());
        assertEquals("new: 0.97", steady.key().text());
        assertEquals(VariantChange.Kind.FAILED, c.variants().get(0).kind());
    }

    @Test
    void withoutTheBasesSnapshotFolderNoSnapshotReadsAsRewritten(@TempDir Path dir) throws IOException {
        PullRequestSimulation.write(dir);
        Comparison c = Comparison.of(docs(dir.resolve("base")), docs(dir.resolve("head")), dir.resolve("missing"), dir.resolve("head-snapshots"));
        assertTrue(c.variants().stream().allMatch(v -> v.snapshots().isEmpty()));
    }

    @Test
    void aVariantThePullRequestRemovedIsAChangeNotAFailure(@TempDir Path dir) throws IOException {
        PullRequestSimulation.write(dir);
        List<ResultDoc> head = docs(dir.resolve("head")).stream().filter(d -> !d.id().equals("seeds/steady")).toList();
        Comparison c = Comparison.of(docs(dir.resolve("base")), head, null, null);
        VariantChange steady = c.variants().stream().filter(v -> v.id().equals("seeds/steady")).findFirst().orElseThrow();
        assertEquals(VariantChange.Kind.CHANGED, steady.kind());
        assertEquals(List.of("removed by this pull request"), TriageComment.notes(steady));
        assertEquals("0.97 \u2192 none", steady.key().text());
    }

    @Test
    void anInheritedExpectationIsNotALineOfTheFileThatInheritsIt() {
        // its line is in the extended file: the triage says which, and the link to the scenario does not jump to it
        ResultDoc.Check inherited = new ResultDoc.Check("test.accuracy >= 0.9", "scenarios/common/base.yaml", 14, false, "observed 0.55");
        ResultDoc.Check own = new ResultDoc.Check("test.loss < 0.1", 5, false, "observed 0.7");
        ResultDoc.Variant head = new ResultDoc.Variant("base", "failed", null, List.of(), List.of(inherited, own), List.of());
        VariantChange v = VariantChange.of("repro/child", "scenarios/repro/child.yaml", null, head, List.of());
        assertEquals(5, v.line());
        assertEquals(List.of("fails: test.accuracy >= 0.9 (observed 0.55) (line 14 of scenarios/common/base.yaml)",
                "fails: test.loss < 0.1 (observed 0.7) (line 5)"), TriageComment.notes(v));
    }

    @Test
    void aFileInvalidAtTheHeadIsListedOnceAsInvalidNotAsRemoved(@TempDir Path dir) throws IOException {
        PullRequestSimulation.write(dir);
        ResultDoc invalid = new ResultDoc("seeds/steady", "scenarios/seeds/steady.yaml", "error", List.of(),
                "scenarios/seeds/steady.yaml:3:1: unknown key 'mdoel' (did you mean 'model'?)");
        List<ResultDoc> head = new java.util.ArrayList<>(docs(dir.resolve("head")).stream().filter(d -> !d.id().equals("seeds/steady")).toList());
        head.add(invalid);
        Comparison c = Comparison.of(docs(dir.resolve("base")), head, null, null);
        assertEquals(List.of(), c.variants().stream().filter(v -> v.id().equals("seeds/steady")).toList());
        String md = TriageComment.markdown(c, UnitTests.NONE, Problem.invalid(UnitTests.NONE, head), Links.NONE);
        assertEquals(1, md.split("seeds/steady", -1).length - 1, md);
        assertTrue(md.contains("**Invalid scenarios (1 problem)**"), md);
    }
}
