package dev.trainspec.engine.data;

/**
 * A csv option that does not fit the file ({@code label: species} in a file without that
 * column): {@code key} names the option ({@code label}, {@code features[1]}, {@code delimiter})
 * so that the caller can point at the scenario line that set it.
 */
public final class CsvOptionException extends IllegalArgumentException {
    private final String key;
    private final String expected;
    private final String found;

    CsvOptionException(String key, String expected, String found) {
        super(key + ": expected " + expected + ", found " + found);
        this.key = key;
        this.expected = expected;
        this.found = found;
    }

    public String key() {
        return key;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }
}
