package dev.trainspec.scenario.yaml;

import dev.trainspec.scenario.Origin;

import java.nio.file.Path;
import java.util.Map;

/**
 * Turns an offset inside a scalar's value into the line and column where that character was
 * written, walking the file's text: quotes, doubled single quotes, backslash escapes, block
 * headers and line folding are stepped over. Exact for single-line scalars; for folded ones it
 * lands on the written character in all but exotic cases.
 */
final class Locator {
    private final Map<Path, String> sources;

    Locator(Map<Path, String> sources) {
        this.sources = sources;
    }

    Origin at(Node.Scalar s, int offset) {
        String text = sources.get(s.origin().file());
        int pos = text == null ? -1 : index(text, s.origin().line(), s.origin().column());
        if (pos < 0 || pos >= text.length()) return s.origin();
        char quote = text.charAt(pos);
        boolean single = quote == '\'';
        boolean dbl = quote == '"';
        if (single || dbl) {
            pos++;
        } else if (quote == '|' || quote == '>') {
            pos = text.indexOf('\n', pos) + 1;
            if (pos == 0) return s.origin();
        }
        String value = s.text();
        for (int i = 0; i < offset && i < value.length() && pos < text.length(); i++) {
            char c = value.charAt(i);
            char r = text.charAt(pos);
            if (single && r == '\'' && pos + 1 < text.length() && text.charAt(pos + 1) == '\'') {
                pos += 2;
            } else if (dbl && r == '\\' && pos + 1 < text.length()) {
                char x = text.charAt(pos + 1);
                pos += x == 'x' ? 4 : x == 'u' ? 6 : x == 'U' ? 10 : 2;
            } else if (r == c) {
                pos++;
            } else if (Character.isWhitespace(r)) {
                while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
                if (!Character.isWhitespace(c) && pos < text.length() && text.charAt(pos) == c) pos++;
            } else {
                pos++;
            }
        }
        if (pos < text.length() && Character.isWhitespace(text.charAt(pos)) && offset < value.length()
                && !Character.isWhitespace(value.charAt(offset))) {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
        }
        return origin(s.origin().file(), text, pos);
    }

    private static int index(String text, int line, int column) {
        int pos = 0;
        for (int l = 1; l < line; l++) {
            pos = text.indexOf('\n', pos) + 1;
            if (pos == 0) return -1;
        }
        return pos + column - 1;
    }

    private static Origin origin(Path file, String text, int pos) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < pos && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Origin(file, line, pos - lineStart + 1);
    }
}
