package dev.trainspec.scenario;

import java.nio.file.Path;

/** Where a value was written: 1-based line and column in a scenario file, as editors count. */
public record Origin(Path file, int line, int column) {
    public static final Origin UNKNOWN = new Origin(Path.of("<unknown>"), 0, 0);

    /**
     * Whether this was written in {@code file}: not so for what a file inherits through
     * {@code extends}, whose lines are the extended file's.
     */
    public boolean isIn(Path file) {
        return this.file.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize());
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
