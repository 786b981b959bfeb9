package dev.trainspec.cli;

/**
 * scenarios/README.md section 7: 0 all passed; 1 an expectation failed (regression drift and
 * error-level findings included); 2 refused before training (syntax, schema, shapes, loss vs
 * widths, resource limits, missing files, usage errors); 3 an internal error only.
 */
final class ExitCodes {
    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int INVALID = 2;
    /** A bug of trainspec, never a user mistake: one line on the screen, the stack trace in a file ({@link Crash}). */
    static final int CRASH = 3;

    private ExitCodes() {}
}
