package dev.trainspec.scenario.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.trainspec.scenario.Expectation;
import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Issue 8.2: every line given to the expectation parser is either an expectation or exactly one
 * problem on that line, at a column inside it; nothing else escapes. The line is placed in a
 * source text the way it was written (plain, single- or double-quoted) so the {@link Locator}'s
 * walk over quotes and escapes is fuzzed too.
 */
class ExpectationFuzzTest {
    private static final Path FILE = Path.of("x.yaml");
    private static final ExpectationParser.Context CONTEXT =
            new ExpectationParser.Context(List.of("adam", "wide"), List.of("linear_svm", "majority_class"), 50);

    /** Not a JUnit @Timeout: under JAZZER_FUZZ=1 that would bound the whole campaign, not one input. */
    private static final long SLOW_NANOS = 2_000_000_000L;

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "60m")
    void parserReturnsAnExpectationOrOneProblemOnItsLine(FuzzedDataProvider data) {
        long start = System.nanoTime();
        check(data);
        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed < SLOW_NANOS, "a line took " + elapsed / 1_000_000 + " ms");
    }

    private static void check(FuzzedDataProvider data) {
        int style = data.consumeInt(0, 2);
        String line = data.consumeRemainingAsString();
        Node.Style nodeStyle = style == 0 ? Node.Style.PLAIN : Node.Style.QUOTED;
        String written = switch (style) {
            case 0 -> line;
            case 1 -> "'" + line.replace("'", "''") + "'";
            default -> "\"" + line.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        };
        Node.Scalar scalar = new Node.Scalar(line, Node.Kind.STR, nodeStyle, new Origin(FILE, 3, 5));
        Problems problems = new Problems();
        Locator locator = new Locator(Map.of(FILE, "expect:\n  # x\n  - " + written + "\n"));
        Expectation e = ExpectationParser.parse(scalar, "expect[0]", CONTEXT, problems, locator);
        if (e != null) {
            assertEquals(0, problems.size(), "an expectation and a problem at once");
            return;
        }
        assertEquals(1, problems.size(), "one problem a line");
        Problem p = problems.list().get(0);
        assertEquals(FILE, p.origin().file());
        assertTrue(p.origin().line() >= 3, "the problem's line: " + p);
        assertTrue(p.origin().column() >= 1, "the problem's column: " + p);
        assertTrue(!p.expected().isBlank(), "says what was expected: " + p);
    }
}
