package dev.trainspec.report.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Issue 14: text from a pull request cannot change what the summary comment shows or links to. */
class SummaryEscapingTest {
    @Test
    void htmlLinksAndCodeSpansInACellAreText() {
        // '>' alone cannot open a tag, and '>=' is common in notes: it stays
        assertEquals("&lt;img src=x onerror=alert(1)> \\[click\\](https://evil) \\`code\\` \\*bold\\* \\~\\~gone\\~\\~ a\\|b &amp;amp;",
                SummaryTable.cell("<img src=x onerror=alert(1)> [click](https://evil) `code` *bold* ~~gone~~ a|b &amp;"));
    }

    @Test
    void controlCharactersAndWorkflowCommandsAreDefused() {
        // mid-line, '::' is harmless; the escape's backslash and bracket are Markdown-escaped so they show as written
        assertEquals("x ::warning::y\\\\e\\[31m", SummaryTable.cell("x\n::warning::y\u001b[31m"));
        assertEquals("\\\\::warning::y", SummaryTable.cell("::warning::y"));
    }

    @Test
    void anIdIsCodeUnlessItCouldLeaveTheCodeSpan() {
        assertEquals("`seeds/two-moons`", SummaryTable.code("seeds/two-moons"));
        assertEquals("<code>a\\`b&lt;i></code>", SummaryTable.code("a`b<i>"));
        assertEquals("<code>a\\\\ee</code>", SummaryTable.code("a\u001be"));
        // a pipe in a code span needs a backslash in a table and shows it elsewhere (the invalid-scenarios list)
        assertEquals("<code>a\\|b</code>", SummaryTable.code("a|b"));
        assertEquals("<code>g ::error::x</code>", SummaryTable.code("g\n::error::x"));
        assertEquals("<code>rtl\\\\u202egnp</code>", SummaryTable.code("rtl\u202egnp"));
    }

    @Test
    void ordinaryNotesAreUnchanged() {
        assertEquals("mean test.accuracy >= 0.9 (observed 0.5); diagnosis: non_finite", SummaryTable.cell(
                "mean test.accuracy >= 0.9 (observed 0.5); diagnosis: non_finite"));
    }
}
