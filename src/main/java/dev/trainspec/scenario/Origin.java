package dev.trainspec.scenario;

import java.nio.file.Path;

/** Where a value was written: 1-based line and column in a scenario file, as editors count. */
public record Origin(Path file, int line, int column) {
    public static final Origin UNKNOWN = new Origin(Path.of("<unknown>"), 0, 0);

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
