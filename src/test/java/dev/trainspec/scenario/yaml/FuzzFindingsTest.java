package dev.trainspec.scenario.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trainspec.scenario.Expectation;
import dev.trainspec.scenario.Origin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every input the fuzzers (LoaderFuzzTest, ExpectationFuzzTest) made crash, as a plain test
 * named after what broke, with the message the user now reads. The raw inputs also sit in the
 * fuzz tests' regression corpora.
 */
class FuzzFindingsTest {
    private static final Path FILE = Path.of("x.yaml");
    private static final ExpectationParser.Context CONTEXT = new ExpectationParser.Context(List.of("adam"), List.of(), 50);

    private static String problem(String line) {
        Problems problems = new Problems();
        Node.Scalar s = new Node.Scalar(line, Node.Kind.STR, Node.Style.PLAIN, new Origin(FILE, 1, 5));
        Expectation e = ExpectationParser.parse(s, "expect[0]", CONTEXT, problems, new Locator(Map.of(FILE, "  - " + line + "\n")));
        assertNull(e, "should not parse: " + line);
        assertEquals(1, problems.size());
        return problems.list().get(0).message();
    }

    @Test
    void nonAsciiDigitsAreNotNumbers() {
        // was: NumberFormatException from Double.parseDouble("٩") (Character.isDigit accepts Arabic-Indic digits)
        assertEquals("x.yaml:1:22: expect[0]: expected a metric such as test.accuracy or a number, found '٩'",
                problem("test.accuracy >= ٩"));
        assertEquals("x.yaml:1:5: expect[0]: expected a metric such as test.accuracy or a number, found '١'",
                problem("١ < test.accuracy"));
    }
}
