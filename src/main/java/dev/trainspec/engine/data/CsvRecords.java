package dev.trainspec.engine.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records of a CSV text, one at a time: fields separated by the delimiter, records by
 * CRLF, LF or CR; a field may be quoted ({@code "a, ""b"""}), and a quoted field may hold
 * delimiters and line breaks. Each field remembers the line and character column where it
 * starts, so that a bad cell can be shown as {@code file:line:column}. Empty lines are skipped
 * (as pandas does), a leading UTF-8 byte order mark is ignored. Stricter than most readers
 * where RFC 4180 is: a quote inside an unquoted field, or text after a closing quote, is an
 * error rather than a guess.
 */
final class CsvRecords {
    /** One field: its text (quotes removed, doubled quotes undone) and where it starts. */
    record Field(String text, boolean quoted, int line, int column) {}

    /** One record: its fields and the line where it starts. */
    record Record(List<Field> fields, int line) {}

    private final String s;
    private final char delimiter;
    private final Path file;
    private int pos;
    private int line = 1;
    private int lineStart;

    CsvRecords(String text, char delimiter, Path file) {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new CsvOptionException("delimiter", "a single character other than a quote or a line break",
                    Describe.text(String.valueOf(delimiter)));
        }
        this.s = text;
        this.delimiter = delimiter;
        this.file = file;
        if (s.startsWith("\uFEFF")) pos = lineStart = 1;
    }

    /** The next record, or null at the end of the text. */
    Record next() {
        while (pos < s.length() && (s.charAt(pos) == '\n' || s.charAt(pos) == '\r')) endLine();
        if (pos >= s.length()) return null;
        int recordLine = line;
        List<Field> fields = new ArrayList<>();
        while (true) {
            fields.add(s.charAt(pos) == '"' ? quoted() : unquoted());
            if (pos < s.length() && s.charAt(pos) == delimiter) {
                pos++;
                if (pos >= s.length() || s.charAt(pos) == '\n' || s.charAt(pos) == '\r') {
                    fields.add(new Field("", false, line, column()));
                    break;
                }
                continue;
            }
            break;
        }
        if (pos < s.length()) endLine();
        return new Record(List.copyOf(fields), recordLine);
    }

    private Field unquoted() {
        int startLine = line;
        int startColumn = column();
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == delimiter || c == '\n' || c == '\r') break;
            if (c == '"') {
                throw new CsvFormatException(file, line, column(), "a quote only around a whole field (RFC 4180: \"a \"\"quoted\"\" word\")",
                        "a quote inside the unquoted field " + Describe.text(s.substring(start, Math.min(s.length(), lineEnd(pos)))));
            }
            pos++;
        }
        return new Field(s.substring(start, pos), false, startLine, startColumn);
    }

    private Field quoted() {
        int startLine = line;
        int startColumn = column();
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= s.length()) {
                throw new CsvFormatException(file, startLine, startColumn, "a closing quote for the field opened here", "the end of the file");
            }
            char c = s.charAt(pos);
            if (c == '"') {
                if (pos + 1 < s.length() && s.charAt(pos + 1) == '"') {
                    sb.append('"');
                    pos += 2;
                    continue;
                }
                pos++;
                break;
            }
            sb.append(c);
            if (c == '\n' || (c == '\r' && (pos + 1 >= s.length() || s.charAt(pos + 1) != '\n'))) {
                pos++;
                line++;
                lineStart = pos;
            } else {
                pos++;
            }
        }
        if (pos < s.length() && s.charAt(pos) != delimiter && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
            throw new CsvFormatException(file, line, column(), "a delimiter " + Describe.text(String.valueOf(delimiter))
                    + " or the end of the line after a closing quote", Describe.text(s.substring(pos, lineEnd(pos))));
        }
        return new Field(sb.toString(), true, startLine, startColumn);
    }

    /** Consumes one line terminator (CRLF, LF or CR). */
    private void endLine() {
        if (s.charAt(pos) == '\r' && pos + 1 < s.length() && s.charAt(pos + 1) == '\n') pos++;
        pos++;
        line++;
        lineStart = pos;
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') i++;
        return i;
    }

    /** 1-based, counting characters (UTF-16 units) from the start of the line. */
    private int column() {
        return pos - lineStart + 1;
    }
}
