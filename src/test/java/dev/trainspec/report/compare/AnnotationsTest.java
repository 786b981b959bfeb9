package dev.trainspec.report.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationsTest {
    @Test
    void aFailedExpectationIsAnErrorAtItsLine(@TempDir Path dir) throws IOException {
        PullRequestSimulation.write(dir);
        List<String> lines = Annotations.of(ComparisonTest.docs(dir.resolve("head")), UnitTests.NONE);
        assertEquals(List.of("::error file=scenarios/seeds/moons.yaml,line=20,title=trainspec seeds/moons [base]::"
                + "mean test.accuracy >= 0.93 (observed 0.89)"), lines);
    }

    @Test
    void anInheritedExpectationIsAnErrorInTheFileItsLineIsIn() {
        // a result's verdict names its "file" when its line is in a file the scenario extends
        String json = "{\"id\":\"repro/child\",\"file\":\"scenarios/repro/child.yaml\",\"status\":\"failed\",\"variants\":[{\"name\":\"base\","
                + "\"status\":\"failed\",\"runs\":[],\"expectations\":["
                + "{\"text\":\"test.accuracy >= 0.9\",\"file\":\"scenarios/common/base.yaml\",\"line\":14,\"passed\":false,\"detail\":\"observed 0.55\"},"
                + "{\"text\":\"test.loss < 0.1\",\"line\":5,\"passed\":false,\"detail\":\"observed 0.7\"}],\"diagnosis\":[]}],\"comparisons\":[]}";
        @SuppressWarnings("unchecked")
        ResultDoc doc = ResultDoc.of((java.util.Map<String, Object>) dev.trainspec.report.JsonReader.parse(json));
        assertEquals(List.of(
                "::error file=scenarios/common/base.yaml,line=14,title=trainspec repro/child [base]::test.accuracy >= 0.9 (observed 0.55)",
                "::error file=scenarios/repro/child.yaml,line=5,title=trainspec repro/child [base]::test.loss < 0.1 (observed 0.7)"),
                Annotations.of(List.of(doc), UnitTests.NONE));
    }

    @Test
    void driftIsAWarningAndInvalidScenariosPointAtEachProblem() {
        ResultDoc.Check drift = new ResultDoc.Check("test.accuracy matches its snapshot (tolerance 0.01)", 26, false, "0.985 -> 0.951");
        ResultDoc.Variant v = new ResultDoc.Variant("base", "failed", null, List.of(), List.of(drift), List.of());
        ResultDoc.Variant broken = new ResultDoc.Variant("base", "error",
                "scenarios/b.yaml:14:9: model[2].linear: expected a positive integer, found -3\nscenarios/b.yaml:20:3: unknown key 'optimiser', did you mean 'optimizer'?",
                List.of(), List.of(), List.of());
        List<String> lines = Annotations.of(List.of(new ResultDoc("a", "scenarios/a.yaml", "failed", List.of(v)),
                new ResultDoc("b", "scenarios/b.yaml", "error", List.of(broken))), UnitTests.NONE);
        assertEquals(List.of(
                "::warning file=scenarios/a.yaml,line=26,title=trainspec a [base]::test.accuracy matches its snapshot (tolerance 0.01) (0.985 -> 0.951)",
                "::error file=scenarios/b.yaml,line=14,col=9,title=trainspec b [base]::model[2].linear: expected a positive integer, found -3",
                "::error file=scenarios/b.yaml,line=20,col=3,title=trainspec b [base]::unknown key 'optimiser', did you mean 'optimizer'?"), lines);
    }

    @Test
    void unitTestFailuresPointAtTheTestSourceAndMessagesAreEscaped() {
        UnitTests unit = new UnitTests(3, 1, 0, List.of(new UnitTests.Failure("dev.x.FooTest.adds", "dev/x/FooTest.java", 42, "100% wrong:\nexpected 2")));
        assertEquals(List.of("::error file=src/test/java/dev/x/FooTest.java,line=42,title=unit test dev.x.FooTest.adds::100%25 wrong:%0Aexpected 2"),
                Annotations.of(List.of(), unit));
        assertEquals("a%3A b%2C c%25", Annotations.property("a: b, c%"));
    }

    @Test
    void atMostFiftyAndTheRestCounted() {
        List<ResultDoc.Check> checks = new ArrayList<>();
        for (int i = 1; i <= 60; i++) checks.add(new ResultDoc.Check("x >= " + i, i, false, ""));
        ResultDoc.Variant v = new ResultDoc.Variant("base", "failed", null, List.of(), checks, List.of());
        List<String> lines = Annotations.of(List.of(new ResultDoc("a", "scenarios/a.yaml", "failed", List.of(v))), UnitTests.NONE);
        assertEquals(Annotations.LIMIT + 1, lines.size());
        assertEquals("::notice title=trainspec::10 more problems are not annotated: see the pull request comment and the report", lines.get(50));
    }

    @Test
    void invalidScenariosComeFromTheirFailedTestsOnceEachAndFilesThatRanAreLeftToTheirResults() {
        String message = "invalid scenario:\nscenarios/bad.yaml:3:1: unknown key 'mdoel' (did you mean 'model'?)\nscenarios/bad.yaml:9:5: lr: expected a positive number, found -1";
        String ran = "1 of 2 expectations failed for a [base]:\n  scenarios/a.yaml:20: mean test.accuracy >= 0.93 (observed 0.89)\nscenarios/a.yaml:7:3: budget exceeded";
        UnitTests scenarioTests = new UnitTests(3, 3, 0, List.of(new UnitTests.Failure("bad", "x", 0, message),
                new UnitTests.Failure("bad again", "x", 0, message), new UnitTests.Failure("a", "x", 0, ran)));
        List<Problem> invalid = Problem.invalid(scenarioTests, List.of(new ResultDoc("a", "scenarios/a.yaml", "failed", List.of())));
        assertEquals(List.of("scenarios/bad.yaml:3:1: unknown key 'mdoel' (did you mean 'model'?)", "scenarios/bad.yaml:9:5: lr: expected a positive number, found -1"),
                invalid.stream().map(Problem::toString).toList());
        assertEquals(List.of("::error file=scenarios/bad.yaml,line=3,col=1,title=trainspec%3A invalid scenario::unknown key 'mdoel' (did you mean 'model'?)",
                "::error file=scenarios/bad.yaml,line=9,col=5,title=trainspec%3A invalid scenario::lr: expected a positive number, found -1"),
                Annotations.of(List.of(), UnitTests.NONE, invalid));
    }

    @Test
    void anInvalidFilesErrorResultGivesItsProblemsAndACrashedFileIsOneError() {
        ResultDoc invalidFile = new ResultDoc("bad", "scenarios/bad.yaml", "error", List.of(),
                "scenarios/bad.yaml:3:1: unknown key 'mdoel' (did you mean 'model'?)\nscenarios/bad.yaml:9:5: lr: expected a positive number, found -1");
        ResultDoc crashed = new ResultDoc("c", "scenarios/c.yaml", "error", List.of(), "internal error (java.lang.IllegalStateException: x); this is a bug");
        List<Problem> invalid = Problem.invalid(UnitTests.NONE, List.of(invalidFile, crashed));
        assertEquals(List.of("scenarios/bad.yaml:3:1: unknown key 'mdoel' (did you mean 'model'?)", "scenarios/bad.yaml:9:5: lr: expected a positive number, found -1"),
                invalid.stream().map(Problem::toString).toList());
        assertEquals(List.of("::error file=scenarios/bad.yaml,line=3,col=1,title=trainspec%3A invalid scenario::unknown key 'mdoel' (did you mean 'model'?)",
                "::error file=scenarios/bad.yaml,line=9,col=5,title=trainspec%3A invalid scenario::lr: expected a positive number, found -1",
                "::error file=scenarios/c.yaml,line=1,title=trainspec c::internal error (java.lang.IllegalStateException: x); this is a bug"),
                Annotations.of(List.of(invalidFile, crashed), UnitTests.NONE, invalid));
        // the invalid file is counted as invalid (from its problems), not as a scenario that ran; the crashed one is an error
        Comparison c = Comparison.of(List.of(invalidFile), List.of(invalidFile, crashed), null, null);
        assertEquals(new Comparison.Counts(0, 0, 1), c.head());
        assertEquals(0, c.baseFiles());
    }
}
