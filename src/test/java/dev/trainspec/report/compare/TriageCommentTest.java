package dev.trainspec.report.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageCommentTest {
    private static final Links LINKS = new Links("https://github.com/acme/models/blob/0123abc",
            "https://github.com/acme/models/actions/runs/42/artifacts/7", "https://github.com/acme/models/actions/runs/42/artifacts/8");

    /** The expected comment, committed: src/test/resources/report/triage-golden.md (-Dtrainspec.golden.write rewrites it). */
    @Test
    void matchesTheGoldenComment(@TempDir Path dir) throws IOException {
        UnitTests unit = new UnitTests(996, 1, 2, List.of(new UnitTests.Failure("dev.x.FooTest.adds", "dev/x/FooTest.java", 42, "expected: <2> but was: <3>")));
        String md = TriageComment.markdown(ComparisonTest.simulate(dir), unit, LINKS);
        if (System.getProperty("trainspec.golden.write") != null) Files.writeString(Path.of("src/test/resources/report/triage-golden.md"), md);
        try (InputStream in = getClass().getResourceAsStream("/report/triage-golden.md")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), md);
        }
    }

    @Test
    void failuresComeBeforeChangesAndPassingRowsAreFolded(@TempDir Path dir) throws IOException {
        String md = TriageComment.markdown(ComparisonTest.simulate(dir), UnitTests.NONE, Links.NONE);
        int failing = md.indexOf("**Failing (1)**");
        int changed = md.indexOf("**Changed by this pull request (1)**");
        int folded = md.indexOf("<details>");
        assertTrue(failing > 0 && failing < changed && changed < folded, md);
        assertTrue(md.substring(folded).contains("`seeds/steady`"), md);
        assertTrue(md.startsWith("### trainspec: 3 scenarios \u2014 2 passed, 1 failed, 0 errors \u00b7 unit tests: 0 run, 0 failed\n"), md);
    }

    @Test
    void aLargeAllGreenRunStaysUnderSixtyLines(@TempDir Path dir) throws IOException {
        PullRequestSimulation.write(dir);
        List<ResultDoc> head = new ArrayList<>();
        ResultDoc steady = ComparisonTest.docs(dir.resolve("head")).stream().filter(d -> d.id().equals("seeds/steady")).findFirst().orElseThrow();
        // 40 scenario files of 3 variants each, all passing and unchanged
        for (int i = 0; i < 40; i++) {
            ResultDoc.Variant v = steady.variants().get(0);
            List<ResultDoc.Variant> three = List.of(v, rename(v, "a"), rename(v, "b"));
            head.add(new ResultDoc("seeds/s" + i, "scenarios/seeds/s" + i + ".yaml", "passed", three));
        }
        String md = TriageComment.markdown(Comparison.of(head, head, null, null), UnitTests.NONE, LINKS);
        assertTrue(md.lines().count() < 60, md.lines().count() + " lines:\n" + md);
        assertTrue(md.contains("0 failing, 0 changed, 120 passing unchanged"), md);
    }

    private static ResultDoc.Variant rename(ResultDoc.Variant v, String name) {
        return new ResultDoc.Variant(name, v.status(), v.error(), v.runs(), v.expectations(), v.diagnosis());
    }

    @Test
    void invalidScenariosAreCountedInTheHeaderAndListedFirstWithTheirLines(@TempDir Path dir) throws IOException {
        List<Problem> invalid = Problem.in("scenarios/bad.yaml:3:1: unknown key 'mdoel' (did you mean 'model'?)");
        String md = TriageComment.markdown(ComparisonTest.simulate(dir), UnitTests.NONE, invalid, LINKS);
        assertTrue(md.startsWith("### trainspec: 3 scenarios \u2014 2 passed, 1 failed, 0 errors, 1 invalid \u00b7"), md);
        assertTrue(md.contains("**Invalid scenarios (1 problem)**\n\n- [`scenarios/bad.yaml:3:1`](https://github.com/acme/models/blob/0123abc/scenarios/bad.yaml#L3): "
                + "unknown key 'mdoel' (did you mean 'model'?)\n"), md);
        assertTrue(md.indexOf("Invalid scenarios") < md.indexOf("**Failing"), md);
    }
}
