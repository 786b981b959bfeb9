package dev.trainspec.report.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.scenario.Printable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sweep F: ids, file names, variant names and messages come from pull requests (a file's default
 * id is its name). Whatever they hold, the comment keeps its structure (no heading, no unclosed
 * details, no broken table row, no line a CI runner takes for a command, no raw control or bidi
 * character), the page stays one document and every annotation stays one command line.
 */
class HostileNamesTest {
    static final String[] HOSTILE = {"g\n::error::injected workflow command", "zz\n\n### trainspec: 3 scenarios\n\n<details><summary>more\n\n",
            "a|b`c`", "esc\u001b[31mred", "rtl\u202egnp"};

    private static List<ResultDoc> head() {
        List<ResultDoc> docs = new java.util.ArrayList<>();
        for (String name : HOSTILE) {
            ResultDoc.Check failed = new ResultDoc.Check("acc >= 0.9 " + name, 3, false, "observed " + name);
            ResultDoc.Run run = new ResultDoc.Run(0, Map.of("test.accuracy", 0.5), Map.of("test.accuracy", new double[] {0.4, 0.5}));
            ResultDoc.Variant v = new ResultDoc.Variant("v" + name, "failed", null, List.of(run), List.of(failed), List.of());
            ResultDoc.Variant same = new ResultDoc.Variant("p" + name, "passed", null, List.of(run), List.of(), List.of());
            docs.add(new ResultDoc(name, "scenarios/" + name + ".yaml", "failed", List.of(v, same)));
        }
        return docs;
    }

    @Test
    void theCommentKeepsItsStructure() {
        List<ResultDoc> head = head();
        List<Problem> invalid = List.of(new Problem("scenarios/" + HOSTILE[0] + ".yaml", 1, 1, "id: " + HOSTILE[1]),
                new Problem("scenarios/" + HOSTILE[2] + ".yaml", 1, 1, HOSTILE[3]));
        UnitTests unit = new UnitTests(1, 1, 0, List.of(new UnitTests.Failure(HOSTILE[0], "x/T.java", 1, HOSTILE[1])));
        Links links = new Links("https://github.com/o/r/blob/sha", "https://example.org/page", null);
        String md = TriageComment.markdown(Comparison.of(head, head, null, null), unit, invalid, links);
        assertEquals(Printable.lines(md), md, "no control or bidi character, no workflow command");
        assertEquals(1, md.lines().filter(l -> l.startsWith("#")).count(), md);
        assertEquals(1, md.split("<details>", -1).length - 1, md);
        assertFalse(md.contains("<summary>more"), md);
        for (String line : md.lines().toList()) {
            if (!line.startsWith("|")) continue;
            // cells: pipes not escaped by a backslash
            int pipes = line.replace("\\\\", "").replace("\\|", "").replaceAll("[^|]", "").length();
            assertTrue(pipes == 7 || pipes == 4, "a row of 6 or 3 cells: " + line);
        }
        // a link to a file whose name ends the URL early
        assertTrue(md.contains("(https://github.com/o/r/blob/sha/scenarios/a%7Cb%60c%60.yaml#L3)"), md);
    }

    @Test
    void thePageEscapesEveryName() {
        List<ResultDoc> head = head();
        String html = ComparePage.html(Comparison.of(head, head, null, null), new Links("https://github.com/o/r/blob/sha", null, null), Trend.EMPTY);
        assertEquals(Printable.lines(html), html); // the chart titles too
        assertFalse(html.contains("<details>"), html);
        assertFalse(html.contains("\u001b"), html);
    }

    @Test
    void everyAnnotationIsOneLineWithoutControlCharacters() {
        List<Problem> invalid = List.of(new Problem("scenarios/" + HOSTILE[0] + ".yaml", 1, 1, HOSTILE[3] + HOSTILE[4]));
        for (String a : Annotations.of(head(), UnitTests.NONE, invalid)) {
            assertFalse(a.contains("\n") || a.contains("\u001b") || a.contains("\u202e"), a);
            assertTrue(a.startsWith("::error file=scenarios/"), a);
        }
        assertEquals("::error file=scenarios/g\\n%3A%3Aerror%3A%3Ainjected workflow command.yaml,line=1,col=1,title=trainspec%3A invalid scenario::"
                + "esc\\e[31mredrtl\\u202egnp", Annotations.of(List.of(), UnitTests.NONE, invalid).get(0));
    }

    @Test
    void anInvalidFileWhoseNameHasSpacesIsStillInvalid() {
        String error = "scenarios/g\\n::error::injected workflow command.yaml:1:1: id: expected a file name that makes a valid default id";
        ResultDoc doc = new ResultDoc("g\n::error::injected workflow command", "scenarios/g\n::error::injected workflow command.yaml", "error", List.of(), error);
        assertTrue(doc.invalid());
        assertEquals("scenarios/g\\n::error::injected workflow command.yaml", doc.problems().get(0).file());
    }
}
