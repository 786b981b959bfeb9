package dev.trainspec.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Issue 14, raw output: what a scenario's text may not do to a terminal, a CI log or a report. */
class PrintableTest {
    @Test
    void controlCharactersBecomeVisibleEscapes() {
        assertEquals("a\\rb\\e[31mc\\0d\\te\\u007ff\\u0085g", Printable.line("a\rb\u001b[31mc\0d\te\u007ff\u0085g"));
    }

    @Test
    void reorderingAndSeparatorCharactersAreEscapedToo() {
        assertEquals("x\\u202ey\\u2066z\\u2028w\\u200f", Printable.line("x\u202ey\u2066z\u2028w\u200f"));
    }

    @Test
    void noLineCanBeAWorkflowCommand() {
        assertEquals("\\::warning file=a::b", Printable.line("::warning file=a::b"));
        assertEquals("\\  ##[error]b", Printable.line("  ##[error]b"));
        assertEquals("ok\\n::error::x", Printable.line("ok\n::error::x"), "one line: the break is escaped, so nothing starts a line");
        assertEquals("ok\n\\::error::x\n", Printable.lines("ok\n::error::x\n"), "several lines: each is guarded");
    }

    @Test
    void ordinaryTextIsUnchanged() {
        String text = "s.yaml:3:5: model[0].linear: expected a positive integer, found -3 (ünïcode ✓)";
        assertEquals(text, Printable.line(text));
    }

    @Test
    void everyProblemMessageIsPrintable() {
        Problem p = new Problem(new Origin(java.nio.file.Path.of("::s.yaml"), 1, 1), "loss", "a loss", "'\u001b[2J'", "");
        assertEquals("\\::s.yaml:1:1: loss: expected a loss, found '\\e[2J'", p.message());
    }
}
