package dev.trainspec.check;

import java.util.Locale;

/** passed, failed (an expectation did not hold) or error (invalid scenario, crash, budget exceeded). */
public enum Status {
    PASSED, FAILED, ERROR;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status worst(Status a, Status b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
