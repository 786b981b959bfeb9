package dev.trainspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in this JVM and captures what a user would see: exit code, stdout and stderr. */
final class Cli {
    private Cli() {}

    record Outcome(int exit, String stdout, String stderr) {}

    static synchronized Outcome execute(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int exit = Main.execute(args);
            return new Outcome(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** What the CLI printed to stdout (UTF-8), asserting it exited 0. */
    static String stdout(String... args) {
        Outcome o = execute(args);
        assertEquals(ExitCodes.PASSED, o.exit(), o.stderr());
        return o.stdout();
    }
}
