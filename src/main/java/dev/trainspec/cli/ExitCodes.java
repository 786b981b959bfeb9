package dev.trainspec.cli;

/** SCENARIOS.md section 7: 0 all passed, 1 an expectation failed, 2 a scenario is invalid. */
final class ExitCodes {
    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int INVALID = 2;
    /** An engine bug: not a user mistake, so it is reported with its stack trace. */
    static final int CRASH = 3;

    private ExitCodes() {}
}
