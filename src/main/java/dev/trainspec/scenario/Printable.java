package dev.trainspec.scenario;

/**
 * Text from a scenario made safe to print where others read it: a terminal, a CI log, a test
 * report. Scenario files come from pull requests, so a value may hold an escape sequence that
 * rewrites the terminal, a carriage return that overprints a line, bidirectional controls that
 * reorder it, or a line starting {@code ::warning file=...::} that GitHub Actions would run as a
 * workflow command ({@code ##[} is the older form). Every message and report line goes through
 * here once, where it is printed.
 */
public final class Printable {
    private Printable() {}

    /** One line: every control or invisible reordering character as a visible escape; never a workflow command. */
    public static String line(String text) {
        return guard(escape(text, false));
    }

    /** Several lines: as {@link #line} for each, the line breaks kept. */
    public static String lines(String text) {
        String escaped = escape(text, true);
        StringBuilder out = new StringBuilder(escaped.length());
        int from = 0;
        while (from <= escaped.length()) {
            int end = escaped.indexOf('\n', from);
            if (end < 0) end = escaped.length();
            out.append(guard(escaped.substring(from, end)));
            if (end < escaped.length()) out.append('\n');
            from = end + 1;
        }
        return out.toString();
    }

    private static String escape(String text, boolean keepNewlines) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = keepNewlines && c == '\n' ? null : replacement(c);
            if (replacement == null) {
                if (out != null) out.append(c);
                continue;
            }
            if (out == null) out = new StringBuilder(text.length() + 16).append(text, 0, i);
            out.append(replacement);
        }
        return out == null ? text : out.toString();
    }

    /** How a character is shown, or null when it prints as itself. */
    private static String replacement(char c) {
        switch (c) {
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            case 0: return "\\0";
            case 0x1b: return "\\e";
            default: break;
        }
        boolean control = Character.isISOControl(c) // C0, DEL, C1 (NEL among them)
                || c == '\u2028' || c == '\u2029' // line and paragraph separators
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') // bidirectional embeddings and isolates
                || c == '\u200e' || c == '\u200f' || c == '\u061c'; // direction marks
        return control ? String.format("\\u%04x", (int) c) : null;
    }

    /** A line a CI runner would take for a command (after any leading blanks) gets a backslash in front. */
    private static String guard(String line) {
        String t = line.stripLeading();
        return t.startsWith("::") || t.startsWith("##[") ? "\\" + line : line;
    }
}
