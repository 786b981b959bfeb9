package dev.trainspec.engine.data;

import java.nio.file.Path;

/**
 * A mistake inside a CSV file: where (the file, its 1-based line and character column, as
 * editors count), what was expected and what was found. The bridge turns it into a scenario
 * problem that points at the CSV file rather than at the scenario.
 */
public final class CsvFormatException extends IllegalArgumentException {
    private final Path file;
    private final int line;
    private final int column;
    private final String expected;
    private final String found;

    CsvFormatException(Path file, int line, int column, String expected, String found) {
        super(file + ":" + line + ":" + column + ": expected " + expected + (found.isEmpty() ? "" : ", found " + found));
        this.file = file;
        this.line = line;
        this.column = column;
        this.expected = expected;
        this.found = found;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }
}
